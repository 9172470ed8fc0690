#!/usr/bin/env bash
# Contract test against the REAL Nebula BFF, built from its Rust source, on a real etcd and a real PostgreSQL, with the
# node-side etcd records (node status, endpoints, download progress, cache entries, disk) written exactly as
# nebula-node writes them (crates/nebula-node: heartbeat.rs, model_cache_manager.rs; types in crates/nebula-common).
# No scheduler or node daemon runs: the script plays their part by writing their records, so each cluster failure can
# be produced on purpose. Checks, through our service's own API:
#   - sign-in with Nebula's bootstrap admin and with accounts made through Nebula's user API, one per role, each
#     allowed what its role allows; capabilities say "real", not simulated;
#   - every state: stopped, starting, downloading (bytes growing), running, degraded, failed, stopping;
#   - failure reasons: unhealthy replica, Nebula's 5-minute timer, a failed download after its record is gone;
#   - a copy only cached on a node lists as a cache-only row with its node and size;
#   - an import registers the model in Nebula (its spec in etcd) and its row follows placement → download → running;
#   - a partial copy that Nebula's scanner already marks complete is not taken as the total (no false 100 %);
#   - a node crash (its lease gone, as when heartbeats stop) names the node and its last heartbeat; recovery clears it;
#   - the BFF stopped, or Nebula's user database down: block A serves its last snapshot marked stale, an import gets
#     503; both back, block A is fresh and sign-ins still hold;
#   - a user Nebula removes is asked to sign in again while others keep their list;
#   - delete (admin only) removes the spec from etcd and leaves Nebula's GC request for the node.
# Prints "N passed, M failed"; exits non-zero on any failure. Needs cargo + protoc (the BFF build), etcd and etcdctl
# (Debian: etcd-server, etcd-client). The BFF binary is cached in ~/.cache/nebula-model-catalog by source checksum.
# Upstream source: NEBULA_SRC (a tarball of Nebula at the commit docs/nebula-v2-api.md was read from).
set -euo pipefail

export BENCH_NAME=real-nebula BENCH_SCENARIO=demo BENCH_LATENCY_MS=0
export BENCH_SIM_PORT=${REAL_SIM_PORT:-18491} BENCH_HUB_PORT=${REAL_HUB_PORT:-18492} BENCH_PORT=${REAL_PORT:-18481}
export BENCH_DB_PORT=${REAL_DB_PORT:-54681} BENCH_EXT_DB_PORT=${REAL_EXT_DB_PORT:-54682}
ETCD_PORT=${REAL_ETCD_PORT:-18493}; ETCD_PEER_PORT=${REAL_ETCD_PEER_PORT:-18494}; BFF_PORT=${REAL_BFF_PORT:-18495}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"

# --- the real BFF binary --------------------------------------------------------------------------------------------
NEBULA_SRC=${NEBULA_SRC:-$ROOT/../shared/upstream/nebula-84d7ea4.tar.gz}
[[ -f $NEBULA_SRC ]] || { say "Nebula's source tarball is missing: set NEBULA_SRC"; exit 2; }
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/nebula-model-catalog
BFF_BIN=$CACHE/nebula-bff-$(sha256sum "$NEBULA_SRC" | cut -c1-16)
if [[ ! -x $BFF_BIN ]]; then
  say "building nebula-bff from $(basename "$NEBULA_SRC") (cargo build --release; first time only)"
  t0=$(date +%s)
  mkdir -p "$CACHE/src"; rm -rf "$CACHE/src"/*; tar -xzf "$NEBULA_SRC" -C "$CACHE/src"
  # Not --locked: at this commit Cargo.lock still names the workspace's own crates 0.1.0 while their manifests say
  # 0.1.1; cargo rewrites just those lines, and every external dependency stays pinned by the lock file.
  (cd "$CACHE"/src/*/ && CARGO_TARGET_DIR=$CACHE/target cargo build --release -q -p nebula-bff) \
    >"$OUT/cargo.log" 2>&1 || { say "the BFF build failed"; tail -30 "$OUT/cargo.log"; exit 2; }
  cp "$CACHE/target/release/nebula-bff" "$BFF_BIN"
  say "built in $(( $(date +%s) - t0 )) s"
fi

# --- etcd, PostgreSQL for Nebula's users, the BFF --------------------------------------------------------------------
ETCD=http://127.0.0.1:$ETCD_PORT
etcd --data-dir "$WORK/etcd" --listen-client-urls "$ETCD" --advertise-client-urls "$ETCD" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "default=http://127.0.0.1:$ETCD_PEER_PORT" >"$OUT/etcd.log" 2>&1 &
PIDS+=($!)
ectl() { ETCDCTL_API=3 etcdctl --endpoints="$ETCD" "$@"; }
for _ in $(seq 1 100); do ectl endpoint health >/dev/null 2>&1 && break; sleep 0.2; done
EXT_PG_KEEP=1 start_external_pg
BFF=http://127.0.0.1:$BFF_PORT
start_bff() {
  NEBULA_BFF_ADDR=127.0.0.1:$BFF_PORT ETCD_ENDPOINT=$ETCD NEBULA_ROUTER_URL=http://127.0.0.1:9 \
    BFF_DATABASE_URL="postgresql://postgres@127.0.0.1:$EXT_DB_PORT/postgres" OBSERVE_URL=http://127.0.0.1:9 \
    RUST_LOG=warn "$BFF_BIN" >>"$OUT/bff.log" 2>&1 &
  BFF_PID=$!; PIDS+=($BFF_PID)
  wait_ready "$BFF/api/healthz" "$BFF_PID" || { say "the BFF did not start"; tail -20 "$OUT/bff.log"; exit 2; }
}
start_bff
say "real Nebula BFF on :$BFF_PORT (etcd :$ETCD_PORT, PostgreSQL :$EXT_DB_PORT)"

# --- node records, as nebula-node writes them -----------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
NODE=gpu-real-01
lease() { ectl lease grant "$1" | awk '{print $2}'; }
NODE_LEASE=$(lease 60)
put_node() { # the heartbeat: /nodes/{id}/status under a lease that expires when heartbeats stop
  ectl put --lease="$NODE_LEASE" "/nodes/$NODE/status" \
    "{\"node_id\":\"$NODE\",\"last_heartbeat_ms\":$(now_ms),\"gpus\":[{\"index\":0,\"memory_total_mb\":81920,\"memory_used_mb\":512}],\"api_addr\":\"http://10.0.0.7:9090\"}" >/dev/null
}
put_cache() { # model_name, size, complete
  local key=${1//\//--}
  ectl put "/model_cache/$NODE/$key" "{\"node_id\":\"$NODE\",\"model_name\":\"$1\",\"cache_path\":\"/root/.cache/huggingface/hub/models--$key\",\"size_bytes\":$2,\"file_count\":7,\"complete\":$3,\"last_accessed_ms\":$(now_ms),\"discovered_at_ms\":$(now_ms)}" >/dev/null
}
# nebula-node rewrites its status every few seconds while it lives, each write under a fresh 60 s lease (and its
# endpoints likewise), so its records outlive it by at most 60 s; a crash is the loop stopping. Here the records share
# one lease that each beat keeps alive, and a crash revokes it rather than wait out the 60 s.
beating() { while :; do put_node; ectl lease keep-alive --once "$NODE_LEASE" >/dev/null 2>&1 || true; sleep 2; done; }
beating & HEART=$!; PIDS+=($HEART)
ectl put "/node_disk/$NODE" "{\"node_id\":\"$NODE\",\"model_dir\":\"/DATA/Model\",\"total_bytes\":2000000000000,\"used_bytes\":500000000000,\"available_bytes\":1500000000000,\"usage_pct\":25.0,\"model_cache_bytes\":1000000000,\"model_count\":1,\"updated_at_ms\":$(now_ms)}" >/dev/null
put_cache "Qwen/Qwen2.5-0.5B-Instruct" 988097824 true

# --- our service against it -----------------------------------------------------------------------------------------
start_service main NEBULA_URL="$BFF" NEBULA_CATALOG_DATA_DIR="$WORK/data"
PIDS+=($SVC_PID)
call POST /api/v2/catalog/auth/login "" '{"username":"admin","password":"admin123"}'
TOKEN=$(json "d['token']")
check "sign-in with Nebula's bootstrap admin (got $STATUS)" test "$STATUS" = 200
call GET /api/v2/catalog/capabilities "$TOKEN"
check "capabilities: Nebula reachable and not simulated" \
  test "$(json "(d['nebula']['reachable'], d['nebula']['simulated'])")" = "(True, False)"

# Accounts made through Nebula's own user API, one per role; each signs in through our service.
bff() { # method path [token] [json] -> BSTATUS, BBODY (straight to the BFF)
  local args=(-s -m 20 -o "$WORK/bbody" -w '%{http_code}' -X "$1" "$BFF$2")
  [[ -n ${3:-} ]] && args+=(-H "Authorization: Bearer $3")
  [[ -n ${4:-} ]] && args+=(-H 'Content-Type: application/json' -d "$4")
  BSTATUS=$(curl "${args[@]}" || echo 000); BBODY=$(cat "$WORK/bbody" 2>/dev/null || true)
}
bjson() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {'d': d}))" "$BBODY" "$1" 2>/dev/null || echo "?"; }
bff POST /api/auth/login "" '{"username":"admin","password":"admin123"}'
NTOKEN=$(bjson "d['token']")
for role in operator viewer; do
  bff POST /api/auth/users "$NTOKEN" "{\"username\":\"real-$role\",\"password\":\"real-$role-pass\",\"role\":\"$role\"}"
  check "Nebula creates the $role account (got $BSTATUS)" test "$BSTATUS" = 201
done
VIEWER_ID=$(bjson "d['id']")
call POST /api/v2/catalog/auth/login "" '{"username":"real-operator","password":"real-operator-pass"}'
OTOKEN=$(json "d['token']")
check "the operator signs in as operator (got $STATUS $(json "d['user']['role']"))" test "$STATUS $(json "d['user']['role']")" = "200 operator"
call POST /api/v2/catalog/auth/login "" '{"username":"real-viewer","password":"real-viewer-pass"}'
VTOKEN=$(json "d['token']")
check "the viewer signs in as viewer (got $STATUS $(json "d['user']['role']"))" test "$STATUS $(json "d['user']['role']")" = "200 viewer"
call POST /api/v2/catalog/import "$VTOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen3-8B","model_uid":"real-by-viewer"}'
check "a viewer may not import (got $STATUS)" test "$STATUS" = 403
check "and Nebula received nothing" test -z "$(ectl get /models/real-by-viewer/spec --print-value-only)"

# row of block A matching a Python condition over r; waits up to $2 s for it. Sets ROW (JSON) or fails.
row_where() {
  local cond=$1 deadline=$(( $(date +%s) + ${2:-20} ))
  while :; do
    call GET "/api/v2/catalog/models?limit=100" "$TOKEN"
    ROW=$(python3 -c "import json,sys; d=json.loads(sys.argv[1]); m=[r for r in d.get('items',[]) if $cond]; print(json.dumps(m[0]) if m else '')" "$BODY" 2>/dev/null || true)
    [[ -n $ROW ]] && return 0
    if (( $(date +%s) >= deadline )); then
      # say what the row looked like instead, so a failure in CI explains itself
      python3 -c "import json,re,sys; d=json.loads(sys.argv[1]); u=re.findall(r\"model_(?:uid|name)'\]=='([^']+)'\", sys.argv[2])
for r in d.get('items', []):
    if u and (r.get('model_uid') in u or r.get('model_name') in u): print('[real-nebula]   row was:', json.dumps({k: r.get(k) for k in ('model_uid', 'state', 'size_bytes', 'error', 'progress')}))" \
        "$BODY" "$cond" 2>/dev/null || true
      return 1
    fi
    sleep 1
  done
}
rowf() { python3 -c "import json,sys; r=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {'r': r}))" "$ROW" "$1"; }

check "a node's cached copy lists as a cache-only row with its node and size" \
  row_where "r['model_name']=='Qwen/Qwen2.5-0.5B-Instruct' and r['state']=='cached' and r['size_bytes']==988097824 and r['nodes'][0]['node_id']=='$NODE'"

call POST /api/v2/catalog/import "$OTOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen3-8B","model_uid":"real-stopped","auto_start":false}'
check "an operator imports without starting (got $STATUS)" test "$STATUS" = 201
check "a model registered but not started reads stopped" row_where "r['model_uid']=='real-stopped' and r['state']=='stopped' and r['imported_by']=='real-operator'"

UID_=real-qwen-7b
call POST /api/v2/catalog/import "$TOKEN" "{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"model_uid\":\"$UID_\"}"
check "an import is accepted by the real Nebula (got $STATUS $(json "d.get('status')"))" test "$STATUS" = 201
check "the spec is in etcd under /models/$UID_/spec" test -n "$(ectl get "/models/$UID_/spec" --print-value-only)"
check "its deployment asks for running (etcd /deployments/$UID_)" \
  grep -q '"desired_state":"running"' <<<"$(ectl get "/deployments/$UID_" --print-value-only)"
check "with no placement yet, the row reads starting" row_where "r['model_uid']=='$UID_' and r['state']=='starting'"

# The scheduler's placement, then nebula-node's download progress; its scanner already marks the partial copy complete.
ectl put "/placements/$UID_" "{\"request_id\":null,\"model_uid\":\"$UID_\",\"model_name\":\"Qwen/Qwen2.5-7B-Instruct\",\"version\":1,\"assignments\":[{\"replica_id\":0,\"node_id\":\"$NODE\",\"engine_config_path\":\"/tmp/nebula/$UID_-0.yaml\",\"port\":10814,\"gpu_index\":0,\"engine_type\":\"vllm\"}]}" >/dev/null
progress() { # downloaded total phase
  ectl put "/download_progress/$UID_/0" "{\"model_uid\":\"$UID_\",\"replica_id\":0,\"node_id\":\"$NODE\",\"model_name\":\"Qwen/Qwen2.5-7B-Instruct\",\"phase\":\"$3\",\"total_bytes\":$2,\"downloaded_bytes\":$1,\"progress_pct\":$(python3 -c "print(round($1*100/$2,2) if $2 else 0)"),\"speed_bytes_per_sec\":52428800,\"eta_seconds\":$(( $2 > $1 ? ($2 - $1) / 52428800 : 0 )),\"files_total\":4,\"files_done\":1,\"updated_at_ms\":$(now_ms)}" >/dev/null
}
progress 4000000000 15231233024 downloading
put_cache "Qwen/Qwen2.5-7B-Instruct" 3900000000 true
check "a download reads downloading with its own progress" \
  row_where "r['model_uid']=='$UID_' and r['state']=='downloading' and r['progress'] and r['progress']['downloaded_bytes']==4000000000"
progress 8000000000 15231233024 downloading
check "the progress follows the growing bytes" \
  row_where "r['model_uid']=='$UID_' and r['progress'] and r['progress']['downloaded_bytes']==8000000000 and abs(r['progress']['percent']-52.52) < 0.1"
check "the partial copy marked complete is not taken as the total (no false 100 %; got $(rowf "r['progress']['percent']"))" \
  test "$(rowf "r['progress']['percent'] is None or r['progress']['percent'] < 100")" = True

# Download done, the engine's endpoint registers ready under the node's lease.
progress 15231233024 15231233024 complete
put_cache "Qwen/Qwen2.5-7B-Instruct" 15231233024 true
endpoint() {
  ectl put --lease="$NODE_LEASE" "/endpoints/$UID_/0" "{\"model_uid\":\"$UID_\",\"replica_id\":0,\"plan_version\":1,\"node_id\":\"$NODE\",\"endpoint_kind\":\"native_http\",\"api_flavor\":\"openai\",\"status\":\"ready\",\"last_heartbeat_ms\":$(now_ms),\"grpc_target\":null,\"base_url\":\"http://10.0.0.7:10814\"}" >/dev/null
}
endpoint
# one size per row: the hub's exact total recorded at import (15,242,807,270 in the stub), not the scanner's figure
check "with its endpoint ready, the row reads running with the hub's exact size" \
  row_where "r['model_uid']=='$UID_' and r['state']=='running' and r['size_bytes']==15242807270 and r['error'] is None"

# A second replica whose engine fails its health checks: degraded, and the row says which replica on which node.
ectl put "/placements/$UID_" "{\"request_id\":null,\"model_uid\":\"$UID_\",\"model_name\":\"Qwen/Qwen2.5-7B-Instruct\",\"version\":2,\"assignments\":[{\"replica_id\":0,\"node_id\":\"$NODE\",\"engine_config_path\":\"/tmp/nebula/$UID_-0.yaml\",\"port\":10814,\"gpu_index\":0,\"engine_type\":\"vllm\"},{\"replica_id\":1,\"node_id\":\"$NODE\",\"engine_config_path\":\"/tmp/nebula/$UID_-1.yaml\",\"port\":10815,\"gpu_index\":1,\"engine_type\":\"vllm\"}]}" >/dev/null
ectl put --lease="$NODE_LEASE" "/endpoints/$UID_/1" "{\"model_uid\":\"$UID_\",\"replica_id\":1,\"plan_version\":2,\"node_id\":\"$NODE\",\"endpoint_kind\":\"native_http\",\"api_flavor\":\"openai\",\"status\":\"unhealthy\",\"last_heartbeat_ms\":$(now_ms),\"grpc_target\":null,\"base_url\":\"http://10.0.0.7:10815\"}" >/dev/null
check "one replica ready and one unhealthy reads degraded, naming replica 1" \
  row_where "r['model_uid']=='$UID_' and r['state']=='degraded' and r['error'] and r['error']['code']=='replicas_unhealthy' and r['error']['replicas']==[{'replica_id':1,'node_id':'$NODE'}]"
ectl del "/endpoints/$UID_/1" >/dev/null
ectl put "/placements/$UID_" "$(ectl get "/placements/$UID_" --print-value-only | python3 -c "import json,sys; p=json.load(sys.stdin); p['assignments']=p['assignments'][:1]; print(json.dumps(p))")" >/dev/null
check "back to one healthy replica it runs with no error" row_where "r['model_uid']=='$UID_' and r['state']=='running' and r['error'] is None"

# Placed, never ready, its last start 10 minutes ago: Nebula's 5-minute timer says failed.
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen2.5-7B-Instruct","model_uid":"real-failing"}'
ectl put /placements/real-failing '{"request_id":null,"model_uid":"real-failing","model_name":"Qwen/Qwen2.5-7B-Instruct","version":1,"assignments":[{"replica_id":0,"node_id":"'"$NODE"'","engine_config_path":"/tmp/nebula/real-failing-0.yaml","port":10816,"gpu_index":2,"engine_type":"vllm"}]}' >/dev/null
aged() { ectl get "$1" --print-value-only | python3 -c "import json,sys,time; d=json.load(sys.stdin); d['$2']=int(time.time()*1000)-600000; print(json.dumps(d))"; }
ectl put /models/real-failing/spec "$(aged /models/real-failing/spec created_at_ms)" >/dev/null
ectl put /deployments/real-failing "$(aged /deployments/real-failing updated_at_ms)" >/dev/null
check "a model placed and never ready for 10 minutes reads failed, with Nebula's timer as the reason" \
  row_where "r['model_uid']=='real-failing' and r['state']=='failed' and r['error'] and r['error']['code']=='model_failed'"

# A download that fails: the reason outlives Nebula's record of it (which expires 30 s after its last write).
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"modelscope","model_id":"Qwen/Qwen2.5-7B-Instruct","model_uid":"real-dl-fails"}'
ectl put /placements/real-dl-fails '{"request_id":null,"model_uid":"real-dl-fails","model_name":"Qwen/Qwen2.5-7B-Instruct","version":1,"assignments":[{"replica_id":0,"node_id":"'"$NODE"'","engine_config_path":"/tmp/nebula/real-dl-fails-0.yaml","port":10817,"gpu_index":3,"engine_type":"vllm"}]}' >/dev/null
ectl put /download_progress/real-dl-fails/0 '{"model_uid":"real-dl-fails","replica_id":0,"node_id":"'"$NODE"'","model_name":"Qwen/Qwen2.5-7B-Instruct","phase":"failed","total_bytes":15231233024,"downloaded_bytes":2000000000,"progress_pct":13.1,"speed_bytes_per_sec":0,"eta_seconds":0,"files_total":4,"files_done":0,"updated_at_ms":'"$(now_ms)"'}' >/dev/null
check "a failed download names its node and replica" \
  row_where "r['model_uid']=='real-dl-fails' and r['error'] and r['error']['code']=='download_failed' and r['error']['replicas']==[{'replica_id':0,'node_id':'$NODE'}]"
ectl del /download_progress/real-dl-fails/0 >/dev/null
sleep 6 # past the snapshot's freshness: block A reads Nebula again, which no longer has the record
check "after Nebula's record is gone the row still says the download failed" \
  row_where "r['model_uid']=='real-dl-fails' and r['progress'] is None and r['error'] and r['error']['code']=='download_failed'"

# A node crash: heartbeats stop, the lease expires and takes the node record and the endpoint with it.
kill "$HEART"; wait "$HEART" 2>/dev/null || true
ectl lease revoke "$NODE_LEASE" >/dev/null
if row_where "r['model_uid']=='$UID_' and r['error'] is not None" 30; then
  check "a crashed node is named as the cause (got $(rowf "r['error']['code']"): $(rowf "r['error']['summary']"))" \
    test "$(rowf "r['error']['code'] == 'node_lost' and '$NODE' in r['error']['summary']")" = True
else
  check "a crashed node shows an error on the row" false
fi
NODE_LEASE=$(lease 60); beating & HEART=$!; PIDS+=($HEART); endpoint
check "when the node reports again the model runs with no error" \
  row_where "r['model_uid']=='$UID_' and r['state']=='running' and r['error'] is None" 30

# The BFF itself stopped, then started again (its sessions are in PostgreSQL, so they survive).
stop_pid "$BFF_PID"
sleep 6
call GET "/api/v2/catalog/models?limit=100" "$TOKEN"
check "with the BFF stopped block A serves its last snapshot, marked stale (got $STATUS $(json "d.get('stale')"))" \
  test "$STATUS $(json "d.get('stale')")" = "200 True"
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen3-8B","model_uid":"real-refused-bff"}'
check "an import then gets 503 (got $STATUS $(json "d['error']['code']"))" test "$STATUS" = 503
start_bff
for _ in $(seq 1 60); do
  call GET "/api/v2/catalog/models?limit=100" "$TOKEN"; [[ $(json "d.get('stale')") == False ]] && break; sleep 1
done
check "the BFF back, block A is fresh and the same sign-in still works (got $STATUS stale=$(json "d.get('stale')"))" \
  test "$STATUS $(json "d.get('stale')")" = "200 False"

# Nebula's own user database down: Nebula answers 403 "authentication backend unavailable" to every checked call.
stop_pid "$PG_PID"
sleep 6 # past the snapshot's freshness, so block A must ask Nebula again
call GET "/api/v2/catalog/models?limit=100" "$TOKEN"
check "with Nebula's user database down block A serves its last snapshot, marked stale (got $STATUS $(json "d.get('stale')"))" \
  test "$STATUS $(json "d.get('stale')")" = "200 True"
call POST /api/v2/catalog/import "$TOKEN" '{"provider":"huggingface","model_id":"Qwen/Qwen2.5-1.5B-Instruct","model_uid":"real-refused"}'
check "an import then gets 503 (got $STATUS $(json "d['error']['code']"))" test "$STATUS" = 503
EXT_PG_KEEP=1 start_external_pg
for _ in $(seq 1 60); do
  call GET "/api/v2/catalog/models?limit=100" "$TOKEN"; [[ $(json "d.get('stale')") == False ]] && break; sleep 1
done
check "when it is back block A is fresh again (got $STATUS stale=$(json "d.get('stale')"))" test "$(json "d.get('stale')")" = False

# Nebula's admin removes the viewer: that user's Nebula session ends; nobody else's does.
bff DELETE "/api/auth/users/$VIEWER_ID" "$NTOKEN"
check "Nebula removes the viewer (got $BSTATUS)" test "$BSTATUS" = 200
ended=
for _ in $(seq 1 20); do
  call GET "/api/v2/catalog/models?limit=100" "$VTOKEN"; [[ $STATUS == 401 ]] && { ended=$(json "d['error']['code']"); break; }; sleep 1
done
check "the removed viewer is asked to sign in again (got 401 ${ended:-never})" test -n "$ended"
call GET "/api/v2/catalog/models?limit=100" "$OTOKEN"
check "while the operator keeps the list (got $STATUS stale=$(json "d.get('stale')"))" test "$STATUS $(json "d.get('stale')")" = "200 False"

# Stopped in Nebula while its engine still drains: stopping, then stopped.
bff POST "/api/v2/models/$UID_/stop" "$NTOKEN"
check "Nebula stops the model (got $BSTATUS)" test "$BSTATUS" = 200
check "with its endpoint still draining the row reads stopping" row_where "r['model_uid']=='$UID_' and r['state']=='stopping'"
ectl del "/endpoints/$UID_/0" >/dev/null
check "drained, it reads stopped" row_where "r['model_uid']=='$UID_' and r['state']=='stopped'"

call DELETE "/api/v2/catalog/models/$UID_" "$OTOKEN"
check "an operator may not delete (got $STATUS)" test "$STATUS" = 403
call DELETE "/api/v2/catalog/models/$UID_" "$TOKEN"
check "the admin deletes (got $STATUS)" test "$STATUS" = 200
check "the spec is gone from etcd" test -z "$(ectl get "/models/$UID_/spec" --print-value-only)"
check "and Nebula asked the node to remove the files (/model_gc_requests/$NODE/$UID_)" \
  test -n "$(ectl get "/model_gc_requests/$NODE/$UID_" --print-value-only)"

finish
