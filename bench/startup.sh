#!/usr/bin/env bash
# Start-up benchmark (BENCHMARKS.md): time from launching the JVM to the first answer of the seed example, for
# eca-wizard on its bundled rules and for a bare Spring Boot service with the same starters (bench/bare), started
# alternately in one run so that both see the same machine:
#   eca fat jar      java -jar src/service/target/eca-wizard.jar (Java 17), against the bare fat jar: the ratio the issue sets
#   eca extracted    the jar extracted (java -Djarmode=tools -jar ... extract), Java 17
#   eca CDS          extracted, Java 17 with a static class-data sharing archive of a training run's classes
#   eca AOT cache    extracted, Java 25 with the AOT cache of a training run (-XX:AOTCacheOutput, then -XX:AOTCache),
#                    as Spring Boot documents; only when a Java 25 is found (JAVA25, or /usr/lib/jvm/*25*;
#                    JAVA25= leaves it out)
# Prints each start, the medians and the ratio. Traffic goes to 127.0.0.1 only; each start waits at most 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18081}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18091}
JAVA=${JAVA:-java}
JAVA25=${JAVA25-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true)}
[ -f src/service/target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
[ -f bench/bare/target/bare-service.jar ] || ./mvnw -q -B -f bench/bare/pom.xml package
out=$(realpath -m "${BENCH_OUT:-target/bench}")/startup
rm -rf "$out" && mkdir -p "$out"
# The working directory has no rules/, so eca-wizard serves its bundled rules.
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; true' EXIT

"$JAVA" -Djarmode=tools -jar src/service/target/eca-wizard.jar extract --destination "$work/extracted" >/dev/null
# Java 17's class-data sharing, static: a training run lists the classes loaded up to the refreshed context (the
# whole gate included); the lambda proxies are left out of the list, because archiving them crashes OpenJDK 17
# (as the dynamic archive, -XX:ArchiveClassesAtExit, does); -Xshare:dump writes the archive the starts map.
(cd "$work" && "$JAVA" -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh \
  -jar extracted/eca-wizard.jar --server.port=0 --management.server.port=0 > "$out/cds-training.log" 2>&1)
grep -v '@lambda' "$work/classes.lst" > "$work/classes-without-lambdas.lst"
(cd "$work" && "$JAVA" -Xshare:dump -XX:SharedClassListFile="$work/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$work/extracted/eca.jsa" -jar extracted/eca-wizard.jar > "$out/cds-dump.log" 2>&1)
if [ -n "$JAVA25" ]; then
  # The training run: starts, refreshes the context (the whole gate included), exits, and writes the cache.
  (cd "$work" && "$JAVA25" -XX:AOTCacheOutput="$work/extracted/eca.aot" -Dspring.context.exit=onRefresh \
    -jar extracted/eca-wizard.jar --server.port=0 --management.server.port=0 > "$out/aot-training.log" 2>&1)
fi

start() { # name, command...; prints seconds from launch to the first 200 answer of the seed example
  local name=$1 launched
  shift
  launched=$(date +%s.%N)
  (cd "$work" && exec "$@" --server.address=127.0.0.1 --server.port="$PORT" > "$out/$name.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 3000); do
    if curl -sf "http://127.0.0.1:$PORT/api/recommendations" -H 'Content-Type: application/json' \
         -d '{"agencies": ["CANES", "JPAS"]}' >/dev/null 2>&1; then
      awk -v a="$launched" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
      kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
      return 0
    fi
    sleep 0.02
  done
  echo "$name did not answer within 60 s; see $out/$name.log" >&2
  exit 1
}

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# eca-wizard's actuator has a port of its own (the bare service keeps Spring Boot's default: one port).
eca_ports=--management.server.port=$MANAGEMENT_PORT
for run in $(seq 1 "$RUNS"); do
  line="run $run:"
  t=$(start eca-fat "$JAVA" -jar "$PWD/src/service/target/eca-wizard.jar" "$eca_ports"); echo "$t" >> "$out/eca-fat.txt"; line+=" eca fat jar $t s,"
  t=$(start bare-fat "$JAVA" -jar "$PWD/bench/bare/target/bare-service.jar"); echo "$t" >> "$out/bare-fat.txt"; line+=" bare fat jar $t s,"
  t=$(start eca-extracted "$JAVA" -jar extracted/eca-wizard.jar "$eca_ports"); echo "$t" >> "$out/eca-extracted.txt"; line+=" eca extracted $t s"
  # -Xshare:on: a start that cannot map the archive fails rather than quietly running without it.
  t=$(start eca-cds "$JAVA" -XX:SharedArchiveFile=extracted/eca.jsa -Xshare:on -jar extracted/eca-wizard.jar "$eca_ports")
  echo "$t" >> "$out/eca-cds.txt"; line+=", eca CDS $t s"
  if [ -n "$JAVA25" ]; then
    t=$(start eca-aot "$JAVA25" -XX:AOTCache=extracted/eca.aot -jar extracted/eca-wizard.jar "$eca_ports")
    echo "$t" >> "$out/eca-aot.txt"; line+=", eca AOT cache (Java 25) $t s"
  fi
  echo "$line"
done
eca=$(median "$out/eca-fat.txt")
bare=$(median "$out/bare-fat.txt")
printf 'median start to first answer: eca fat jar %s s, bare fat jar %s s, ratio %s; eca extracted %s s' "$eca" "$bare" \
  "$(awk -v a="$eca" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')" "$(median "$out/eca-extracted.txt")"
printf '; eca CDS (Java 17) %s s' "$(median "$out/eca-cds.txt")"
if [ -n "$JAVA25" ]; then printf '; eca AOT cache (Java 25) %s s' "$(median "$out/eca-aot.txt")"; fi
echo
