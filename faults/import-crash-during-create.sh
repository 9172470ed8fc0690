#!/usr/bin/env bash
# The service is SIGKILLed while Nebula holds an import's create (the simulator applies it and holds the answer),
# then started again on the same data directory and database. The import must not stay "submitted" for ever: the
# recovery settles it against Nebula. Checks: within 60 s the import reads created, Nebula holds exactly one model,
# the audit intent has one outcome ("resolved after restart: created"), and a second import is refused as already
# imported. Prints "N passed, N failed"; exits non-zero on any failure. Run by .ci/run.
set -euo pipefail
export BENCH_NAME=faults-import-crash BENCH_SCENARIO=demo BENCH_LATENCY_MS=0
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18591} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18592} BENCH_PORT=${FAULTS_PORT:-18581}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54781} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54782}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"
READ_TIMEOUT=10s # long enough to kill the service while it still waits for the answer
source "$ROOT/faults/import-lib.sh"

service first
TOKEN=$(login operator)
sim_chaos '{"write_answer":"delay","write_answer_delay_ms":30000}'
curl -s -m 30 -o /dev/null -X POST "$BASE/api/v2/catalog/import" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"provider\":\"hf\",\"model_id\":\"Qwen/Qwen3-8B\",\"model_uid\":\"$IMPORT_UID\"}" &
IMPORT_CURL=$!
for _ in $(seq 1 80); do [[ $(in_nebula) == True ]] && break; sleep 0.1; done
check "Nebula applied the create and holds its answer" test "$(in_nebula)" = True
say "SIGKILL the service while Nebula holds the create"
kill -9 "$SVC_PID"; wait "$SVC_PID" 2>/dev/null || true
wait "$IMPORT_CURL" 2>/dev/null || true
sim_chaos '{"write_answer":"none"}'
ID=$(sent_import_id)
say "import $ID was in flight"
service second
PIDS+=($SVC_PID)
check_settled "$ID" "$TOKEN" "resolved after restart: created"
finish
