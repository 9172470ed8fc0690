#!/usr/bin/env bash
# Fault test that cannot run inside the shared test JVM: the database stopped under a running service. Starts the
# standalone simulator (demo), the hub stubs, a PostgreSQL in its own process (bench/ExternalPg.java) and the packaged
# service against it; signs in and imports once while all is well; pauses PostgreSQL (SIGSTOP) and checks that
# readiness and capabilities answer within 2.5 s, an import is refused with 503 and never reaches Nebula, and readiness
# recovers after SIGCONT; then stops PostgreSQL and checks that
#   - writes are refused with 503 (database_unavailable when the pre-flight's look at earlier imports meets the
#     stopped database, audit_unavailable when the audit intent does) and nothing reaches Nebula (simulator's create_calls unchanged),
#   - sign-in (which stores a session) answers 503 database_unavailable, not a hang or a 500,
#   - capabilities reports database.reachable=false, and reads that need no database (search, /me) keep working
#     for a session known before the outage, past the 15 s session-validity cache.
# Prints "N passed, N failed" and exits non-zero on any failure. Run by .ci/run after the fuzzing.
set -euo pipefail

export BENCH_NAME=faults BENCH_SCENARIO=${BENCH_SCENARIO:-demo} BENCH_LATENCY_MS=${BENCH_LATENCY_MS:-0}
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18391} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18392} BENCH_PORT=${FAULTS_PORT:-18381}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54581} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54582}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"
create_calls() { sim_state 'd["create_calls"]'; }

start_external_pg
start_service main NEBULA_CATALOG_DATA_DIR="$WORK/data" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" \
  QUARKUS_DATASOURCE_USERNAME=postgres
PIDS+=($SVC_PID)

call POST /api/v2/catalog/auth/login "" '{"username":"operator","password":"operator123"}'
TOKEN=$(json "d['token']")
check "sign-in works while the database is up" test "$STATUS" = 200
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen2.5-7B-Instruct","model_uid":"faults-db-up"}'
check "an import works while the database is up (got $STATUS)" test "$STATUS" = 201
call GET "/api/v2/catalog/search?provider=huggingface&q=qwen" "$TOKEN"
BEFORE=$(create_calls)

# --- PostgreSQL paused (SIGSTOP on the postmaster and its backends): every wait is bounded --------------------------
PG_PIDS=$(head -1 "$WORK/pg/postmaster.pid"); PG_PIDS="$PG_PIDS $(pgrep -P "$PG_PIDS" | tr '\n' ' ')"
say "pausing PostgreSQL (pids $PG_PIDS)"
kill -STOP $PG_PIDS
timed() { local t0; t0=$(date +%s%N); "$@"; TOOK=$(( ($(date +%s%N) - t0) / 1000000 )); }
timed call GET /q/health/ready
check "readiness answers within 2.5 s while the database is paused (got $STATUS in $TOOK ms)" \
  test "$STATUS" = 503 -a "$TOOK" -lt 2500
timed call GET /api/v2/catalog/capabilities "$TOKEN"
check "capabilities answers within 2.5 s, database unreachable (got $STATUS $(json "d['database']['reachable']") in $TOOK ms)" \
  test "$STATUS $(json "d['database']['reachable']")" = "200 False" -a "$TOOK" -lt 2500
PAUSED_BEFORE=$(create_calls)
timed call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen2.5-7B-Instruct","model_uid":"faults-db-paused"}'
say "import while paused: $STATUS $(json "d['error']['code']") after $TOOK ms"
check "an import while paused is refused with 503 within 15 s (got $STATUS in $TOOK ms)" test "$STATUS" = 503 -a "$TOOK" -lt 15000
kill -CONT $PG_PIDS
say "PostgreSQL resumed"
for _ in $(seq 1 40); do call GET /q/health/ready; [[ $STATUS == 200 ]] && break; sleep 0.25; done
check "readiness recovers after the database resumes (got $STATUS)" test "$STATUS" = 200
sleep 5
check "the refused import never reached Nebula later (create_calls $PAUSED_BEFORE -> $(create_calls))" \
  test "$(create_calls)" = "$PAUSED_BEFORE"

say "stopping PostgreSQL"
stop_pid "$PG_PID"
# Past the 15 s session-validity cache, so the session must be looked up again and cannot be: a session known before
# the outage keeps its last answer, and reads that need no database keep working.
sleep 16
call GET "/api/v2/catalog/search?provider=huggingface&q=qwen" "$TOKEN"
check "a cached search still answers 200 after the session cache went stale (got $STATUS)" test "$STATUS" = 200

t0=$(date +%s%N)
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen2.5-7B-Instruct","model_uid":"faults-db-down"}'
took=$(( ($(date +%s%N) - t0) / 1000000 ))
check "import is refused with 503 (got $STATUS in $took ms)" test "$STATUS" = 503
check "the refusal names the database (got $(json "d['error']['code']"))" \
  grep -Eq '^(database_unavailable|audit_unavailable)$' <<<"$(json "d['error']['code']")"
check "nothing was sent to Nebula (create_calls $BEFORE -> $(create_calls))" test "$(create_calls)" = "$BEFORE"
call POST /api/v2/catalog/auth/login "" '{"username":"viewer","password":"viewer123"}'
check "sign-in answers 503 database_unavailable (got $STATUS $(json "d['error']['code']"))" \
  test "$STATUS $(json "d['error']['code']")" = "503 database_unavailable"
call GET /api/v2/catalog/capabilities "$TOKEN"
check "capabilities reports the database unreachable" test "$(json "d['database']['reachable']")" = False
call GET /api/v2/catalog/auth/me "$TOKEN"
check "the signed-in user stays signed in (/me got $STATUS)" test "$STATUS" = 200

finish
