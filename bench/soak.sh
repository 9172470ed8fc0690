#!/usr/bin/env bash
# Soak: 200 clients polling the list every 10 s (20 req/s) plus 20 searches/s, for SOAK_MINUTES (default 10), against
# the same set-up as bench/run.sh (simulator large:1000x50 with 20 ms latency, hub stubs, packaged service with its
# embedded PostgreSQL). Reports, per window of SOAK_WINDOW_S seconds, each stream's p99 and errors and the service's
# RSS; exits non-zero when any request failed. Not part of the test command.
#
#   bash bench/soak.sh                    # 10 minutes
#   SOAK_MINUTES=2 bash bench/soak.sh
set -euo pipefail

BENCH_NAME=soak
source "$(dirname "$0")/lib.sh"
MINUTES=${SOAK_MINUTES:-10}
WINDOW_S=${SOAK_WINDOW_S:-30}
CLIENTS=${SOAK_CLIENTS:-200}
POLL_S=${SOAK_POLL_S:-10}
SEARCH_RPS=${SOAK_SEARCH_RPS:-20}

start_service soak "${BENCH_BUDGETS[@]}" NEBULA_CATALOG_DATA_DIR="$WORK/data" NEBULA_CATALOG_DB_PORT="$DB_PORT"
PIDS+=($SVC_PID)
say "ready in ${READY_MS} ms"
TOKEN=$(curl -sf -X POST "$BASE/api/v2/catalog/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"viewer123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
AUTH="Authorization: Bearer $TOKEN"
LIST_PATH=/api/v2/catalog/models
# A handful of distinct queries, so the cache holds several entries and expiry (about 60 s) happens during the run.
SEARCH_URLS=()
for q in qwen llama mistral gemma phi deepseek; do
  SEARCH_URLS+=(--url "$BASE/api/v2/catalog/search?provider=huggingface&q=$q")
  SEARCH_URLS+=(--url "$BASE/api/v2/catalog/search?provider=modelscope&q=$q")
done

windows=$(( MINUTES * 60 / WINDOW_S ))
errors=0
echo "| window | list p50 / p99 ms | list req | search p50 / p99 ms | search req | errors | RSS MB |" | tee "$OUT/results.md"
echo "|---|---|---|---|---|---|---|" | tee -a "$OUT/results.md"
for w in $(seq 1 "$windows"); do
  load --label list --url "$BASE$LIST_PATH" --header "$AUTH" --concurrency "$CLIENTS" \
    --rate $(( CLIENTS / POLL_S )) --duration "$WINDOW_S" >"$OUT/w$w-list.txt" &
  lp=$!
  load --label search "${SEARCH_URLS[@]}" --header "$AUTH" --concurrency 4 --rate "$SEARCH_RPS" \
    --duration "$WINDOW_S" >"$OUT/w$w-search.txt"
  wait "$lp"
  L=$(cat "$OUT/w$w-list.txt"); S=$(cat "$OUT/w$w-search.txt")
  e=$(( $(echo "$L" | field errors) + $(echo "$S" | field errors) ))
  errors=$(( errors + e ))
  rss=$(( $(awk '/VmRSS/{print $2}' "/proc/$SVC_PID/status") / 1024 ))
  echo "| $(( w * WINDOW_S )) s | $(echo "$L" | field p50_ms) / $(echo "$L" | field p99_ms) | $(echo "$L" | field count) | $(echo "$S" | field p50_ms) / $(echo "$S" | field p99_ms) | $(echo "$S" | field count) | $e | $rss |" \
    | tee -a "$OUT/results.md"
done
echo | tee -a "$OUT/results.md"
echo "$MINUTES min, $CLIENTS clients polling every ${POLL_S} s + ${SEARCH_RPS} searches/s; errors: $errors; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)." \
  | tee -a "$OUT/results.md"
[[ $errors -eq 0 ]]
