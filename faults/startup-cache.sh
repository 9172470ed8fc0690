#!/usr/bin/env bash
# Fault test for the launcher (backend/launch.sh, which run.sh and the image use) and its start-up cache:
#   - on JDK 17 it starts with the shipped JVM flags and no cache;
#   - on JDK 25 the first run records a cache when it stops, and the next run starts with it;
#   - a cache that cannot be mapped (a run killed while the cache was assembled, after the service had stopped) is
#     recorded again instead of being passed to every later start.
# Needs the JDK 25 these machines have beside 17 (JDK25=<its bin directory> to point elsewhere).
# Prints "N passed, N failed" and exits non-zero on any failure. Run by .ci/run.
set -euo pipefail

export BENCH_NAME=startup-cache BENCH_SCENARIO=${BENCH_SCENARIO:-demo} BENCH_LATENCY_MS=${BENCH_LATENCY_MS:-0}
export BENCH_SIM_PORT=${FAULTS_SIM_PORT:-18891} BENCH_HUB_PORT=${FAULTS_HUB_PORT:-18892} BENCH_PORT=${FAULTS_PORT:-18881}
export BENCH_DB_PORT=${FAULTS_DB_PORT:-55081} BENCH_EXT_DB_PORT=${FAULTS_EXT_DB_PORT:-55082}
source "$(dirname "$0")/../bench/lib.sh"
source "$ROOT/faults/lib.sh"

J25=${JDK25:-$(find /usr/lib/jvm -maxdepth 1 -name '*25*' -type d 2>/dev/null | sort | head -1)/bin}
CACHE=$WORK/app.aot

launch() { # label java-bin-dir -> sets SVC_PID (the launcher execs java, so this is the JVM)
  local label=$1
  env -u QUARKUS_DATASOURCE_JDBC_URL PATH="$2:$PATH" NEBULA_URL="$SIM" HF_ENDPOINT="$HUB" MODELSCOPE_ENDPOINT="$HUB" \
    QUARKUS_HTTP_PORT="$PORT" NEBULA_CATALOG_DATA_DIR="$WORK/data" CATALOG_AOT_CACHE="$CACHE" \
    "$ROOT/backend/launch.sh" "$ROOT/backend/target/quarkus-app" >"$OUT/service-$label.log" 2>&1 &
  SVC_PID=$!
  PIDS+=($SVC_PID)
  wait_ready "$BASE/q/health/ready" "$SVC_PID" || { say "$label did not become ready"; tail -20 "$OUT/service-$label.log"; exit 2; }
}
flags() { tr '\0' ' ' <"/proc/$SVC_PID/cmdline"; }
aot_errors() { grep -c '\[error *\]\[aot\]' "$OUT/service-$1.log" || true; }
# the JVM can map the cache with the shipped flags (the launcher's own dry run)
mappable() { "$J25/java" "@$ROOT/backend/jvm.options" -XX:AOTMode=on "-XX:AOTCache=$CACHE" -cp "$ROOT/backend/target/quarkus-app/quarkus-run.jar" -version >/dev/null 2>&1; }
use_it() { # what the training run sees: sign-in, block A, a search, the page
  call POST /api/v2/catalog/auth/login "" '{"username":"viewer","password":"viewer123"}'
  local token; token=$(json "d['token']")
  call GET /api/v2/catalog/models "$token"; call GET '/api/v2/catalog/search?provider=huggingface&q=qwen' "$token"
  call GET /model-catalog
}

JDK17=$(dirname "$(readlink -f "$(command -v java)")")
launch jdk17 "$JDK17"
VM_FLAGS=$(jcmd "$SVC_PID" VM.flags 2>/dev/null | tr ' ' '\n' | grep -E 'UseSerialGC|TieredStopAtLevel|MaxHeapSize' | tr '\n' ' ')
check "JDK 17: the shipped flags ($VM_FLAGS)" \
  bash -c "grep -q -- '+UseSerialGC' <<<'$VM_FLAGS' && grep -q 'TieredStopAtLevel=1' <<<'$VM_FLAGS'"
check "JDK 17: no start-up cache" bash -c "! grep -q AOTCache <<<'$(flags)'"
stop_pid "$SVC_PID"

check "a JDK 25 is here ($J25)" test -x "$J25/java"
launch record "$J25"
check "JDK 25, first run: it records a cache" bash -c "grep -q -- '-XX:AOTCacheOutput=' <<<'$(flags)'"
use_it
stop_pid "$SVC_PID"
for _ in $(seq 1 180); do mappable && break; sleep 0.5; done # assembled after the JVM has stopped
check "the cache is written after the stop ($(du -m "$CACHE" 2>/dev/null | cut -f1) MB)" mappable

launch cached "$J25"
check "the next run starts with it" bash -c "grep -q -- '-XX:AOTCache=' <<<'$(flags)'"
check "and maps it without an error ($(aot_errors cached) AOT error lines)" test "$(aot_errors cached)" = 0
stop_pid "$SVC_PID"
for _ in $(seq 1 20); do pgrep -f -- "AOTCacheOutput=$CACHE" >/dev/null || break; sleep 0.5; done

# a run killed while its cache was assembled leaves a file that cannot be mapped: here the first 4 MB of a good one
head -c 4000000 "$CACHE" >"$CACHE.part" && mv "$CACHE.part" "$CACHE" && touch "$CACHE"
launch broken "$J25"
check "a cache that cannot be mapped is recorded again" bash -c "grep -q -- '-XX:AOTCacheOutput=' <<<'$(flags)'"
check "not passed to the JVM ($(aot_errors broken) AOT error lines)" test "$(aot_errors broken)" = 0
check "and the service serves" bash -c "curl -sf -o /dev/null '$BASE/q/health/ready'"
stop_pid "$SVC_PID"

finish
