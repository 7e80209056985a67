#!/usr/bin/env bash
# Smoke test of the Docker images and docker-compose.yml, where a Docker daemon is reachable:
#   1. packages the four applications (./mvnw, skipped with SMOKE_SKIP_PACKAGE=1) and builds their images on
#      BASE_IMAGE (default eclipse-temurin:21-jre; any image with Java 21+ and bash);
#   2. starts the suite (router, orchestrator, 2 compute, ui) under a project name of its own, with a random ticket
#      and free host ports, and waits for the router and the dashboard to be healthy;
#   3. solves berlin52 through the router's published port as a browser would (deploy/smoke/smoke.py solve);
#   4. scales compute to 3 and checks that 3 sessions serve tsp.compute.anneal and that all 3 contribute to a run;
#   5. tears everything down, also when it fails or is interrupted.
# Exits 0 when every check passed, 1 otherwise. Needs docker (with "docker compose" or docker-compose), Debian's
# python3-autobahn, and a JDK 21+ for the packaging step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BASE_IMAGE=${BASE_IMAGE:-eclipse-temurin:21-jre}
PYTHON=${PYTHON:-/usr/bin/python3}
STEP_TIMEOUT=${SMOKE_TIMEOUT:-180}

fail() { echo "docker-smoke: FAILED: $*" >&2; exit 1; }
step() { echo "docker-smoke: $*"; }

if ! command -v docker >/dev/null 2>&1; then fail "docker is not installed"; fi
if ! docker info >/dev/null 2>&1; then fail "no Docker daemon is reachable (docker info failed)"; fi
if docker compose version >/dev/null 2>&1; then
  compose_cmd=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose_cmd=(docker-compose)
else
  fail "neither 'docker compose' nor docker-compose is installed"
fi
"$PYTHON" -c 'import autobahn' 2>/dev/null || fail "$PYTHON cannot import autobahn (Debian package python3-autobahn)"

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
router_port=$(free_port)
ui_port=$(free_port)
project="switchboard-smoke-$$"
workdir=$(mktemp -d)
ticket=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
cat > "$workdir/env" <<ENV
SWITCHBOARD_SERVICE_TICKET=$ticket
SWITCHBOARD_DONATIONS=true
BASE_IMAGE=$BASE_IMAGE
SWITCHBOARD_TAG=smoke
ROUTER_PORT=$router_port
UI_PORT=$ui_port
COMPUTE_REPLICAS=2
ENV

compose() { "${compose_cmd[@]}" --project-name "$project" --env-file "$workdir/env" -f "$root/docker-compose.yml" "$@"; }
started=0
cleanup() {
  status=$?
  if [ "$started" = 1 ]; then
    if [ "$status" != 0 ]; then
      compose ps >&2 || true
      compose logs --no-color --tail 40 >&2 || true
    fi
    step "tearing down $project"
    compose down --volumes --remove-orphans --timeout 10 >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "${SMOKE_SKIP_PACKAGE:-0}" != 1 ]; then
  step "packaging the applications"
  ./mvnw -B -q -pl router-service,orchestrator-service,compute-service,ui-service -am package -DskipTests \
    || fail "packaging failed"
fi

step "building the images on $BASE_IMAGE"
timeout 1200 "${compose_cmd[@]}" --project-name "$project" --env-file "$workdir/env" -f "$root/docker-compose.yml" \
  build || fail "the images did not build"

step "starting the suite (router on $router_port, dashboard on $ui_port)"
started=1
compose up -d --scale compute=2 || fail "the suite did not start"

await_health() { # name port
  local deadline=$((SECONDS + STEP_TIMEOUT))
  until "$root/docker/healthcheck.sh" "$2" /actuator/health 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "$1 was not healthy on port $2 within ${STEP_TIMEOUT}s"
    sleep 2
  done
  step "$1 is healthy"
}
await_health router "$router_port"
await_health ui "$ui_port"

url="ws://127.0.0.1:$router_port/ws"
smoke() { SWITCHBOARD_TICKET=$ticket timeout $((STEP_TIMEOUT + 30)) "$PYTHON" -B "$root/deploy/smoke/smoke.py" "$@" \
  --url "$url" --timeout "$STEP_TIMEOUT"; }

smoke callees --expect 2 || fail "2 compute instances did not register tsp.compute.anneal"
smoke solve --budget-ms 3000 || fail "solving berlin52 through the router failed"

step "scaling compute to 3"
compose up -d --no-recreate --scale compute=3 || fail "scaling compute failed"
smoke callees --expect 3 || fail "3 compute instances did not register tsp.compute.anneal"
smoke solve --budget-ms 4000 --min-instances 3 || fail "a run did not use all 3 compute instances"

step "passed"
