# Shared by bench/run.sh and bench/soak.sh: ports, build-if-needed, process bookkeeping, and starting the simulator,
# the hub stubs and the service. Everything listens on loopback and is stopped by the EXIT trap.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIM_PORT=${BENCH_SIM_PORT:-18291}
HUB_PORT=${BENCH_HUB_PORT:-18292}
PORT=${BENCH_PORT:-18281}
DB_PORT=${BENCH_DB_PORT:-54481}
EXT_DB_PORT=${BENCH_EXT_DB_PORT:-54482}
REQUESTS=${BENCH_REQUESTS:-2000}
SCENARIO=${BENCH_SCENARIO:-large:1000x50}
LATENCY_MS=${BENCH_LATENCY_MS:-20}
JAR=$ROOT/backend/target/quarkus-app/quarkus-run.jar
SIM_JAR=$ROOT/nebula-sim/target/nebula-sim-0.1.0-SNAPSHOT-all.jar
OUT=$ROOT/target/$BENCH_NAME
BASE=http://127.0.0.1:$PORT
SIM=http://127.0.0.1:$SIM_PORT
HUB=http://127.0.0.1:$HUB_PORT

say() { printf '[%s] %s\n' "$BENCH_NAME" "$*"; }
if [[ ! -f $JAR || ! -f $SIM_JAR ]]; then
  say "building (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi
source "$ROOT/hub-stubs/wiremock.sh"
ensure_wiremock || { say "cannot fetch wiremock-standalone $WIREMOCK_VERSION"; exit 2; }
for port in "$SIM_PORT" "$HUB_PORT" "$PORT" "$DB_PORT" "$EXT_DB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is already in use"; exit 2; fi
done

rm -rf "$OUT"; mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/nebula-bench.XXXXXX)
PIDS=()
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

load() { java -Xmx256m "$ROOT/bench/Load.java" "$@"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
wait_ready() { # url pid -> prints ms from $2's start time
  for _ in $(seq 1 1200); do
    kill -0 "$2" 2>/dev/null || return 1
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$1") == 200 ]] && return 0
    sleep 0.05
  done
  return 1
}

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

say "simulator $SCENARIO, ${LATENCY_MS} ms latency on :$SIM_PORT"
java -jar "$SIM_JAR" --port "$SIM_PORT" --scenario "$SCENARIO" --latency-ms "$LATENCY_MS" >"$OUT/sim.log" 2>&1 &
SIM_PID=$!; PIDS+=($SIM_PID)
say "hub stubs on :$HUB_PORT"
start_hub_stubs "$HUB_PORT" "$WORK/hubs" "$OUT/wiremock.log" --async-response-enabled true
PIDS+=($HUB_STUBS_PID)
wait_ready "$SIM/api/healthz" "$SIM_PID" || { say "simulator did not start"; exit 2; }
for _ in $(seq 1 120); do curl -s -o /dev/null "$HUB/__admin/health" && break; sleep 0.5; done

# The load generators send one user's token for what stands in for many users: lift that user's hub budgets
# (HubQuota), which otherwise answer 429 after 30 searches and the figures would measure refusals.
BENCH_BUDGETS=(CATALOG_SEARCH_PER_USER_PER_MINUTE=100000000 CATALOG_SEARCH_PER_ADDRESS_PER_MINUTE=100000000)
# Start the service; $1 = label, rest = env assignments. Sets SVC_PID and READY_MS.
start_service() {
  local label=$1; shift
  local t0; t0=$(date +%s%N)
  # the JVM as shipped (backend/launch.sh's flags and malloc arenas), then JAVA_OPTS; BENCH_JVM_DEFAULTS=1 drops the
  # shipped flags (bench/footprint.sh compares flag sets from the JVM's own defaults)
  local shipped=("@$ROOT/backend/jvm.options")
  [[ ${BENCH_JVM_DEFAULTS:-} == 1 ]] && shipped=()
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  env -u QUARKUS_DATASOURCE_JDBC_URL NEBULA_URL="$SIM" HF_ENDPOINT="$HUB" MODELSCOPE_ENDPOINT="$HUB" \
    MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" QUARKUS_HTTP_PORT="$PORT" "$@" \
    java "${shipped[@]}" ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/service-$label.log" 2>&1 &
  SVC_PID=$!
  wait_ready "$BASE/q/health/ready" "$SVC_PID" || { say "service ($label) did not become ready"; tail -20 "$OUT/service-$label.log"; exit 2; }
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}


# A PostgreSQL in its own process (bench/ExternalPg.java) on $EXT_DB_PORT: an "external" database that outlives
# service restarts and can be stopped on purpose (EXT_PG_KEEP=1: a restart keeps its data). Sets PG_PID and PG_URL.
start_external_pg() {
  java -cp "$ROOT/backend/target/quarkus-app/lib/main/*" "$ROOT/bench/ExternalPg.java" "$EXT_DB_PORT" "$WORK/pg" ${EXT_PG_KEEP:+keep} \
    >"$OUT/pg.log" 2>&1 &
  PG_PID=$!; PIDS+=($PG_PID)
  for _ in $(seq 1 240); do grep -q '^READY' "$OUT/pg.log" && break; sleep 0.5; done
  grep -q '^READY' "$OUT/pg.log" || { say "PostgreSQL did not start"; cat "$OUT/pg.log"; exit 2; }
  PG_URL=$(sed -n 's/^READY //p' "$OUT/pg.log" | head -1)
}
