# Shared by faults/import-crash-during-create.sh and faults/import-late-answer.sh (after bench/lib.sh and
# faults/lib.sh): a service with a short Nebula timeout and a quick recovery on an external PostgreSQL, and the checks
# both scripts end with — the import reads created within 60 s, Nebula holds exactly one model, and the audit intent
# has exactly one outcome.
IMPORT_UID=faults-import
start_external_pg
service() { start_service "$1" NEBULA_CATALOG_DATA_DIR="$WORK/data" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" \
  QUARKUS_DATASOURCE_USERNAME=postgres CATALOG_NEBULA_READ_TIMEOUT="${READ_TIMEOUT:-3s}" CATALOG_IMPORTS_RECOVERY_INTERVAL=5s; }
sim_chaos() { curl -s -o /dev/null -X POST "$SIM/_sim/chaos" -H 'Content-Type: application/json' -d "$1"; }
# create calls are counted when answered: a held one shows only after its delay
create_calls() { sim_state "d['create_calls']"; }
in_nebula() { sim_state "'$IMPORT_UID' in d['models']"; }
# the import id the catalog sent Nebula in the model's labels (the create's answer may never have arrived)
sent_import_id() {
  local token
  token=$(curl -s -X POST "$SIM/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"admin123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  curl -s "$SIM/api/v2/models/$IMPORT_UID" -H "Authorization: Bearer $token" | python3 -c '
import json, sys
d = json.load(sys.stdin)
spec = d.get("spec") or d
print((spec.get("labels") or {}).get("catalog.import-id", ""))'
}
login() { call POST /api/v2/catalog/auth/login "" "{\"username\":\"$1\",\"password\":\"$1123\"}"; json "d['token']"; }

# $1 = import id, $2 = operator token, $3 = the resolution the audit outcome should name
check_settled() {
  local id=$1 token=$2 resolution=$3 status=?
  for _ in $(seq 1 60); do
    call GET "/api/v2/catalog/imports/$id" "$token"
    status=$(json "d.get('status')")
    [[ $status == created ]] && break
    sleep 1
  done
  check "the import reads created within 60 s (status $status)" test "$status" = created
  local models
  models=$(sim_state "len([u for u in d['models'] if u == '$IMPORT_UID' or u.startswith('$IMPORT_UID-')])")
  check "exactly one model in Nebula ($models)" test "$models" = 1
  local admin; admin=$(login admin)
  call GET "/api/v2/catalog/audit?action=import&limit=200" "$admin"
  local outcome
  outcome=$(python3 -c '
import json, sys
rows = json.loads(sys.argv[1])["items"]
# the listing folds each outcome into its intent: one row per import, with its outcome and completed_at
writes = [r for r in rows if r.get("model_uid") == sys.argv[2] and r["outcome"] != "refused"]
w = writes[0] if writes else {}
print(len(writes), "done" if w.get("completed_at") else "open", w.get("outcome", "-"), (w.get("details") or {}).get("resolution", "-"))' \
    "$BODY" "$IMPORT_UID" 2>/dev/null || echo "? ? ? ?")
  say "audit: writes, completion, outcome, resolution = $outcome"
  check "one audited write, completed, succeeded ($outcome)" test "$(cut -d' ' -f1-3 <<<"$outcome")" = "1 done succeeded"
  [[ -n $resolution ]] && check "the outcome says '$resolution'" grep -q -- "$resolution" <<<"$outcome"
  call POST /api/v2/catalog/import "$token" "{\"provider\":\"hf\",\"model_id\":\"Qwen/Qwen3-8B\",\"model_uid\":\"$IMPORT_UID\"}"
  check "importing it again is refused as already imported (got $STATUS $(json "d['error']['code']"))" \
    test "$STATUS $(json "d['error']['code']")" = "409 already_imported"
}
