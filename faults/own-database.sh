#!/usr/bin/env bash
# Fault test for the embedded database's ownership (no test JVM can do it: the test suite brings its own PostgreSQL).
# Starts instance A on its own data directory, then checks that
#   - a second instance told to use A's database port stops with a clear message instead of attaching to A's data;
#   - a second instance left to itself gets a port of its own and none of A's audit trail;
#   - an instance whose remembered system identifier does not match the server it finds refuses to start;
#   - the database lets no one in without the password generated into the keys directory (no trust lines);
#   - the demo (no NEBULA_URL) cannot be reached from the machine's other addresses.
# Prints "N passed, N failed" and exits non-zero on any failure. Run by .ci/run.
set -euo pipefail

export BENCH_NAME=own-database BENCH_SCENARIO=${BENCH_SCENARIO:-demo} BENCH_LATENCY_MS=${BENCH_LATENCY_MS:-0}
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18691} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18692} BENCH_PORT=${FAULTS_PORT:-18681}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-54881} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-54882}
PORT_B=${FAULTS_PORT_B:-18682}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"

# instance A: the embedded database on a port it picks itself
start_service a NEBULA_CATALOG_DATA_DIR="$WORK/a"
PIDS+=($SVC_PID)
A_DB_PORT=$(sed -n 's/^port=//p' "$WORK/a/embedded-db.properties")
say "instance A: database on port $A_DB_PORT ($(grep -c . "$WORK/a/embedded-db.properties") lines of state)"
check "A remembered its port and its cluster's system identifier" grep -q '^system-identifier=[0-9]' "$WORK/a/embedded-db.properties"
pg() { java -cp "$ROOT/backend/target/quarkus-app/lib/main/*" "$ROOT/faults/PgConnect.java" "$@"; }
A_URL=jdbc:postgresql://127.0.0.1:$A_DB_PORT/postgres
NO_PW=$(pg "$A_URL" postgres); WRONG_PW=$(pg "$A_URL" postgres guess)
check "A's database refuses a connection without a password ($NO_PW)" test "${NO_PW%% *}" = refused
check "and with a wrong one ($WRONG_PW)" test "$WRONG_PW" = "refused 28P01"
check "and accepts the generated one" test "$(pg "$A_URL" postgres "$(cat "$WORK/a/keys/db-password")")" = connected
check "no trust line in A's pg_hba.conf" bash -c "! grep -v '^#' '$WORK/a/postgres/pg_hba.conf' | grep -qw trust"
curl -s -o /dev/null -H 'X-Request-Id: only-in-a' -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"viewer123"}' "$BASE/api/v2/catalog/auth/login"

# B: same port forced → must not start
run_b() { # label, env... → sets B_PID
  local label=$1; shift
  env -u QUARKUS_DATASOURCE_JDBC_URL NEBULA_URL="$SIM" HF_ENDPOINT="$HUB" MODELSCOPE_ENDPOINT="$HUB" \
    QUARKUS_HTTP_PORT="$PORT_B" "$@" java -jar "$JAR" >"$OUT/service-$label.log" 2>&1 &
  B_PID=$!
}
run_b forced NEBULA_CATALOG_DATA_DIR="$WORK/b" NEBULA_CATALOG_DB_PORT="$A_DB_PORT"
B_EXIT=0; wait "$B_PID" || B_EXIT=$?
check "an instance told to use A's database port stops (exit $B_EXIT)" test "$B_EXIT" -ne 0
check "and says why" grep -q "is in use by another process" "$OUT/service-forced.log"

# B left to itself: its own port, its own data
run_b own NEBULA_CATALOG_DATA_DIR="$WORK/b"
wait_ready "http://127.0.0.1:$PORT_B/q/health/ready" "$B_PID" || { say "instance B did not start"; tail -20 "$OUT/service-own.log"; exit 2; }
B_DB_PORT=$(sed -n 's/^port=//p' "$WORK/b/embedded-db.properties")
check "B picked a database port of its own ($B_DB_PORT, A has $A_DB_PORT)" test "$B_DB_PORT" != "$A_DB_PORT"
ADMIN=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"admin123"}' \
  "http://127.0.0.1:$PORT_B/api/v2/catalog/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
ROWS=$(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT_B/api/v2/catalog/audit?limit=200" \
  | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["items"] if r["request_id"] == "only-in-a"))')
check "B's audit trail holds none of A's rows ($ROWS)" test "$ROWS" = 0
stop_pid "$B_PID"

# B's remembered identity no longer matching the server → refuse
sed -i 's/^system-identifier=.*/system-identifier=1234567890/' "$WORK/b/embedded-db.properties"
run_b forged NEBULA_CATALOG_DATA_DIR="$WORK/b"
B_EXIT=0; wait "$B_PID" || B_EXIT=$?
check "a server that is not the one initialised there is refused (exit $B_EXIT)" test "$B_EXIT" -ne 0
check "and the message names it" grep -q "is not the one initialised in" "$OUT/service-forged.log"

# the demo (no NEBULA_URL: the simulator with its public accounts) listens on loopback only
env -u QUARKUS_DATASOURCE_JDBC_URL -u NEBULA_URL HF_ENDPOINT="$HUB" MODELSCOPE_ENDPOINT="$HUB" QUARKUS_HTTP_PORT="$PORT_B" \
  NEBULA_CATALOG_DATA_DIR="$WORK/demo" java -jar "$JAR" >"$OUT/service-demo.log" 2>&1 &
B_PID=$!; PIDS+=($B_PID)
wait_ready "http://127.0.0.1:$PORT_B/q/health/ready" "$B_PID" || { say "the demo did not start"; tail -20 "$OUT/service-demo.log"; exit 2; }
OTHER_IP=$(hostname -I 2>/dev/null | awk '{print $1}')
if [[ -n $OTHER_IP && $OTHER_IP != 127.* ]]; then
  FROM_OUTSIDE=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://$OTHER_IP:$PORT_B/q/health/live" || true)
  say "the demo from $OTHER_IP: ${FROM_OUTSIDE:-000}; from 127.0.0.1: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/q/health/live")"
  check "the demo cannot be reached on $OTHER_IP (got ${FROM_OUTSIDE:-000})" test "${FROM_OUTSIDE:-000}" = 000
else
  say "no non-loopback address on this machine: reachability from outside not checked"
fi
check "and the start-up log says so" grep -q "listens on 127.0.0.1 only" "$OUT/service-demo.log"
stop_pid "$B_PID"

finish
