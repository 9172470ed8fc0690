#!/usr/bin/env bash
# Fault test that cannot run inside the shared test JVM: the service restarted while a model it imported downloads.
# Starts the standalone simulator (demo), the hub stubs, a PostgreSQL in its own process (it outlives the service,
# as a real database would) and the packaged service; imports Qwen/Qwen3-8B (held by no simulated node, so it
# downloads), lets simulated time pass, stops the service, lets more time pass, starts it again and checks that
#   - the signed-in user's token still works (sessions and keys live in the database and the data directory),
#   - block A still knows the download's real total (the import record is in the database, not in memory),
#   - the progress carried on from where Nebula is, not from zero, and the model reaches running,
#   - the import is still readable by its id.
# Prints "N passed, N failed" and exits non-zero on any failure. Run by .ci/run.
set -euo pipefail

export BENCH_NAME=faults-restart BENCH_SCENARIO=demo BENCH_LATENCY_MS=0
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18491} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18492} BENCH_PORT=${FAULTS_PORT:-18481}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54681} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54682}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"

UID_=faults-restart
start_external_pg
service() { start_service "$1" NEBULA_CATALOG_DATA_DIR="$WORK/data" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" \
  QUARKUS_DATASOURCE_USERNAME=postgres; }
# the model's row in block A as BODY ({} when it is not listed); STATUS is the list's
row() {
  call GET "/api/v2/catalog/models?q=$UID_" "$TOKEN"
  BODY=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(json.dumps(next((r for r in d.get("items", []) if r["model_uid"] == sys.argv[2]), {})))' \
    "$BODY" "$UID_" 2>/dev/null || echo '{}')
}
# the row once its state is $1, polling for up to 10 s: the list may answer from a snapshot up to 5 s old
# (catalog.inventory.revalidate-for) while a refresh runs behind it
row_when() {
  for _ in $(seq 1 20); do
    row
    [[ $(json "d.get('state')") == "$1" ]] && return 0
    sleep 0.5
  done
}
pct() { json "(d.get('progress') or {}).get('percent')"; }

service first
call POST /api/v2/catalog/auth/login "" '{"username":"operator","password":"operator123"}'
TOKEN=$(json "d['token']")
check "sign-in (got $STATUS)" test "$STATUS" = 200
call POST /api/v2/catalog/import "$TOKEN" "{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen3-8B\",\"model_uid\":\"$UID_\"}"
check "import of Qwen/Qwen3-8B (got $STATUS)" test "$STATUS" = 201
IMPORT_ID=$(json "d['import_id']")

advance_sim 1; advance_sim 12
row
P1=$(pct); TOTAL=$(json "(d.get('progress') or {}).get('total_bytes')")
say "before the restart: state $(json "d.get('state')"), ${P1} % of ${TOTAL} bytes"
check "downloading before the restart" test "$(json "d.get('state')")" = downloading
check "a partial percent against the hub's total before the restart ($P1 % of $TOTAL)" \
  python3 -c "import sys; p=float(sys.argv[1]); sys.exit(0 if 0 < p < 100 and int(sys.argv[2]) > 16_000_000_000 else 1)" "$P1" "$TOTAL"

say "stopping the service"
stop_pid "$SVC_PID"
advance_sim 15 # the cluster keeps downloading while the catalog is down
service second
PIDS+=($SVC_PID)

row
P2=$(pct); TOTAL2=$(json "(d.get('progress') or {}).get('total_bytes')")
say "after the restart: state $(json "d.get('state')"), ${P2} % of ${TOTAL2} bytes (HTTP $STATUS)"
check "the token from before the restart still works (got $STATUS)" test "$STATUS" = 200
check "still downloading after the restart" test "$(json "d.get('state')")" = downloading
check "the real total survived the restart ($TOTAL -> $TOTAL2)" test "$TOTAL2" = "$TOTAL"
check "progress carried on from Nebula's state ($P1 % -> $P2 %)" \
  python3 -c "import sys; sys.exit(0 if float(sys.argv[2]) > float(sys.argv[1]) else 1)" "$P1" "$P2"
call GET "/api/v2/catalog/imports/$IMPORT_ID" "$TOKEN"
check "the import is readable by its id after the restart (got $STATUS, $(json "d.get('model_uid')"))" \
  test "$STATUS $(json "d.get('model_uid')")" = "200 $UID_"

advance_sim 300
row_when running
check "the model reaches running (state $(json "d.get('state')"))" test "$(json "d.get('state')")" = running
check "no progress shown once running" test "$(pct)" = None

finish
