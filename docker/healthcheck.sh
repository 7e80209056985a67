#!/bin/bash
# Container health probe without curl or wget: GET /actuator/health over bash's /dev/tcp, healthy on HTTP 200.
#   healthcheck.sh [port] [path]      (defaults: $SERVER_PORT or 8080, /actuator/health)
port=${1:-${SERVER_PORT:-8080}}
path=${2:-/actuator/health}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."[01]" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
