# Shared by the fault scripts (after bench/lib.sh, which starts the processes): pass/fail bookkeeping, one-line HTTP
# calls, JSON fields and the simulator's clock.
passed=0; failed=0
check() { # description, command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); say "PASS $what"; else failed=$((failed + 1)); say "FAIL $what"; fi
}
# status and body of a request: sets STATUS and BODY
call() { # method path [token] [json]
  local args=(-s -m 20 -o "$WORK/body" -w '%{http_code}' -X "$1" "$BASE$2")
  [[ -n ${3:-} ]] && args+=(-H "Authorization: Bearer $3")
  [[ -n ${4:-} ]] && args+=(-H 'Content-Type: application/json' -d "$4")
  STATUS=$(curl "${args[@]}" || echo 000); BODY=$(cat "$WORK/body" 2>/dev/null || true)
}
# a Python expression over the last body, bound to d; "?" when it does not evaluate
json() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {'d': d}))" "$BODY" "$1" 2>/dev/null || echo "?"; }
sim_state() { curl -s "$SIM/_sim/state" | python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
advance_sim() { curl -s -o /dev/null -X POST "$SIM/_sim/time" -H 'Content-Type: application/json' -d "{\"advance_seconds\": $1}"; }

finish() {
  echo
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
