#!/usr/bin/env bash
# Scale-out proof on one machine: two replicas of the packaged service (backend/target/quarkus-app) on one external
# PostgreSQL (bench/ExternalPg.java) and one standalone simulator, behind Debian's haproxy (round robin, health checks
# on /q/health/ready). No keys are mounted and each replica has a data directory of its own, so everything they share
# goes through the database. Checks:
#   - the replicas, started together, created one set of keys between them;
#   - a token signed in through one replica works on the other; a logout on one ends the session on the other;
#   - an import on one shows in the other's block A within 1 s (lag printed), a delete likewise, and its audit rows
#     are visible through both;
#   - 50 concurrent identical imports spread over both make exactly one create in the simulator;
#   - after PostgreSQL restarts, an import on one still reaches the other within 1 s (the listener reconnected);
#   - failed sign-ins count across replicas (the 11th is refused on either);
#   - one replica SIGKILLed under load: haproxy's clients see no error once its health check has dropped it.
# Prints the figures (requests served per replica, errors, freshness lag, RSS) and "N passed, M failed"; exits
# non-zero on any failure. Run by .ci/run. Needs haproxy (apt-get install -y haproxy) and python3.
set -euo pipefail

export BENCH_NAME=scale BENCH_SCENARIO=${BENCH_SCENARIO:-demo} BENCH_LATENCY_MS=${BENCH_LATENCY_MS:-0}
export BENCH_SIM_PORT=${SCALE_SIM_PORT:-19091} BENCH_HUB_PORT=${SCALE_HUB_PORT:-19092} BENCH_PORT=${SCALE_PORT:-19080}
export BENCH_DB_PORT=${SCALE_DB_PORT:-55081} BENCH_EXT_DB_PORT=${SCALE_EXT_DB_PORT:-55082} EXT_PG_KEEP=1
R1_PORT=${SCALE_R1_PORT:-19081}
R2_PORT=${SCALE_R2_PORT:-19082}
STATS_PORT=${SCALE_STATS_PORT:-19083}
for port in "$R1_PORT" "$R2_PORT" "$STATS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "[scale] port $port is already in use"; exit 2; fi
done
command -v haproxy >/dev/null || { echo "[scale] haproxy is missing (apt-get install -y haproxy)"; exit 2; }
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"
R1=http://127.0.0.1:$R1_PORT
R2=http://127.0.0.1:$R2_PORT
probe() { python3 "$ROOT/scale/replicas.py" "$@"; }
create_calls() { sim_state 'd["create_calls"]'; }
login_at() { # base user password -> token (empty on failure)
  curl -s -m 20 -X POST "$1/api/v2/catalog/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("token",""))' 2>/dev/null || true
}
status_at() { curl -s -m 20 -o /dev/null -w '%{http_code}' "${@:3}" -H "Authorization: Bearer $2" "$1" || echo 000; }

# --- one PostgreSQL, two replicas started together, haproxy in front -------------------------------------------------
start_external_pg
# Each replica as a pod would run it: through the image's launcher (the shipped JVM flags, no start-up cache), client
# addresses taken from haproxy's X-Forwarded-For, and the product's own freshness settings (block A fresh for 1 s).
start_replica() { # n port
  env -u QUARKUS_DATASOURCE_JDBC_URL NEBULA_URL="$SIM" HF_ENDPOINT="$HUB" MODELSCOPE_ENDPOINT="$HUB" \
    QUARKUS_HTTP_PORT="$2" NEBULA_CATALOG_DATA_DIR="$WORK/data-$1" \
    QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
    CATALOG_AOT_CACHE=off JAVA_OPTS="-XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-}" \
    "$ROOT/backend/launch.sh" "$ROOT/backend/target/quarkus-app" >"$OUT/replica-$1.log" 2>&1 &
}
say "starting two replicas together on one PostgreSQL"
start_replica 1 "$R1_PORT"; R1_PID=$!; PIDS+=($R1_PID); disown "$R1_PID" # killed on purpose below: no job notice
start_replica 2 "$R2_PORT"; R2_PID=$!; PIDS+=($R2_PID); disown "$R2_PID"
wait_ready "$R1/q/health/ready" "$R1_PID" || { say "replica 1 did not become ready"; tail -30 "$OUT/replica-1.log"; exit 2; }
wait_ready "$R2/q/health/ready" "$R2_PID" || { say "replica 2 did not become ready"; tail -30 "$OUT/replica-2.log"; exit 2; }

cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # a request whose connection failed is sent to the other replica rather than answered with an error
  option redispatch
  retries 2
  retry-on conn-failure empty-response
frontend catalog
  bind 127.0.0.1:$PORT
  default_backend replicas
backend replicas
  balance roundrobin
  # the client address, replacing whatever the client sent: the service trusts this header from haproxy only
  http-request set-header X-Forwarded-For %[src]
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  server r1 127.0.0.1:$R1_PORT check
  server r2 127.0.0.1:$R2_PORT check
listen stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$OUT/haproxy.log" 2>&1 &
HAPROXY_PID=$!; PIDS+=($HAPROXY_PID)
for _ in $(seq 1 100); do [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready") == 200 ]] && break; sleep 0.1; done
# per server: status, responses served (all classes), 5xx, connection and response errors
stats() { curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" | python3 -c '
import csv, sys
rows = {r["svname"]: r for r in csv.DictReader(line.lstrip("# ") for line in sys.stdin) if r["pxname"] == "replicas"}
def n(r, k): return int(r.get(k) or 0)
for sv in ("r1", "r2", "BACKEND"):
    r = rows[sv]
    served = sum(n(r, k) for k in ("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other"))
    print(sv, r["status"], served, n(r, "hrsp_5xx"), n(r, "econ") + n(r, "eresp"))'; }
server_status() { stats | awk -v s="$1" '$1 == s {print $2}'; }

creators=$(grep -l "created now by this replica," "$OUT"/replica-*.log | wc -l)
joiners=$(grep -l "come from the database (created earlier," "$OUT"/replica-*.log | wc -l)
check "started together, one replica created the shared keys and the other read them ($creators created, $joiners read)" \
  test "$creators $joiners" = "1 1"
check "haproxy sees both replicas up ($(server_status r1) $(server_status r2))" test "$(server_status r1) $(server_status r2)" = "UP UP"

# --- identity ------------------------------------------------------------------------------------------------------
TOKEN=$(login_at "$R1" operator operator123)
check "signed in through replica 1" test -n "$TOKEN"
check "replica 2 accepts replica 1's token" test "$(status_at "$R2/api/v2/catalog/auth/me" "$TOKEN")" = 200
ADMIN=$(login_at "$R2" admin admin123)
check "replica 1 accepts replica 2's token" test "$(status_at "$R1/api/v2/catalog/auth/me" "$ADMIN")" = 200
ENDING=$(login_at "$R1" viewer viewer123)
status_at "$R2/api/v2/catalog/auth/me" "$ENDING" >/dev/null # replica 2 now caches the session for 15 s
check "logout through replica 1" test "$(status_at "$R1/api/v2/catalog/auth/logout" "$ENDING" -X POST)" = 204
REVOKE_MS=$(probe revoked "$R2" "$ENDING")
check "replica 2 refuses the ended session within 1 s, not 15 s ($REVOKE_MS ms)" \
  python3 -c "import sys; sys.exit(not 0 <= float('$REVOKE_MS') <= 1000)"

# --- freshness ----------------------------------------------------------------------------------------------------
LAGS=()
for i in 1 2 3; do
  if (( i % 2 )); then from=$R1; to=$R2; else from=$R2; to=$R1; fi
  read -r lag uid < <(probe lag "$from" "$to" "$TOKEN" "scale-fresh-$i")
  LAGS+=("$lag")
  check "import $i on one replica is listed by the other within 1 s ($lag ms)" \
    python3 -c "import sys; sys.exit(not 0 <= float('$lag') <= 1000)"
done
call DELETE "/api/v2/catalog/models/scale-fresh-1" "$ADMIN"
check "delete through haproxy (got $STATUS)" test "$STATUS" = 200
GONE_R1=$(probe gone "$R1" "$TOKEN" scale-fresh-1); GONE_R2=$(probe gone "$R2" "$TOKEN" scale-fresh-1)
check "the deleted model is gone from both replicas' lists within 1 s ($GONE_R1 ms, $GONE_R2 ms)" \
  python3 -c "import sys; sys.exit(not all(0 <= float(x) <= 1000 for x in ('$GONE_R1', '$GONE_R2')))"
audit_rows() { curl -s -m 20 -H "Authorization: Bearer $ADMIN" "$1/api/v2/catalog/audit?action=delete&limit=50" | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin)["items"] if r.get("model_uid") == "scale-fresh-1"]
print(sorted(r["outcome"] for r in rows))'; }
A1=$(audit_rows "$R1"); A2=$(audit_rows "$R2")
# the listing folds the outcome into its intent: one row per write
check "the delete's audit record (intent with its outcome) reads the same through both replicas ($A1 / $A2)" \
  test "$A1" = "$A2" -a "$A1" = "['succeeded']"

# --- 50 identical imports at once, spread over both ---------------------------------------------------------------
BEFORE=$(create_calls)
BURST=$(probe burst "$TOKEN" 50 "$R1" "$R2")
AFTER=$(create_calls)
check "50 concurrent identical imports over both replicas: one 201, the rest 409 ($BURST)" test "$BURST" = "201:1 409:49"
check "exactly one create reached Nebula (create_calls $BEFORE -> $AFTER)" test "$AFTER" = "$((BEFORE + 1))"

# --- PostgreSQL restarts: the listeners come back ---------------------------------------------------------------
say "restarting PostgreSQL"
stop_pid "$PG_PID"
start_external_pg
for _ in $(seq 1 100); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$R1/q/health/ready") == 200 && \
     $(curl -s -o /dev/null -w '%{http_code}' "$R2/q/health/ready") == 200 ]] && break
  sleep 0.2
done
check "both replicas ready again after the database restart" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "$R1/q/health/ready") $(curl -s -o /dev/null -w '%{http_code}' "$R2/q/health/ready")" = "200 200"
# grep reads to the end (no -q): under pipefail an early exit would fail curl with SIGPIPE and read as "not listening"
listening() { curl -s -m 5 "$1/q/metrics" | grep '^catalog_replicas_listening 1\.0' >/dev/null; }
both_listening() { listening "$R1" && listening "$R2"; }
t0=$(date +%s%N)
for _ in $(seq 1 150); do both_listening && break; sleep 0.1; done
RELISTEN_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
check "both replicas listen for each other's notices again ($RELISTEN_MS ms after readiness came back)" \
  both_listening
lag=-1
for _ in $(seq 1 5); do # the pools drop connections the restart broke on first use; the import may meet one
  read -r lag uid < <(probe lag "$R1" "$R2" "$TOKEN" scale-after-restart) || true
  [[ $lag != import-failed ]] && break
  sleep 1
done
LAGS+=("$lag")
check "after the restart an import on replica 1 is listed by replica 2 within 1 s ($lag ms)" \
  python3 -c "import sys; sys.exit(not 0 <= float('$lag') <= 1000)"

# --- login throttle across replicas -------------------------------------------------------------------------------
for i in $(seq 1 10); do
  if (( i % 2 )); then b=$R1; else b=$R2; fi
  curl -s -o /dev/null -X POST "$b/api/v2/catalog/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"viewer","password":"wrong-guess"}'
done
T1=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$R1/api/v2/catalog/auth/login" -H 'Content-Type: application/json' -d '{"username":"viewer","password":"viewer123"}')
T2=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$R2/api/v2/catalog/auth/login" -H 'Content-Type: application/json' -d '{"username":"viewer","password":"viewer123"}')
check "10 failed sign-ins, 5 on each replica, lock the account on both ($T1 $T2)" test "$T1 $T2" = "429 429"

# --- one replica killed under load --------------------------------------------------------------------------------
LIST="$BASE/api/v2/catalog/models"
load --url "$LIST" --header "Authorization: Bearer $TOKEN" --concurrency 4 --duration 6 --label during-kill >"$WORK/during.txt" &
LOAD_PID=$!
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$LIST" # load is under way
read -r _ _ R2_BEFORE _ < <(stats | grep '^r2 ')
for _ in $(seq 1 200); do [[ $(stats | awk '$1 == "r2" {print $3}') -gt $((R2_BEFORE + 50)) ]] && break; sleep 0.05; done
RSS1=$(ps -o rss= -p "$R1_PID" | awk '{printf "%.0f", $1/1024}'); RSS2=$(ps -o rss= -p "$R2_PID" | awk '{printf "%.0f", $1/1024}')
SPREAD=$(stats | awk '$1 == "r1" || $1 == "r2" {printf "%s%s %s", sep, $1, $3; sep=", "}')
say "killing replica 2 (SIGKILL) under load"
KILLED_AT=$(date +%s%N)
kill -KILL "$R2_PID"
for _ in $(seq 1 100); do [[ $(server_status r2) == DOWN* ]] && break; sleep 0.05; done
DROP_MS=$(( ($(date +%s%N) - KILLED_AT) / 1000000 ))
check "haproxy's health check dropped replica 2 ($(server_status r2) after $DROP_MS ms)" grep -q '^DOWN' <<<"$(server_status r2)"
wait "$LOAD_PID" || true
load --url "$LIST" --header "Authorization: Bearer $TOKEN" --concurrency 4 --duration 4 --label after-drop >"$WORK/after.txt"
DURING=$(cat "$WORK/during.txt"); AFTER_DROP=$(cat "$WORK/after.txt")
say "load while killing: $DURING"
say "load after the drop: $AFTER_DROP"
errors_of() { field errors <<<" $1"; }
count_of() { field count <<<" $1"; }
check "clients through haproxy see no error after the drop ($(errors_of "$AFTER_DROP") of $(count_of "$AFTER_DROP"))" \
  test "$(errors_of "$AFTER_DROP")" = 0 -a "$(count_of "$AFTER_DROP")" -gt 0
check "and none while the replica died either ($(errors_of "$DURING") of $(count_of "$DURING"); haproxy re-sends a failed request)" \
  test "$(errors_of "$DURING")" = 0

# --- figures ---------------------------------------------------------------------------------------------------------
echo
say "figures"
say "  responses per replica through haproxy before the kill: $SPREAD"
stats | while read -r sv st served e5 econn; do say "  $sv at the end: $st, responses $served, 5xx $e5, connection/response errors $econn"; done
say "  freshness lag (import on one replica -> listed by the other), ms: ${LAGS[*]}"
say "  logout seen by the other replica after $REVOKE_MS ms; delete gone from lists after $GONE_R1 / $GONE_R2 ms"
say "  replica 2 dropped by haproxy $DROP_MS ms after SIGKILL; listeners back $RELISTEN_MS ms after the database"
say "  RSS under load: replica 1 $RSS1 MB, replica 2 $RSS2 MB (shipped flags: 160 MB serial heap)"
say "  shared keys before boot: $(grep -ho 'come from the database ([^)]*)' "$OUT"/replica-*.log | sed 's/come from the database //' | tr '\n' ' ')"
{
  echo "| figure | value |"; echo "|---|---|"
  echo "| responses per replica before the kill | $SPREAD |"
  stats | while read -r sv st served e5 econn; do echo "| $sv at the end: responses / 5xx / conn+resp errors | $served / $e5 / $econn |"; done
  echo "| freshness lag, ms | ${LAGS[*]} |"
  echo "| logout seen by the other replica, ms | $REVOKE_MS |"
  echo "| load while killing replica 2 | $DURING |"
  echo "| load after the drop | $AFTER_DROP |"
  echo "| RSS under load, MB | $RSS1, $RSS2 |"
} >"$OUT/results.md"
finish
