#!/usr/bin/env bash
# Image start-up benchmark (BENCHMARKS.md): time from `podman run` to the first answer of the seed example, for the
# eca-wizard image (deploy/Containerfile) and for the bare Spring Boot service (bench/bare) built by the same recipe
# (the Containerfile with the bare jar in the place of eca-wizard's, training run and class-data archive included),
# started alternately the same way: read-only, 768 MiB as deploy/base/deployment.yaml limits it, host network on
# 127.0.0.1. Each image also starts with the archive turned off (JAVA_TOOL_OPTIONS=-Xshare:off), to show what it
# gives. Needs podman and runc, and the base image (BASE; deploy/debian-base.sh builds the default from Debian's
# packages). Prints each start, the medians and the ratio; each start waits at most 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18081}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18091}
BASE=${BASE:-localhost/eca-jre-base:17}
for tool in podman runc curl; do
  command -v "$tool" >/dev/null || { echo "the image benchmark needs $tool (sudo apt-get install podman runc curl)" >&2; exit 1; }
done
podman image exists "$BASE" || { echo "no base image $BASE: sudo bash deploy/debian-base.sh" >&2; exit 1; }
[ -f src/service/target/eca-wizard.jar ] || ./mvnw -q -B -DskipTests package
[ -f bench/bare/target/bare-service.jar ] || ./mvnw -q -B -f bench/bare/pom.xml package
out=$(realpath -m "${BENCH_OUT:-target/bench}")/image-start
rm -rf "$out" && mkdir -p "$out"
# What this machine's podman needs (as ImageIT): crun refuses its cgroups, and the default limits are above its own.
podman_options=(--runtime runc --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
tag=$$
eca_image=localhost/eca-wizard:bench-$tag
bare_image=localhost/bare-service:bench-$tag
bare_recipe=$(mktemp)
# Each start runs in a subshell ($(...)): its container is found by the run's tag, not by a variable.
trap 'podman ps -aq --filter "name=eca-bench-.*-$tag" | xargs -r podman rm -f >/dev/null 2>&1; podman rmi -f "$eca_image" "$bare_image" >/dev/null 2>&1; rm -f "$bare_recipe"; true' EXIT

sed 's|src/service/target/eca-wizard.jar|bench/bare/target/bare-service.jar|' deploy/Containerfile > "$bare_recipe"
grep -q bare-service.jar "$bare_recipe"
podman build -q "${podman_options[@]}" --build-arg BASE="$BASE" -f deploy/Containerfile -t "$eca_image" . > "$out/eca-build.log" 2>&1
podman build -q "${podman_options[@]}" --build-arg BASE="$BASE" -f "$bare_recipe" -t "$bare_image" . > "$out/bare-build.log" 2>&1

start() { # name, image, JAVA_TOOL_OPTIONS; prints seconds from `podman run` to the first 200 answer of the seed example
  local launched name=eca-bench-$1-$tag
  launched=$(date +%s.%N)
  podman run -d --name "$name" "${podman_options[@]}" --read-only --tmpfs /tmp --memory 768m --network host \
    -e JAVA_TOOL_OPTIONS="$3" "$2" --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.port="$MANAGEMENT_PORT" > /dev/null
  for _ in $(seq 1 3000); do
    if curl -sf "http://127.0.0.1:$PORT/api/recommendations" -H 'Content-Type: application/json' \
         -d '{"agencies": ["CANES", "JPAS"]}' >/dev/null 2>&1; then
      awk -v a="$launched" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
      podman logs "$name" > "$out/$1.log" 2>&1
      podman rm -f "$name" >/dev/null
      return 0
    fi
    sleep 0.02
  done
  podman logs "$name" > "$out/$1.log" 2>&1
  echo "$1 did not answer within 60 s; see $out/$1.log" >&2
  exit 1
}

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for run in $(seq 1 "$RUNS"); do
  t=$(start eca "$eca_image" ""); echo "$t" >> "$out/eca.txt"; line="run $run: eca image $t s,"
  t=$(start bare "$bare_image" ""); echo "$t" >> "$out/bare.txt"; line+=" bare image $t s,"
  t=$(start eca-no-archive "$eca_image" -Xshare:off); echo "$t" >> "$out/eca-no-archive.txt"
  line+=" eca image without the archive $t s,"
  t=$(start bare-no-archive "$bare_image" -Xshare:off); echo "$t" >> "$out/bare-no-archive.txt"
  echo "$line bare image without the archive $t s"
done
eca=$(median "$out/eca.txt")
bare=$(median "$out/bare.txt")
printf 'median start to first answer: eca image %s s, bare image %s s, ratio %s; without the archive: eca image %s s, bare image %s s\n' \
  "$eca" "$bare" "$(awk -v a="$eca" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')" \
  "$(median "$out/eca-no-archive.txt")" "$(median "$out/bare-no-archive.txt")"
