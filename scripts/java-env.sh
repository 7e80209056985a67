# Sourced by the project's scripts: picks a JDK 21+ as JAVA_HOME and puts it first on PATH.
# Order: JAVA_HOME if it already is a JDK 21+, then /usr/lib/jvm/temurin-25-jdk-amd64, then `java` on PATH.

java_major() { # prints the feature version of the java binary in $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

switchboard_pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    :
  elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  elif command -v java >/dev/null 2>&1 && [ "$(java_major "$(command -v java)")" -ge 21 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    echo "Switchboard needs a JDK 21 or newer: set JAVA_HOME to one." >&2
    return 1
  fi
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
  # JDK 24+ warns when libraries (Maven's own, msgpack) use sun.misc.Unsafe memory access; allow it quietly.
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
    case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe-memory-access*) ;; *)
      MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
    esac
  fi
}
