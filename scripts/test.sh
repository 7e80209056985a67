#!/usr/bin/env bash
# Runs every test of Switchboard: sets up what Maven cannot, then `./mvnw -B verify`.
#  - Debian/Ubuntu packages listed in .ci/apt-packages (installed when running as root and missing);
#  - npm packages of system-tests/package.json, installed into system-tests/node_modules; npm itself must be on the
#    PATH.
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
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is not on the PATH: the interop tests in system-tests need Node.js 20 or newer with npm." >&2
    echo "Install Node.js with npm (see README.md, Prerequisites), then run $0 again." >&2
    exit 1
  fi
  # `npm install` rather than `npm ci`: npm refuses this lock file in `npm ci` (it leaves out cbor-extract's optional
  # platform packages), while `npm install` keeps to the locked versions and adds what this platform needs.
  (cd "$root/system-tests" && npm install --no-audit --no-fund --loglevel=error)
fi

exec "$root/mvnw" -B verify "$@"
