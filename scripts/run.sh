#!/usr/bin/env bash
# Starts the Switchboard suite on this machine, building what is missing.
# For now the suite is the router alone; arguments go to it (e.g. --server.port=9090).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
switchboard_pick_java

jar=$(ls "$root"/router-service/target/router-service-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ]; then
  "$root/mvnw" -B -q -pl router-service -am package -DskipTests
  jar=$(ls "$root"/router-service/target/router-service-*.jar | head -n 1)
fi
exec java -jar "$jar" "$@"
