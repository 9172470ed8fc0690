#!/usr/bin/env bash
# Nebula applies an import's create but answers only after the service's read timeout (3 s here). The import must
# read created, never failed, and a retry must not create a second model (it used to: "…-2"). Checks: the first
# answer is 201 created or 504 import_outcome_unknown (never a failure), within 60 s the import reads created, Nebula
# holds exactly one model, the audit intent has one outcome, a second import is refused as already imported, and a
# replay of the first Idempotency-Key answers created. Prints "N passed, N failed". Run by .ci/run.
set -euo pipefail
export BENCH_NAME=faults-import-late BENCH_SCENARIO=demo BENCH_LATENCY_MS=0
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18691} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18692} BENCH_PORT=${FAULTS_PORT:-18681}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54881} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54882}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"
source "$ROOT/faults/import-lib.sh"

service only
PIDS+=($SVC_PID)
TOKEN=$(login operator)
sim_chaos '{"write_answer":"delay","write_answer_delay_ms":8000}'
args=(-s -m 30 -o "$WORK/body" -w '%{http_code}' -X POST "$BASE/api/v2/catalog/import" -H "Authorization: Bearer $TOKEN"
  -H 'Idempotency-Key: faults-late-1' -H 'Content-Type: application/json'
  -d "{\"provider\":\"hf\",\"model_id\":\"Qwen/Qwen3-8B\",\"model_uid\":\"$IMPORT_UID\"}")
STATUS=$(curl "${args[@]}" || echo 000); BODY=$(cat "$WORK/body")
sim_chaos '{"write_answer":"none"}'
FIRST="$STATUS $(json "d.get('status') or d['error']['code']")"
say "first answer: $FIRST"
check "the late answer is not a failure (got $FIRST)" grep -Eq '^(201 created|504 import_outcome_unknown)$' <<<"$FIRST"
ID=$(sent_import_id)
check_settled "$ID" "$TOKEN" ""
STATUS=$(curl "${args[@]}" || echo 000); BODY=$(cat "$WORK/body")
check "a replay of the first Idempotency-Key answers created (got $STATUS $(json "d.get('status')"))" \
  test "$STATUS $(json "d.get('status')")" = "201 created"
finish
