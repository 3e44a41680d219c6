#!/usr/bin/env bash
# Runs one README section's shell blocks ($1) as a reader would type them, inside a private network namespace
# (unshare -rn: its own loopback, so ports 3000, 6379 and 16100 are free and nobody else's). The service is the
# built one (dist/). Commands that start it (`npm run start:sim`, `node dist/main.js`, `docker compose up`) start
# it in the background with their own environment and wait for /health; building and installing were done by the
# test. Every curl reports "@@status <code> <method> <url>" on stderr; SNMP tools report their exit code.
set -u
ip link set lo up
redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
  --logfile "$WORK/redis.log" --daemonize yes --pidfile "$WORK/redis.pid" >/dev/null
APP=
cleanup() {
  ss -Hlntu | awk '{ print "@@listen", $1, $5 }' >&2
  if [ -n "$APP" ]; then
    # A stop is not what the section checks: the service gets 2 s to exit on SIGTERM (a sweep still running, such
    # as the one at start, would hold it for as long as the sweep takes), then it is killed.
    kill "$APP" 2>/dev/null
    for _ in $(seq 1 20); do
      kill -0 "$APP" 2>/dev/null || break
      command sleep 0.1
    done
    kill -9 "$APP" 2>/dev/null
    wait "$APP" 2>/dev/null
  fi
  kill "$(cat "$WORK/redis.pid")" 2>/dev/null
}
trap cleanup EXIT

start_app() {
  (cd "$ROOT" && exec node dist/main.js) >>"$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 900); do
    if command curl -sf -o /dev/null "localhost:${PORT:-3000}/health"; then
      echo "@@started" >&2
      return 0
    fi
    if ! kill -0 "$APP" 2>/dev/null; then
      echo "@@app-exited" >&2
      APP=
      return 1
    fi
    command sleep 0.2
  done
  echo "@@app-not-healthy" >&2
}

npm() {
  case "$*" in
    "run start:sim") SIMULATOR_ENABLED=true start_app ;;
    "start" | "run start" | "run start:prod") start_app ;;
    *) : ;; # ci, build, test: done by the test before this runs
  esac
}

node() {
  if [ "$*" = "dist/main.js" ]; then start_app; else command node "$@"; fi
}

docker() {
  case "$*" in
    *compose*up*) eval "$COMPOSE_ENV start_app" ;;
    *) : ;;
  esac
}

sleep() { :; } # waits for caches to expire: the test checks status codes, not the verdicts shown

curl() { command curl -w '%{stderr}@@status %{http_code} %{method} %{url_effective}\n' "$@"; }
snmpget() {
  command snmpget "$@"
  echo "@@exit snmpget $?" >&2
}
snmpbulkwalk() {
  command snmpbulkwalk "$@"
  echo "@@exit snmpbulkwalk $?" >&2
}
snmpwalk() {
  command snmpwalk "$@"
  echo "@@exit snmpwalk $?" >&2
}

# Files the section writes (captures...) go to its scratch folder, never into the clone.
cd "$WORK" || exit 1
# shellcheck disable=SC1090
. "$1"
echo "@@done" >&2
