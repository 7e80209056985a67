#!/usr/bin/env bash
# Solves a travelling-salesman problem on a running suite (scripts/run.sh) with the command-line client, e.g.
#   scripts/solve.sh berlin52 --budget 5s
#   scripts/solve.sh path/to/file.tsp --budget 10s
#   scripts/solve.sh --random 1000 --seed 7 --budget 5s
# `scripts/solve.sh --help` lists the options. Builds cli/target/switchboard-cli.jar first when it is missing or older
# than its sources, unless a suite started from this checkout is running (scripts/run.sh builds the client too).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
switchboard_pick_java

jar="$root/cli/target/switchboard-cli.jar"
sources=("$root/pom.xml")
for m in cli shared-wamp/wamp-protocol shared-wamp/wamp-client tsp-core; do
  sources+=("$root/$m/pom.xml" "$root/$m/src/main")
done
if [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  # The build would rewrite the router's jar too (the reactor needs it); never under a suite running from it.
  if pgrep -f -- "-jar $root/[a-z-]*-service/target/" >/dev/null 2>&1; then
    if [ -f "$jar" ]; then
      echo "solve.sh: $jar is older than its sources; using it, since the suite is running (scripts/run.sh builds it)" >&2
    else
      echo "solve.sh: no $jar, and a suite started from this checkout is running: stop it and start it again" \
        "(scripts/run.sh builds the client)" >&2
      exit 1
    fi
  else
    echo "Building the command-line client ..." >&2
    (cd "$root" && ./mvnw -q -B -pl cli -am package -Dmaven.test.skip=true -Dswitchboard.cli.only) >&2 \
      || { echo "solve.sh: the build failed" >&2; exit 1; }
  fi
fi
java_options=()
# JDK 24+ warns when msgpack uses sun.misc.Unsafe memory access; allow it quietly
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  java_options+=(--sun-misc-unsafe-memory-access=allow)
fi
exec "$JAVA_HOME/bin/java" "${java_options[@]}" -jar "$jar" "$@"
