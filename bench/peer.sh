#!/usr/bin/env bash
# The peer benchmark (BENCHMARKS.md): GoRules ZEN (npm @gorules/zen-engine, pinned in bench/zen) evaluating the
# wizard's bare decision beside our in-process and HTTP figures, in one run:
#   1. starts the packaged jar on 127.0.0.1 and exports its catalog (GET /api/agencies) as a JDM decision
#      (bench/zen/export.js; it says whether bench/zen/eca-decision.json is that export),
#   2. checks ZEN's answer against the service's for every agency alone and every pair, then times ZEN on the
#      selections RecommendationBenchmark times (1, 2, 10 agencies, the special entry),
#   3. runs RecommendationBenchmark's rules (our whole uncached answer) and baseline (plain Java) on them (JMH,
#      one thread; IN_PROCESS=0 leaves it out),
#   4. runs bench/http.sh (HTTP=0 leaves it out),
# and prints each selection's figures side by side. WARM_UP_S and MEASURE_S (seconds) set ZEN's and JMH's times.
set -euo pipefail
cd "$(dirname "$0")/.."
WARM_UP_S=${WARM_UP_S:-5}
MEASURE_S=${MEASURE_S:-5}
IN_PROCESS=${IN_PROCESS:-1}
HTTP=${HTTP:-1}
PORT=${PORT:-18082}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18092}
command -v node >/dev/null || { echo "node is missing: sudo apt-get install nodejs npm" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: sudo apt-get install python3" >&2; exit 2; }
[ -d bench/zen/node_modules ] || npm install --prefix bench/zen --no-package-lock --ignore-scripts --no-audit \
  --no-fund --loglevel=error
[ -f src/service/target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
out=$(realpath -m "${BENCH_OUT:-target/bench}")/peer
rm -rf "$out" && mkdir -p "$out"
base="http://127.0.0.1:$PORT"
# shellcheck source=bench/service.sh
source bench/service.sh
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

start
curl -sf "$base/api/agencies" > "$out/agencies.json"
node bench/zen/export.js < "$out/agencies.json" > "$out/eca-decision.json"
if cmp -s "$out/eca-decision.json" bench/zen/eca-decision.json; then
  echo "bench/zen/eca-decision.json is the export of the catalog in service"
else
  echo "bench/zen/eca-decision.json differs from the export of the catalog in service; to update it:" \
    "cp $out/eca-decision.json bench/zen/eca-decision.json"
fi
node bench/zen/bench.js "$out/eca-decision.json" "$base" "$WARM_UP_S" "$MEASURE_S" | tee "$out/zen.txt"
stop

if [ "$IN_PROCESS" != 0 ]; then
  ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.args="RecommendationBenchmark.(rules|baseline)\$ \
    -f 1 -wi 3 -w ${WARM_UP_S}s -i 3 -r ${MEASURE_S}s -t 1 -bm thrpt -tu s -rf json -rff $out/jmh.json" \
    > "$out/jmh.txt" 2>&1 || { cat "$out/jmh.txt"; exit 1; }
  python3 - "$out/jmh.json" "$out/zen.txt" <<'PY'
import json, re, sys
jmh = {}
for run in json.load(open(sys.argv[1])):
    jmh[(run["benchmark"].rsplit(".", 1)[1], run["params"]["selection"])] = run["primaryMetric"]["score"]
zen = {m.group(1): (float(m.group(2)), float(m.group(3))) for m in
       re.finditer(r"zen selection=(\S+): (\d+) evaluations/s one at a time, (\d+) with 16", open(sys.argv[2]).read())}
print(f"{'selection':<10} {'ours, uncached':>16} {'ZEN, one at a time':>20} {'ZEN, 16 in flight':>18} "
      f"{'plain Java':>12} {'ours / ZEN':>11} {'ours / plain Java':>18}")
for selection in ("1", "2", "10", "special"):
    ours, plain = jmh[("rules", selection)], jmh[("baseline", selection)]
    one, many = zen[selection]
    print(f"{selection:<10} {ours:>14,.0f}/s {one:>18,.0f}/s {many:>16,.0f}/s {plain:>10,.0f}/s "
          f"{ours / one:>11.2f} {'1 / %.0f' % (plain / ours):>18}")
PY
fi

if [ "$HTTP" != 0 ]; then
  BENCH_OUT="$out" PORT="$PORT" MANAGEMENT_PORT="$MANAGEMENT_PORT" bash bench/http.sh
fi
