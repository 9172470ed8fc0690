#!/usr/bin/env bash
# Footprint benchmark: for each JVM flag set, starts the packaged service (external PostgreSQL, simulator
# large:1000x50 at 20 ms, stubbed hubs), sends 10,000 requests (block A list, a cached search, capabilities, the page)
# with 4 clients, then prints its RSS, the cached-search figure (wrk, 2 connections, 10 s) and the list's median/p99.
# This is how the flags shipped in run.sh and the image were chosen (docs/benchmarks.md).
#   bash bench/footprint.sh                        # the built-in candidates
#   FOOTPRINT_SETS=$'name|flags\nother|flags' bash bench/footprint.sh
set -euo pipefail
BENCH_NAME=footprint
export BENCH_SIM_PORT=18791 BENCH_HUB_PORT=18792 BENCH_PORT=18781 BENCH_DB_PORT=54981 BENCH_EXT_DB_PORT=54982
source "$(dirname "$0")/lib.sh"
start_external_pg

# the shipped flags (backend/jvm.options) as one line; each set below is passed whole, from the JVM's own defaults
SHIPPED=$(grep -v '^#' "$ROOT/backend/jvm.options" | tr '\n' ' ')
SETS=${FOOTPRINT_SETS:-"JVM defaults|
shipped (run.sh, image)|$SHIPPED
shipped, but C2 as well|$SHIPPED -XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=64m
G1, 128 MB heap|-Xmx128m -XX:ReservedCodeCacheSize=64m"}

printf '| flags | RSS after 10,000 requests | cached search (wrk) | list c=4 median / p99 | ready |\n|---|---|---|---|---|\n' >"$OUT/results.md"
while IFS='|' read -r name flags; do
  [[ -n $name ]] || continue
  BENCH_JVM_DEFAULTS=1 JAVA_OPTS="$flags" start_service "$(echo "$name" | tr -c 'a-z0-9' '-')" \
    NEBULA_CATALOG_DATA_DIR="$WORK/data-ext" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" QUARKUS_DATASOURCE_USERNAME=postgres \
    "${BENCH_BUDGETS[@]}"
  TOKEN=$(curl -sf -X POST "$BASE/api/v2/catalog/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"viewer","password":"viewer123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  AUTH="Authorization: Bearer $TOKEN"
  SEARCH="$BASE/api/v2/catalog/search?provider=huggingface&q=qwen"
  MIX=$(load --label mix --url "$BASE/api/v2/catalog/models" --url "$SEARCH" --url "$BASE/api/v2/catalog/capabilities" \
    --url "$BASE/model-catalog" --header "$AUTH" --concurrency 4 --requests 10000)
  LIST=$(load --label list --url "$BASE/api/v2/catalog/models" --header "$AUTH" --concurrency 4 --requests 1000)
  WRK=$(wrk -t1 -c2 -d10s --latency -H "$AUTH" "$SEARCH" 2>&1 || true)
  RSS_MB=$(( $(awk '/VmRSS/{print $2}' "/proc/$SVC_PID/status") / 1024 ))
  if [[ $flags == *NativeMemoryTracking* ]]; then # where the memory goes, by JVM area
    jcmd "$SVC_PID" VM.native_memory summary | grep -E '^-|committed=' | grep -E '^-' | sed 's/^/[footprint]   /' \
      | tee -a "$OUT/nmt-$(echo "$name" | tr -c 'a-z0-9' '-').txt"
  fi
  WRK_LINE=$(python3 - "$WRK" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r'([\d.]+)(us|ms|s)', v).groups()
    return float(n) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]
try:
    p99 = ms(re.search(r'^\s+99%\s+(\S+)', out, re.M).group(1))
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    bad = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    print(f"p99 {p99:.2f} ms at {rps:.0f} req/s, non-2xx {int(bad.group(1)) if bad else 0}")
except AttributeError:
    print("not measured (wrk missing or failed)")
PY
)
  line="| $name: \`${flags:-none}\` | $RSS_MB MB | $WRK_LINE | $(echo "$LIST" | field p50_ms) / $(echo "$LIST" | field p99_ms) ms (mix errors $(echo "$MIX" | field errors)) | $READY_MS ms |"
  echo "$line" | tee -a "$OUT/results.md"
  stop_pid "$SVC_PID"
done <<<"$SETS"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT/results.md"
