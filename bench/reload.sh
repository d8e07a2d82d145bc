#!/usr/bin/env bash
# Reload benchmark (BENCHMARKS.md, section 5): where a reload's time and CPU go in the packaged jar, idle and, with
# LOAD=1, while wrk sends answers to the same process. Starts the jar on a copy of the repository's rules/ behind a
# link and swaps the link RELOADS times, as git-sync delivers a revision, so that each swap changes one file: twice
# an agency file (to a revision with a comment added to agencies/EMC2.drl and back), then twice a wizard file
# (wizard/products.drl), and so on. For each reload it prints the time from the swap until GET /api/ruleset names
# the new version, and the CPU the service used meanwhile (Linux /proc): in all, and by group of threads: the gate
# (the watch's thread and the fork-join pools the gate and Drools' compiler use), the JIT compilers, the request
# threads, the garbage collector. Before each swap it waits for the last reload's impact to be worked out, as
# between two deliveries minutes apart. Linux only; 127.0.0.1 only.
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
cp -r rules "$rules/shipped"
cp -r rules "$rules/agency-edit"
echo "// an edit that changes no answer" >> "$rules/agency-edit/agencies/EMC2.drl"
cp -r rules "$rules/wizard-edit"
echo "// an edit that changes no answer" >> "$rules/wizard-edit/wizard/products.drl"
ln -sfn shipped "$rules/current"
base="http://127.0.0.1:$PORT"
# shellcheck source=bench/service.sh
source bench/service.sh
load=""
trap '[ -n "$load" ] && kill "$load" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

tick=$(getconf CLK_TCK)
# CPU milliseconds the service has used: in all (its threads that ended included), then by group of its threads
# alive now: gate jit requests gc.
cpu() {
  # The name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it. A thread
  # may end between the listing and the read: cat skips it.
  local all
  all=$(sed 's/^.*) //' /proc/"$pid"/stat | awk -v tick="$tick" '{ print int(($12 + $13) * 1000 / tick) }')
  cat /proc/"$pid"/task/*/stat 2>/dev/null | awk -v tick="$tick" -v all="$all" '
    { name = $0; sub(/^[^(]*\(/, "", name); sub(/\) [^)]*$/, "", name)
      rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); ms = (f[12] + f[13]) * 1000 / tick
      if (name ~ /^(rules-watcher|ForkJoinPool|drools)/) g["gate"] += ms
      else if (name ~ /CompilerThre/) g["jit"] += ms
      else if (name ~ /^http-nio/) g["requests"] += ms
      else if (name ~ /^(GC Thread|G1 )/) g["gc"] += ms }
    END { printf "%d %d %d %d %d\n", all, g["gate"], g["jit"], g["requests"], g["gc"] }'
}

# The version of the ruleset in service, as GET /api/ruleset gives it; empty when it does not answer.
version() {
  curl -sf "$base/api/ruleset" | grep -o '"version":"[^"]*"' | head -1 | cut -d'"' -f4 || true
}

# Waits until the impact of the reload that put $1 in service has been worked out (at most 60 s).
settled() {
  for _ in $(seq 1 600); do
    curl -sf "$base/api/ruleset" | grep -q '"to":"'"$1"'"' && return 0
    sleep 0.1
  done
}

WATCH=true start --eca.rules.dir="$rules/current"
echo "start-up to the first answer (java -jar, rules/ behind a link): ${started_in} s"
if [ "$LOAD" = 1 ]; then
  export_codes
  wrk -t2 -c"$CONNECTIONS" -d1h -s bench/recommendations.lua "$base/api/recommendations" \
    > "$out/reload-wrk.txt" &
  load=$!
  echo "under load: wrk -t2 -c$CONNECTIONS, the mix of bench/http.sh, from 5 s before the first swap"
  sleep 5
fi
printf '%-7s %-12s %9s %9s %9s %9s %9s %9s\n' reload edit "swap->in" "all CPU" gate jit requests gc
results="$out/reload-results.txt"
: > "$results"
serving=$(version)
for i in $(seq 1 "$RELOADS"); do
  # Each swap changes one file: shipped -> agency-edit -> shipped -> wizard-edit -> shipped ...
  if [ $(((i - 1) / 2 % 2)) = 0 ]; then edit=agency-file; edited=agency-edit; else edit=wizard-file; edited=wizard-edit; fi
  if [ $((i % 2)) = 0 ]; then target=shipped; else target=$edited; fi
  [ "$i" = 1 ] || settled "$serving"
  read -r a0 g0 j0 r0 c0 < <(cpu)
  swapped=$(date +%s%N)
  ln -sfn "$target" "$rules/current.next"
  mv -T "$rules/current.next" "$rules/current"
  deadline=$((swapped + 60000000000))
  now=$serving
  while [ -z "$now" ] || [ "$now" = "$serving" ]; do
    [ "$(date +%s%N)" -lt "$deadline" ] || { echo "reload $i did not go live in 60 s; see $out/server.log" >&2; exit 1; }
    sleep 0.05
    now=$(version)
  done
  took=$((($(date +%s%N) - swapped) / 1000000))
  serving=$now
  read -r a1 g1 j1 r1 c1 < <(cpu)
  printf '%-7s %-12s %6d ms %6d ms %6d ms %6d ms %6d ms %6d ms\n' "$i" "$edit" "$took" $((a1 - a0)) $((g1 - g0)) \
    $((j1 - j0)) $((r1 - r0)) $((c1 - c0)) | tee -a "$results"
done
# The median of a column of the results: the middle value, or the mean of the two middle ones.
median() {
  sort -n -k"$1" "$results" | awk -v c="$1" '{ v[NR] = $c }
    END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
printf 'median of %d reloads: %d ms from the swap to in service; CPU per reload: all %d ms, gate %d ms, JIT %d ms,' \
  "$RELOADS" "$(median 3)" "$(median 5)" "$(median 7)" "$(median 9)"
printf ' requests %d ms\n' "$(median 11)"
if [ -n "$load" ]; then
  kill -INT "$load"
  wait "$load" 2>/dev/null || true
  load=""
  awk '/^Requests\/sec/ { print "load: " $2 " answers/s over the whole run" } /Non-2xx|Socket errors/ { print }' \
    "$out/reload-wrk.txt"
fi
stop
