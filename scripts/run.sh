#!/usr/bin/env bash
# Starts the whole Switchboard suite on this machine: the router (realm from deploy/router-suite.yml), the
# orchestrator, N compute instances and the dashboard (ui-service), each a JVM of its own bound to 127.0.0.1, with the
# suite's authentication on. First builds the applications' jars and the command-line client's (scripts/solve.sh)
# when one is missing or older than its sources.
# Waits until every service is healthy, then until Ctrl-C or SIGTERM, which stops them all. `--help` lists the options.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"

usage() {
  cat <<'EOF'
Usage: scripts/run.sh [options]

Starts the Switchboard suite: router, orchestrator, compute instances and dashboard (ui-service), each a separate
JVM bound to 127.0.0.1, and waits until all of them are healthy. Ctrl-C (or SIGTERM) stops them all.

Options:
  --compute N        how many compute instances to start (default 2)
  --base-port P      router on P (WAMP at ws://localhost:P/ws), dashboard on P+1, orchestrator on P+2, compute
                     instances on P+3, P+4, ... (skipping P+10), router RawSocket on P+10 (default 8080)
  --logs DIR         where the services' logs go (default logs/run-<timestamp>/ in the repository)
  --timeout SECONDS  how long each service may take to become healthy (default 180)
  --no-build         start the jars as they are, without checking that they are up to date
  -h, --help         show this help

Environment:
  SWITCHBOARD_SERVICE_TICKET  the ticket the services authenticate with (default: a random one for this run)
  SWITCHBOARD_DONATIONS       "false" stops dashboards from donating CPU (default true)
  JAVA_OPTS                   JVM options for every service (default -Xmx512m)
EOF
}

fail() { echo "run.sh: $*" >&2; exit 1; }
number() { [[ $2 =~ ^[0-9]+$ ]] || fail "$1 needs a number, got '$2' (see --help)"; }

computes=2
base=8080
logs=
timeout=180
build=true
while [ $# -gt 0 ]; do
  case $1 in
    --compute) [ $# -ge 2 ] || fail "--compute needs a number"; number "$1" "$2"; computes=$2; shift 2 ;;
    --compute=*) number --compute "${1#*=}"; computes=${1#*=}; shift ;;
    --base-port) [ $# -ge 2 ] || fail "--base-port needs a port"; number "$1" "$2"; base=$2; shift 2 ;;
    --base-port=*) number --base-port "${1#*=}"; base=${1#*=}; shift ;;
    --logs) [ $# -ge 2 ] || fail "--logs needs a folder"; logs=$2; shift 2 ;;
    --logs=*) logs=${1#*=}; shift ;;
    --timeout) [ $# -ge 2 ] || fail "--timeout needs a number of seconds"; number "$1" "$2"; timeout=$2; shift 2 ;;
    --timeout=*) number --timeout "${1#*=}"; timeout=${1#*=}; shift ;;
    --no-build) build=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[ "$computes" -ge 1 ] || fail "--compute must be at least 1"
[ "$base" -ge 1 ] && [ $((base + computes + 11)) -le 65535 ] || fail "--base-port $base leaves no room for the ports"

switchboard_pick_java
java_opts=(${JAVA_OPTS:--Xmx512m})
modules=(router-service orchestrator-service compute-service ui-service)

# --- the jars, built when missing or older than the sources that go into them; the command-line client's too
#     (scripts/solve.sh), so that it need not be built while the suite runs ---
jar_of() {
  local f
  if [ "$1" = cli ]; then
    f="$root/cli/target/switchboard-cli.jar"
    [ -f "$f" ] && echo "$f"
    return 0
  fi
  for f in "$root/$1/target/$1-"*.jar; do
    case $f in *-plain.jar|*-sources.jar|*-tests.jar|*-javadoc.jar) continue ;; esac
    [ -f "$f" ] && { echo "$f"; return; }
  done
}
sources_of() { # what goes into the module's jar, one path a line: its sources and those of the modules it uses
  local m deps=(shared-wamp/wamp-protocol)
  case $1 in
    router-service) ;;
    cli) deps+=(shared-wamp/wamp-client tsp-core) ;;
    *) deps+=(shared-wamp/wamp-client shared-wamp/wamp-spring-boot-starter tsp-core) ;;
  esac
  echo "$root/pom.xml"
  for m in "$1" "${deps[@]}"; do
    printf '%s\n' "$root/$m/pom.xml" "$root/$m/src/main"
  done
}
declare -A jar
stale=()
for m in "${modules[@]}" cli; do
  jar[$m]=$(jar_of "$m")
  if [ -z "${jar[$m]}" ]; then
    stale+=("$m")
  elif $build; then
    mapfile -t sources < <(sources_of "$m")
    [ -z "$(find "${sources[@]}" -newer "${jar[$m]}" -print -quit 2>/dev/null)" ] || stale+=("$m")
  fi
done
if ! $build; then
  missing=()
  for m in "${modules[@]}"; do [ -n "${jar[$m]}" ] || missing+=("$m"); done
  [ ${#missing[@]} -eq 0 ] || fail "no jar of ${missing[*]}; run without --no-build"
elif [ ${#stale[@]} -gt 0 ]; then
  echo "Building ${stale[*]} ..."
  apps=()
  for m in "${stale[@]}"; do [ "$m" = cli ] || apps+=("$m"); done
  if [ ${#apps[@]} -gt 0 ]; then
    (cd "$root" && ./mvnw -q -B -pl "$(IFS=,; echo "${apps[*]}")" -am package -DskipTests) || fail "the build failed"
  fi
  if [ "${stale[-1]}" = cli ]; then
    # without the client's tests, which alone need the applications (switchboard.cli.only leaves them out)
    (cd "$root" && ./mvnw -q -B -pl cli -am package -Dmaven.test.skip=true -Dswitchboard.cli.only) \
      || fail "the build of the command-line client failed"
  fi
  for m in "${stale[@]}"; do
    jar[$m]=$(jar_of "$m")
    [ -n "${jar[$m]}" ] || fail "the build made no jar of $m"
  done
fi

# --- ports, logs and the ticket ---
router_port=$base
ui_port=$((base + 1))
orchestrator_port=$((base + 2))
rawsocket_port=$((base + 10))
compute_ports=()
port=$((base + 3))
for ((i = 1; i <= computes; i++)); do
  [ "$port" -ne "$rawsocket_port" ] || port=$((port + 1))
  compute_ports+=("$port")
  port=$((port + 1))
done
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$router_port" "$rawsocket_port" "$ui_port" "$orchestrator_port" "${compute_ports[@]}"; do
  ! in_use "$p" || fail "port $p is in use (another run?); stop it or choose other ports with --base-port"
done

if [ -z "$logs" ]; then
  logs="$root/logs/run-$(date +%Y%m%d-%H%M%S)"
fi
mkdir -p "$logs"
logs=$(cd "$logs" && pwd)

if [ -n "${SWITCHBOARD_SERVICE_TICKET:-}" ]; then
  ticket=$SWITCHBOARD_SERVICE_TICKET
else
  ticket=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
fi
unset SWITCHBOARD_SERVICE_TICKET
wamp_url="ws://127.0.0.1:$router_port/ws"

# --- the processes; the ticket travels in their environment, never on a command line ---
names=()
pids=()
ports=()
stopping=false

launch() { # launch NAME MODULE PORT [ARGUMENTS...]
  local name=$1 module=$2 port=$3
  shift 3
  (
    if [ "$module" = router-service ]; then
      export SWITCHBOARD_SERVICE_TICKET=$ticket
    else
      export SWITCHBOARD_WAMP_URL=$wamp_url SWITCHBOARD_WAMP_REALM=realm1 SWITCHBOARD_WAMP_AUTH_METHOD=ticket \
        SWITCHBOARD_WAMP_AUTH_AUTHID=service SWITCHBOARD_WAMP_AUTH_SECRET=$ticket
    fi
    # the dashboard tells browsers where the router is
    [ "$module" != ui-service ] || export UI_ROUTER_URL="ws://localhost:$router_port/ws"
    exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "${jar[$module]}" \
      --server.port="$port" --server.address=127.0.0.1 "$@"
  ) </dev/null >"$logs/$name.log" 2>&1 &
  names+=("$name")
  pids+=("$!")
  ports+=("$port")
}

stop_all() {
  $stopping && return
  stopping=true
  trap '' INT TERM
  local live=() pid i
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && live+=("$pid")
  done
  if [ ${#live[@]} -gt 0 ]; then
    echo "Stopping the suite ..." >&2
    # the dashboard and the services first, the router last, so that the services leave the router cleanly
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
      [ "${names[$i]}" = router ] || kill -TERM "${pids[$i]}" 2>/dev/null || true
    done
    wait_gone 20 "${pids[@]:1}"
    kill -TERM "${pids[0]}" 2>/dev/null || true
    wait_gone 20 "${pids[0]}"
    for pid in "${pids[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then
        echo "process $pid did not stop within 20 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
  fi
  wait 2>/dev/null || true
}

wait_gone() { # wait_gone SECONDS PID...: until every PID has exited, or the time is up
  local deadline=$((SECONDS + $1)) pid alive
  shift
  while [ $SECONDS -lt $deadline ]; do
    alive=false
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || return 0
    sleep 0.2
  done
}

http_status() { # the HTTP status of GET http://127.0.0.1:PORT/actuator/health, or nothing
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
    IFS=' ' read -r -t 5 _ status _ <&3 && echo "$status"
  ) 2>/dev/null || true
}

await_healthy() { # await_healthy INDEX: until service INDEX answers 200 on /actuator/health
  local i=$1 deadline=$((SECONDS + timeout))
  while [ "$(http_status "${ports[$i]}")" != 200 ]; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "run.sh: ${names[$i]} exited before it was healthy; its log: ${logs}/${names[$i]}.log" >&2
      tail -n 20 "$logs/${names[$i]}.log" >&2 || true
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "run.sh: ${names[$i]} was not healthy within ${timeout} s (port ${ports[$i]}); its log: ${logs}/${names[$i]}.log" >&2
      tail -n 20 "$logs/${names[$i]}.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  echo "  ${names[$i]} is up (port ${ports[$i]})"
}

on_signal() { stop_all; exit 130; }
trap on_signal INT TERM
trap stop_all EXIT

echo "Starting the suite (logs in $logs) ..."
launch router router-service "$router_port" \
  --spring.config.additional-location="file:$root/deploy/router-suite.yml" \
  --switchboard.router.transport.rawsocket.host=127.0.0.1 \
  --switchboard.router.transport.rawsocket.port="$rawsocket_port"
await_healthy 0 || exit 1
launch orchestrator orchestrator-service "$orchestrator_port"
for ((i = 1; i <= computes; i++)); do
  launch "compute-$i" compute-service "${compute_ports[$((i - 1))]}"
done
launch ui ui-service "$ui_port"
for ((i = 1; i < ${#pids[@]}; i++)); do
  await_healthy "$i" || exit 1
done

cat <<EOF

Switchboard is running: ${#pids[@]} processes, logs in $logs
  dashboard  http://localhost:$ui_port/
  router     ws://localhost:$router_port/ws (realm realm1; RawSocket on port $rawsocket_port)
  solve      scripts/solve.sh berlin52 --budget 5s$([ "$router_port" = 8080 ] || echo " --url ws://localhost:$router_port/ws")
Press Ctrl-C to stop.
EOF

# until Ctrl-C / SIGTERM (the trap stops everything), or until a service exits on its own
set +e
wait -n "${pids[@]}"
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    echo "run.sh: ${names[$i]} exited; its log: ${logs}/${names[$i]}.log. Stopping the others." >&2
  fi
done
exit 1
