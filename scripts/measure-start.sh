#!/usr/bin/env bash
# Time to /healthz and idle resident memory of a server start (decision 019).
#   PORT=3471 DATA_DIR=/tmp/x scripts/measure-start.sh <label> npm start
#   PORT=3471 DATABASE_URL=postgres://… scripts/measure-start.sh <label> node build/node/index.js
# Starts the command in its own process group, polls /healthz, reads VmRSS of the process that
# listens on PORT 5 s after /healthz answered, then stops the group with SIGTERM.
set -u
label=$1; shift
port=${PORT:?set PORT}
log=${TMPDIR:-/tmp}/measure-$label.log
start=$(date +%s.%N)
setsid "$@" > "$log" 2>&1 &
group=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  sleep 0.1
  if ! kill -0 "$group" 2>/dev/null; then echo "$label: exited before /healthz (log: $log)"; exit 1; fi
done
end=$(date +%s.%N)
sleep 5
pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
printf '%s: /healthz after %.1f s, VmRSS %d MB (pid %s)\n' "$label" "$(echo "$end - $start" | bc)" $((rss / 1024)) "$pid"
kill -TERM -- "-$group" 2>/dev/null
for _ in $(seq 1 100); do kill -0 "$group" 2>/dev/null || break; sleep 0.1; done
