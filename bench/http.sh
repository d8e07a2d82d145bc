#!/usr/bin/env bash
# HTTP benchmark (BENCHMARKS.md). Starts the packaged jar on 127.0.0.1 and runs wrk, in one run, against
#   - GET /actuator/health/liveness, the liveness probe of the same process (on its management port): a trivial
#     JSON answer (the baseline),
#   - POST /api/recommendations with a mix of 1 to 5 agencies, answers cached (the default),
#   - the same with the answer cache off (a fresh jar with eca.answers.cache-size=0),
# then prints requests/s, p50 and p99 of each and the ratios. Traffic goes to 127.0.0.1 only, for DURATION each.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
WARM_UP=${WARM_UP:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18090}
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 2; }
[ -f src/service/target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
# Where the logs and wrk outputs go (BENCH_OUT; the tests point it into their module's build directory).
out=${BENCH_OUT:-target/bench}
mkdir -p "$out"
base="http://127.0.0.1:$PORT"
management="http://127.0.0.1:$MANAGEMENT_PORT"
# shellcheck source=bench/service.sh
source bench/service.sh
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

run() { # name, wrk arguments...
  local name=$1
  shift
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" > "$out/$name.txt"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$out/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/$name.txt")
  printf '%-28s %12s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  echo "$rps" > "$out/$name.rps"
}

start
export_codes
echo "start-up to the first answer (java -jar, shipped rules): ${started_in} s"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $base ($(nproc) cores, $(java -version 2>&1 | head -1))"
# Warm-ups: the JIT needs a while on 2 cores before the figures settle.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM_UP" "$management/actuator/health/liveness" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM_UP" -s bench/recommendations.lua "$base/api/recommendations" > /dev/null
run trivial-liveness "$management/actuator/health/liveness"
run recommendations-cached -s bench/recommendations.lua "$base/api/recommendations"
curl -sf "$management/actuator/metrics/eca.answers.cache?tag=result:hit" | python3 -c \
  'import json,sys; print("cache hits:", int(json.load(sys.stdin)["measurements"][0]["value"]))'
curl -sf "$management/actuator/metrics/eca.answers.cache?tag=result:miss" | python3 -c \
  'import json,sys; print("cache misses:", int(json.load(sys.stdin)["measurements"][0]["value"]))'
stop

start --eca.answers.cache-size=0
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM_UP" -s bench/recommendations.lua "$base/api/recommendations" > /dev/null
run recommendations-uncached -s bench/recommendations.lua "$base/api/recommendations"
stop

awk -v s="$(cat "$out/trivial-liveness.rps")" -v c="$(cat "$out/recommendations-cached.rps")" \
    -v u="$(cat "$out/recommendations-uncached.rps")" \
    'BEGIN { printf "ratio cached/trivial %.2f, uncached/trivial %.2f\n", c / s, u / s }'
