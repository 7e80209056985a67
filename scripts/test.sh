#!/usr/bin/env bash
# Runs every test of Switchboard: sets up what Maven cannot, then `./mvnw -B verify`.
#  - Debian/Ubuntu packages listed in .ci/apt-packages (installed when running as root and missing);
#  - npm packages of system-tests/package.json, installed into system-tests/node_modules.
# Extra arguments go to Maven, e.g. `scripts/test.sh -pl shared-wamp/wamp-protocol`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

apt_list="$root/.ci/apt-packages"
if [ -f "$apt_list" ] && grep -qv '^\s*\(#\|$\)' "$apt_list"; then
  mapfile -t wanted < <(grep -v '^\s*\(#\|$\)' "$apt_list")
  missing=()
  for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "Installing ${missing[*]} ..."
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Missing packages (install them as root): ${missing[*]}" >&2
    fi
  fi
fi

if [ -f "$root/system-tests/package.json" ]; then
  (cd "$root/system-tests" && npm install --no-audit --no-fund --loglevel=error)
fi

exec "$root/mvnw" -B verify "$@"
