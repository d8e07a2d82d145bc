#!/usr/bin/env bash
# HTTP benchmark (BENCHMARKS.md). Starts the packaged jar on 127.0.0.1 and runs wrk, in one run, against
#   - GET /robots.txt, a static file of the same server (the baseline),
#   - POST /api/recommendations with a mix of 1 to 5 agencies, answers cached (the default),
#   - the same with the answer cache off (a fresh jar with eca.answers.cache-size=0),
# then prints requests/s, p50 and p99 of each and the ratios. Traffic goes to 127.0.0.1 only, for DURATION each.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 2; }
[ -f target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
mkdir -p target/bench
base="http://127.0.0.1:$PORT"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

start() { # extra java arguments...
  java -jar target/eca-wizard.jar --server.address=127.0.0.1 --server.port="$PORT" --eca.rules.watch=false \
    "$@" > target/bench/server.log 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -sf "$base/api/ruleset" >/dev/null && return 0
    sleep 0.5
  done
  echo "the jar did not start; see target/bench/server.log" >&2
  exit 1
}

stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

run() { # name, wrk arguments...
  local name=$1
  shift
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" > "target/bench/$name.txt"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "target/bench/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "target/bench/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "target/bench/$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "target/bench/$name.txt")
  printf '%-28s %12s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  echo "$rps" > "target/bench/$name.rps"
}

start
curl -sf "$base/api/agencies" | python3 -c 'import json,sys; print("\n".join(a["code"] for a in json.load(sys.stdin)))' \
  > target/bench/codes.txt
export CODES=target/bench/codes.txt
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $base ($(nproc) cores, $(java -version 2>&1 | head -1))"
wrk -t1 -c4 -d5s -s bench/recommendations.lua "$base/api/recommendations" > /dev/null   # warm-up
wrk -t1 -c4 -d5s "$base/robots.txt" > /dev/null
run static-robots.txt "$base/robots.txt"
run recommendations-cached -s bench/recommendations.lua "$base/api/recommendations"
curl -sf "$base/actuator/metrics/eca.answers.cache" > target/bench/cache-metrics.json || true
stop

start --eca.answers.cache-size=0
wrk -t1 -c4 -d5s -s bench/recommendations.lua "$base/api/recommendations" > /dev/null   # warm-up
run recommendations-uncached -s bench/recommendations.lua "$base/api/recommendations"
stop

awk -v s="$(cat target/bench/static-robots.txt.rps)" -v c="$(cat target/bench/recommendations-cached.rps)" \
    -v u="$(cat target/bench/recommendations-uncached.rps)" \
    'BEGIN { printf "ratio cached/static %.2f, uncached/static %.2f\n", c / s, u / s }'
