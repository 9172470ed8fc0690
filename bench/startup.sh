#!/usr/bin/env bash
# Start-up benchmark: time to ready (HTTP 200 on /q/health/ready) of the packaged service with an external
# PostgreSQL, three runs each on JDK 17, on JDK 25, and on JDK 25 with an AOT cache (JEP 514/515) recorded by one
# training run that signs in, lists block A, searches and loads the page. Prints one line per run.
#   bash bench/startup.sh      (JDK17 / JDK25 override the two bin directories)
set -euo pipefail
BENCH_NAME=startup
export BENCH_SIM_PORT=18691 BENCH_HUB_PORT=18692 BENCH_PORT=18681 BENCH_DB_PORT=54881 BENCH_EXT_DB_PORT=54882
source "$(dirname "$0")/lib.sh"
start_external_pg
J17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin}
J25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin}
run() { # label path opts
  local label=$1 path=$2; shift 2
  PATH="$path:$PATH" JAVA_OPTS="$*" start_service "$label" NEBULA_CATALOG_DATA_DIR="$WORK/data-ext" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" QUARKUS_DATASOURCE_USERNAME=postgres
  say "$label ready ${READY_MS} ms"
}
exercise() {
  for _ in 1 2 3; do
  T=$(curl -sf -X POST "$BASE/api/v2/catalog/auth/login" -H 'Content-Type: application/json' -d '{"username":"viewer","password":"viewer123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  curl -sf -o /dev/null -H "Authorization: Bearer $T" "$BASE/api/v2/catalog/models"
  curl -sf -o /dev/null -H "Authorization: Bearer $T" "$BASE/api/v2/catalog/search?provider=huggingface&q=qwen" || true
  curl -sf -o /dev/null "$BASE/model-catalog"
  done
}
for i in 1 2 3; do run jdk17-$i $J17; stop_pid "$SVC_PID"; done
for i in 1 2 3; do run jdk25-$i $J25; stop_pid "$SVC_PID"; done
run jdk25-train $J25 -XX:AOTCacheOutput=$WORK/app.aot; exercise; stop_pid "$SVC_PID"; say "AOT cache: $(du -h "$WORK/app.aot" | cut -f1)"
for i in 1 2 3; do run jdk25-aot-$i $J25 -XX:AOTCache=$WORK/app.aot; stop_pid "$SVC_PID"; done
