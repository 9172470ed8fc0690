#!/usr/bin/env bash
# Benchmark: prints the figures of design §5 that a machine can measure, and writes them to target/bench/results.md
# (copy the table into docs/benchmarks.md with the date, machine and load). Not part of the test command.
#
#   bash bench/run.sh                  # builds once if the jars are missing
#   BENCH_REQUESTS=5000 bash bench/run.sh
#
# Starts, all on loopback and all stopped at the end: the standalone Nebula simulator (large:1000x50, 20 ms latency),
# WireMock with hub-stubs/ for both hubs, the packaged service (embedded PostgreSQL), and for the external-database
# start-up figure a separate PostgreSQL process. Load comes from bench/Load.java in its own JVM, and from wrk (Debian
# package wrk) for the cached-search figure.
set -euo pipefail

BENCH_NAME=bench
source "$(dirname "$0")/lib.sh"

# --- (d1) time to ready with an external database ------------------------------------------------------------------
say "external PostgreSQL on :$EXT_DB_PORT"
start_external_pg
READY_EXT=()
for run in 1 2 3; do
  start_service "extdb-$run" NEBULA_CATALOG_DATA_DIR="$WORK/data-ext" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" \
    QUARKUS_DATASOURCE_USERNAME=postgres
  READY_EXT+=("$READY_MS"); say "ready with external database: ${READY_MS} ms"
  stop_pid "$SVC_PID"
done
stop_pid "$PG_PID"

# --- the service under test: embedded database -----------------------------------------------------------------------
start_service embedded "${BENCH_BUDGETS[@]}" NEBULA_CATALOG_DATA_DIR="$WORK/data" NEBULA_CATALOG_DB_PORT="$DB_PORT"
PIDS+=($SVC_PID)
READY_EMBEDDED=$READY_MS
say "ready with embedded database (first start, fresh data dir): ${READY_EMBEDDED} ms"

TOKEN=$(curl -sf -X POST "$BASE/api/v2/catalog/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"viewer123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
SIM_TOKEN=$(curl -sf -X POST "$SIM/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"viewer123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
AUTH="Authorization: Bearer $TOKEN"

# --- (a) list vs one simulator round trip ----------------------------------------------------------------------------
LIST_PATH=/api/v2/catalog/models
ROUND=$(load --label sim_round_trip --url "$SIM/api/v2/models" --header "Authorization: Bearer $SIM_TOKEN" \
  --concurrency 1 --requests 300 --warmup 20)
echo "$ROUND" | tee -a "$OUT/raw.txt"
LIST=$(load --label list --url "$BASE$LIST_PATH" --header "$AUTH" --concurrency 1 --requests 300 --warmup 50)
echo "$LIST" | tee -a "$OUT/raw.txt"
LIST_C8=$(load --label list_c8 --url "$BASE$LIST_PATH" --header "$AUTH" --concurrency 8 --requests "$REQUESTS")
echo "$LIST_C8" | tee -a "$OUT/raw.txt"

# --- (b) search from cache ------------------------------------------------------------------------------------------
SEARCH="$BASE/api/v2/catalog/search?provider=huggingface&q=qwen"
load --label search_warm --url "$SEARCH" --header "$AUTH" --concurrency 2 --requests 200 >/dev/null
CACHED=$(load --label search_cached --url "$SEARCH" --header "$AUTH" --concurrency 8 --duration 15)
echo "$CACHED" | tee -a "$OUT/raw.txt"
# The target's own terms with a light generator: wrk (C, epoll) leaves the 2 cores to the service, where the JVM
# generator above takes about half of them itself. wrk's latencies are per request; 2 connections, 15 s.
if command -v wrk >/dev/null 2>&1; then
  WRK=$(wrk -t1 -c2 -d15s --latency -H "$AUTH" "$SEARCH")
  echo "$WRK" >>"$OUT/raw.txt"
  WRK_LINE=$(python3 - "$WRK" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r'([\d.]+)(us|ms|s)', v).groups()
    return float(n) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]
p50 = ms(re.search(r'^\s+50%\s+(\S+)', out, re.M).group(1))
p99 = ms(re.search(r'^\s+99%\s+(\S+)', out, re.M).group(1))
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
bad = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
errs = int(bad.group(1)) if bad else 0
print(f"p99 {p99:.2f} ms at {rps:.0f} req/s (median {p50:.2f} ms, non-2xx {errs})")
PY
)
  WRK_COUNT=$(echo "$WRK" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
else
  WRK_LINE="not measured: install wrk (apt-get install -y wrk)"; WRK_COUNT=0
fi
say "cached search with wrk: $WRK_LINE"
BURST_Q="bench-burst-$RANDOM$RANDOM"
BURST=$(load --label search_burst100 --url "$BASE/api/v2/catalog/search?provider=huggingface&q=$BURST_Q" \
  --header "$AUTH" --concurrency 100 --requests 100 --burst)
echo "$BURST" | tee -a "$OUT/raw.txt"
HUB_CALLS=$(curl -s -X POST "$HUB/__admin/requests/count" -H 'Content-Type: application/json' \
  -d "{\"method\":\"GET\",\"urlPath\":\"/api/models\",\"queryParameters\":{\"search\":{\"equalTo\":\"$BURST_Q\"}}}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
say "hub calls caused by 100 identical concurrent searches: $HUB_CALLS"

# --- (d2) RSS after 10,000 requests ----------------------------------------------------------------------------------
SENT=$(( 300 + 50 + REQUESTS + 200 + $(echo "$CACHED" | field count) + WRK_COUNT + 100 ))
if (( SENT < 10000 )); then
  load --label top_up --url "$BASE$LIST_PATH" --url "$SEARCH" --header "$AUTH" --concurrency 4 \
    --requests $(( 10000 - SENT )) | tee -a "$OUT/raw.txt" >/dev/null
  SENT=10000
fi
RSS_KB=$(awk '/VmRSS/{print $2}' "/proc/$SVC_PID/status")
PG_RSS_KB=$(ps -C postgres -o rss=,args= | awk -v p="$DB_PORT" '$0 ~ "-p "p {s+=$1} END {print s+0}')

# --- (c) page ---------------------------------------------------------------------------------------------------------
# First load = every script index.html references (the theme script, the entry chunk and any chunk it preloads), each
# compressed as served; the rest loads on demand (dialogs, audit, sign-in, Chinese).
FIRST_JS=$(grep -o '\(src\|href\)="/[^"]*\.js"' "$ROOT/frontend/dist/index.html" | sed 's/.*="\/\(.*\)"/\1/' | sort -u)
ENTRY_JS=$(echo "$FIRST_JS" | tr '\n' ' ' | sed 's/ $//')
FIRST_GZIP=0
for js in $FIRST_JS; do FIRST_GZIP=$(( FIRST_GZIP + $(gzip -9 -c "$ROOT/frontend/dist/$js" | wc -c) )); done
ALL_GZIP=$(cat "$ROOT"/frontend/dist/assets/*.js | gzip -9 -c | wc -c)
if [[ -d $ROOT/frontend/node_modules/playwright-core && -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
  REFRESH=$(BASE_URL="$BASE/" node "$ROOT/bench/refresh-requests.mjs" 2>&1 | tail -1)
else
  REFRESH="not measured: needs frontend/node_modules (the build installs it) and Chromium"
fi
echo "$REFRESH" | tee -a "$OUT/raw.txt"

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ms() { echo "$1" | field "$2"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
RT50=$(ms "$ROUND" p50_ms); RT99=$(ms "$ROUND" p99_ms)
L50=$(ms "$LIST" p50_ms); L99=$(ms "$LIST" p99_ms)
{
  echo "| figure | measured | target |"
  echo "|---|---|---|"
  echo "| one simulator round trip \`GET /api/v2/models\` ($SCENARIO, ${LATENCY_MS} ms), c=1 | median $RT50 ms, p99 $RT99 ms | — |"
  echo "| list \`GET $LIST_PATH\`, c=1 | median $L50 ms ($(ratio "$L50" "$RT50")×), p99 $L99 ms ($(ratio "$L99" "$RT50")×) | median ≤ 1.3×, p99 ≤ 2× round trip |"
  echo "| list, c=8, $REQUESTS requests | $(ms "$LIST_C8" rps) req/s, median $(ms "$LIST_C8" p50_ms) ms, p99 $(ms "$LIST_C8" p99_ms) ms, errors $(ms "$LIST_C8" errors) | — |"
  echo "| search from cache, wrk 2 connections, 15 s | $WRK_LINE | p99 ≤ 5 ms at ≥ 1,000 req/s |"
  echo "| search from cache, JVM load generator c=8 (shares the 2 cores), 15 s | $(ms "$CACHED" rps) req/s, median $(ms "$CACHED" p50_ms) ms, p99 $(ms "$CACHED" p99_ms) ms, errors $(ms "$CACHED" errors) | — |"
  echo "| 100 identical concurrent searches (cold) | $HUB_CALLS hub call(s); slowest answer $(ms "$BURST" max_ms) ms, errors $(ms "$BURST" errors) | 1 hub call |"
  echo "| page JS, gzip -9: first load (\`$ENTRY_JS\`) / all chunks | $FIRST_GZIP / $ALL_GZIP bytes | ≤ 150 KB |"
  echo "| requests per automatic refresh (browser, page left open) | $REFRESH | 1 |"
  echo "| time to ready, external PostgreSQL (3 starts) | ${READY_EXT[*]} ms | ≤ 3 s |"
  echo "| time to ready, embedded PostgreSQL (fresh data dir, includes initdb) | $READY_EMBEDDED ms | — |"
  echo "| service RSS after $SENT requests | $(( RSS_KB / 1024 )) MB (JVM; embedded PostgreSQL processes add $(( PG_RSS_KB / 1024 )) MB) | ≤ 250 MB |"
  echo
  echo "Load average at start: $LOAD_START; at end: $LOAD_END; $(nproc) cores."
} | tee "$OUT/results.md"
