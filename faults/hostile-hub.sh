#!/usr/bin/env bash
# Fault test with a malicious Hugging Face (faults/malicious-hub.py) in front of the packaged service, ModelScope
# served by the ordinary hub stubs. Checks, and prints the figures docs/benchmarks.md quotes:
#   - four crafted model cards at once: /q/health/live and a ModelScope search still answer in under a second;
#   - 200 MB model infos: 502 hub_bad_response, RSS within 200 MB of the start and not accumulating;
#   - a deep page walk: page=100 is a 400 that costs no hub call, page=5 costs five;
#   - a unique-query flood from one viewer: 429 with Retry-After after its budget, while another user's search answers.
# Prints "N passed, N failed" and exits non-zero on any failure. Run by .ci/run.
set -euo pipefail

export BENCH_NAME=hostile-hub BENCH_SCENARIO=${BENCH_SCENARIO:-demo} BENCH_LATENCY_MS=${BENCH_LATENCY_MS:-0}
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18591} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18592} BENCH_PORT=${FAULTS_PORT:-18581}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54781} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54782}
EVIL_PORT=${FAULTS_EVIL_PORT:-18593}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"
EVIL=http://127.0.0.1:$EVIL_PORT

python3 "$ROOT/faults/malicious-hub.py" "$EVIL_PORT" >"$OUT/evil.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "$EVIL/_stats" && break; sleep 0.2; done
# a 256 MB heap: reading one 200 MB answer whole, as before, cannot fit, so surviving three shows the cap holds
JAVA_OPTS="-Xmx256m ${JAVA_OPTS:-}" start_service main NEBULA_CATALOG_DATA_DIR="$WORK/data" \
  NEBULA_CATALOG_DB_PORT="$BENCH_DB_PORT" HF_ENDPOINT="$EVIL"
PIDS+=($SVC_PID)
evil() { curl -s "$EVIL/_stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
rss_mb() { echo $(( $(ps -o rss= -p "$SVC_PID") / 1024 )); }
login() { call POST /api/v2/catalog/auth/login "" "{\"username\":\"$1\",\"password\":\"$1123\"}"; json "d['token']"; }
VIEWER=$(login viewer); OPERATOR=$(login operator)
# warm the paths once, so the figures below are about the attack, not class loading
call GET "/api/v2/catalog/search?provider=modelscope&q=qwen" "$OPERATOR"
call GET "/api/v2/catalog/search/huggingface/evil/warm" "$OPERATOR"
BASE_RSS=$(rss_mb)
say "RSS after warm-up: $BASE_RSS MB"

# --- 1. crafted cards: the event loop stays free --------------------------------------------------------------------
( while :; do curl -s -o /dev/null -m 30 -w '%{time_total}\n' "$BASE/q/health/live"; sleep 0.1; done ) >"$WORK/health.txt" &
PROBE=$!; PIDS+=($PROBE)
CARDS=()
for i in 1 2 3 4; do
  curl -s -o "$WORK/card-$i" -m 60 -H "Authorization: Bearer $VIEWER" "$BASE/api/v2/catalog/search/huggingface/evil/card-$i" &
  CARDS+=($!)
done
sleep 0.3
MS_TIME=$(curl -s -o /dev/null -m 30 -w '%{time_total}' -H "Authorization: Bearer $OPERATOR" \
  "$BASE/api/v2/catalog/search?provider=modelscope&q=qwen&limit=5")
wait "${CARDS[@]}" || true
sleep 0.5; kill "$PROBE" 2>/dev/null || true
HEALTH_MAX=$(sort -n "$WORK/health.txt" | tail -1)
say "crafted cards: $(evil card_calls) card reads; /q/health/live max ${HEALTH_MAX}s over $(wc -l <"$WORK/health.txt") probes; ModelScope search ${MS_TIME}s"
check "/q/health/live answered within 1 s throughout (max ${HEALTH_MAX}s)" python3 -c "import sys; sys.exit(0 if $HEALTH_MAX < 1 else 1)"
check "the other hub's search answered within 1 s (${MS_TIME}s)" python3 -c "import sys; sys.exit(0 if $MS_TIME < 1 else 1)"
check "the crafted cards' metadata still answered" grep -q '"id":"evil/card-1"' "$WORK/card-1"

# --- 2. a 200 MB body --------------------------------------------------------------------------------------------------
# RSS counts heap the JVM has grown into for garbage too, so the checks are "bounded" and "still alive": three
# answers in a row, each refused after its 8 MB cap (before: +850 MB for one, 3 GB for four)
BEFORE_RSS=$(rss_mb); RSS_AFTER=()
for i in 1 2 3; do
  call GET /api/v2/catalog/search/huggingface/evil/huge "$VIEWER"
  check "200 MB model info #$i is 502 hub_bad_response (got $STATUS)" test "$STATUS $(json "d['error']['code']")" = "502 hub_bad_response"
  sleep 1; RSS_AFTER+=("$(rss_mb)")
done
SENT=$(( $(evil huge_bytes_sent) / 1024 / 1024 ))
say "three 200 MB model infos: RSS $BEFORE_RSS -> ${RSS_AFTER[*]} MB; the hub sent $SENT MB in all"
check "RSS stays within 200 MB of the start ($BEFORE_RSS -> ${RSS_AFTER[2]})" test $((RSS_AFTER[2] - BEFORE_RSS)) -lt 200
call GET /q/health/live
check "and the service is alive afterwards (got $STATUS)" test "$STATUS" = 200

# --- 3. a deep page walk -----------------------------------------------------------------------------------------------
CALLS0=$(evil search_calls)
call GET "/api/v2/catalog/search?provider=huggingface&q=deep&limit=1&page=100" "$VIEWER"
CALLS1=$(evil search_calls)
check "page=100 of an endless chain is 400 page_too_deep (got $STATUS)" test "$STATUS $(json "d['error']['code']")" = "400 page_too_deep"
check "and costs no hub call ($((CALLS1 - CALLS0)))" test $((CALLS1 - CALLS0)) = 0
T0=$(date +%s%N)
call GET "/api/v2/catalog/search?provider=huggingface&q=deep&limit=1&page=5" "$VIEWER"
WALK_MS=$(( ($(date +%s%N) - T0) / 1000000 )); CALLS2=$(evil search_calls)
say "page=5: $STATUS after $((CALLS2 - CALLS1)) hub calls in $WALK_MS ms (150 ms hub)"
check "page=5 answers after at most 5 hub calls ($((CALLS2 - CALLS1)))" test "$STATUS" = 200 -a $((CALLS2 - CALLS1)) -le 5

# --- 4. a unique-query flood from one user -----------------------------------------------------------------------------
CALLS3=$(evil search_calls)
FLOOD_T0=$(date +%s%N)
seq 1 200 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $VIEWER" \
  "$BASE/api/v2/catalog/search?provider=huggingface&q=flood-{}" >"$WORK/flood.txt"
CALLS4=$(evil search_calls)
FLOOD_S=$(( ($(date +%s%N) - FLOOD_T0) / 1000000000 + 1 ))
# the budget: a bucket of 30 (a quarter of 120 a minute) refilled at 2 a second while the flood lasts
FLOOD_BUDGET=$(( 30 + 2 * FLOOD_S ))
OK=$(grep -c '^200$' "$WORK/flood.txt" || true); LIMITED=$(grep -c '^429$' "$WORK/flood.txt" || true)
call GET "/api/v2/catalog/search?provider=huggingface&q=other-user" "$OPERATOR"
say "flood of 200 unique queries: $OK answered, $LIMITED x 429, $((CALLS4 - CALLS3)) hub calls; other user: $STATUS"
check "the flood meets 429 after its budget ($LIMITED x 429)" test "$LIMITED" -ge $(( 200 - FLOOD_BUDGET ))
check "the flood cost no more hub calls than its budget ($((CALLS4 - CALLS3)) <= $FLOOD_BUDGET in ${FLOOD_S} s)" \
  test $((CALLS4 - CALLS3)) -le "$FLOOD_BUDGET"
check "another user's search still answers (got $STATUS)" test "$STATUS" = 200
say "flood statuses: $(sort "$WORK/flood.txt" | uniq -c | tr '\n' ' ')"
# the budget refills at 2 a second, so ask until the next 429 and read its Retry-After
for i in $(seq 1 40); do
  code=$(curl -s -D "$WORK/h" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $VIEWER" \
    "$BASE/api/v2/catalog/search?provider=huggingface&q=flood-again-$i")
  [[ $code == 429 ]] && break
done
check "a 429 says when to retry ($(grep -i '^retry-after' "$WORK/h" | tr -d '\r'))" grep -qi '^retry-after: [0-9]' "$WORK/h"

finish
