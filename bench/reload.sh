#!/usr/bin/env bash
# Reload benchmark (BENCHMARKS.md, section 5): where a reload's time and CPU go in the packaged jar, idle and, with
# LOAD=1, while wrk sends answers to the same process. Starts the jar on a copy of the repository's rules/ behind a
# link, then swaps the link RELOADS times, as git-sync delivers a revision, alternately to a revision with an agency
# file edited and one with a wizard file edited (a comment each: the answers stay). For each reload it prints the
# time from the swap until the service says the new ruleset is in service, and the CPU each group of the service's
# threads used meanwhile (Linux /proc): the gate (the watch's thread and the fork-join pools the gate and Drools'
# compiler use), the JIT compilers, the request threads, the garbage collector. Linux only; 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
RELOADS=${RELOADS:-8}
LOAD=${LOAD:-0}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18090}
[ -d /proc/self/task ] || { echo "the reload benchmark reads /proc: it runs on Linux only" >&2; exit 2; }
if [ "$LOAD" = 1 ]; then
  command -v wrk >/dev/null || { echo "LOAD=1 needs wrk: sudo apt-get install wrk" >&2; exit 2; }
fi
[ -f src/service/target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
out=${BENCH_OUT:-target/bench}
rules="$out/reload-rules"
rm -rf "$rules"
mkdir -p "$rules"
cp -r rules "$rules/agency-edit"
echo "// an edit that changes no answer" >> "$rules/agency-edit/agencies/EMC2.drl"
cp -r rules "$rules/wizard-edit"
echo "// an edit that changes no answer" >> "$rules/wizard-edit/wizard/products.drl"
ln -sfn wizard-edit "$rules/current"
base="http://127.0.0.1:$PORT"
# shellcheck source=bench/service.sh
source bench/service.sh
load=""
trap '[ -n "$load" ] && kill "$load" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

tick=$(getconf CLK_TCK)
# CPU milliseconds the service's threads have used, by group: gate jit requests gc other.
cpu() {
  # One read of every thread's stat: its name in parentheses, then utime and stime, the 12th and 13th fields after it.
  awk -v tick="$tick" '
    { name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
      rest = substr($0, index($0, ") ") + 2); split(rest, f, " "); ms = (f[12] + f[13]) * 1000 / tick
      if (name ~ /^(rules-watcher|ForkJoinPool|drools)/) g["gate"] += ms
      else if (name ~ /CompilerThre/) g["jit"] += ms
      else if (name ~ /^http-nio/) g["requests"] += ms
      else if (name ~ /^(GC Thread|G1 )/) g["gc"] += ms
      else g["other"] += ms }
    END { printf "%d %d %d %d %d\n", g["gate"], g["jit"], g["requests"], g["gc"], g["other"] }' \
    /proc/"$pid"/task/*/stat 2>/dev/null
}

# The version of the ruleset in service, as GET /api/ruleset gives it.
version() {
  curl -sf "$base/api/ruleset" | grep -o '"version":"[^"]*"' | head -1
}

WATCH=true start --eca.rules.dir="$rules/current"
echo "start-up to the first answer (java -jar, rules/ behind a link): ${started_in} s"
if [ "$LOAD" = 1 ]; then
  curl -sf "$base/api/agencies" | python3 -c 'import json,sys; print("\n".join(a["code"] for a in json.load(sys.stdin)))' \
    > "$out/codes.txt"
  CODES="$out/codes.txt" wrk -t2 -c"$CONNECTIONS" -d1h -s bench/recommendations.lua "$base/api/recommendations" \
    > "$out/reload-wrk.txt" &
  load=$!
  echo "under load: wrk -t2 -c$CONNECTIONS, the mix of bench/http.sh, from 5 s before the first swap"
  sleep 5
fi
printf '%-7s %-12s %9s %9s %9s %9s %9s %9s\n' reload edit "swap->in" gate jit requests gc other
results="$out/reload-results.txt"
: > "$results"
for i in $(seq 1 "$RELOADS"); do
  if [ $((i % 2)) = 1 ]; then edit=agency-edit; else edit=wizard-edit; fi
  was=$(version)
  read -r g0 j0 r0 c0 o0 < <(cpu)
  swapped=$(date +%s%N)
  ln -sfn "$edit" "$rules/current.next"
  mv -T "$rules/current.next" "$rules/current"
  for _ in $(seq 1 1200); do
    [ "$(version)" != "$was" ] && break
    sleep 0.05
  done
  [ "$(version)" != "$was" ] || { echo "reload $i did not go live in 60 s; see $out/server.log" >&2; exit 1; }
  took=$((($(date +%s%N) - swapped) / 1000000))
  read -r g1 j1 r1 c1 o1 < <(cpu)
  printf '%-7s %-12s %6d ms %6d ms %6d ms %6d ms %6d ms %6d ms\n' "$i" "$edit" "$took" $((g1 - g0)) $((j1 - j0)) \
    $((r1 - r0)) $((c1 - c0)) $((o1 - o0)) | tee -a "$results"
  sleep 1
done
sort -n -k3 "$results" | awk '{ t[NR] = $3; g[NR] = $5; j[NR] = $7; r[NR] = $9 }
  END { m = int((NR + 1) / 2); printf "median of %d reloads: %d ms from the swap to in service", NR, t[m] }'
for col in 5 7 9; do
  sort -n -k$col "$results" | awk -v c=$col '{ v[NR] = $c } END { printf " %d", v[int((NR + 1) / 2)] }'
done | awk '{ printf "; CPU per reload (medians): gate %d ms, JIT %d ms, requests %d ms\n", $1, $2, $3 }'
if [ -n "$load" ]; then
  kill -INT "$load"
  wait "$load" 2>/dev/null || true
  load=""
  awk '/^Requests\/sec/ { print "load: " $2 " answers/s over the whole run" } /Non-2xx|Socket errors/ { print }' \
    "$out/reload-wrk.txt"
fi
stop
