# The packaged jar on 127.0.0.1, for the benchmark scripts that source this file. They set PORT, MANAGEMENT_PORT,
# out (where the server's log goes) and base (http://127.0.0.1:$PORT) first, and trap EXIT to kill "$pid";
# WATCH=true turns the rules watch on (off by default, so that nothing but the benchmark runs).
pid=""

start() { # extra java arguments... ; sets started_in: seconds from launch to the first answer of the seed example
  local launched
  launched=$(date +%s.%N)
  java -jar src/service/target/eca-wizard.jar --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.port="$MANAGEMENT_PORT" --eca.rules.watch="${WATCH:-false}" \
    "$@" > "$out/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "$base/api/recommendations" -H 'Content-Type: application/json' \
         -d '{"agencies": ["CANES", "JPAS"]}' >/dev/null; then
      started_in=$(awk -v a="$launched" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      return 0
    fi
    sleep 0.05
  done
  echo "the jar did not start; see $out/server.log" >&2
  exit 1
}

# Writes the codes of the agencies in service, one per line, to $out/codes.txt and exports CODES naming it: the
# input of bench/recommendations.lua.
export_codes() {
  curl -sf "$base/api/agencies" | python3 -c 'import json,sys; print("\n".join(a["code"] for a in json.load(sys.stdin)))' \
    > "$out/codes.txt"
  export CODES="$out/codes.txt"
}

stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}
