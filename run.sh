#!/usr/bin/env bash
# Builds the product if needed, then starts it on http://localhost:8080 with its embedded defaults:
# embedded PostgreSQL (data in ./data) and, when NEBULA_URL is unset, the built-in Nebula simulator.
set -euo pipefail
cd "$(dirname "$0")"
jar=backend/target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml openapi backend/pom.xml backend/src frontend/pom.xml frontend/src frontend/package.json \
      nebula-sim/pom.xml nebula-sim/src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building (first time takes a few minutes)…"
  ./mvnw -B -q package -DskipTests
fi
port="${QUARKUS_HTTP_PORT:-8080}"
echo "Starting Nebula Model Catalog — open http://localhost:${port}/model-catalog once it says it is ready."
# On JDK 25+ an ahead-of-time cache of loaded and linked classes cuts start-up by a third (docs/benchmarks.md,
# bench/startup.sh): the first run after a build records it (written when the service stops), later runs use it.
# Older JDKs start without it.
aot_opts=()
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}' | cut -d. -f1)
if [ "${java_major:-0}" -ge 25 ] 2>/dev/null; then
  aot=backend/target/quarkus-app/app.aot
  if [ -f "$aot" ] && [ "$aot" -nt "$jar" ]; then
    aot_opts=("-XX:AOTCache=$aot")
  else
    rm -f "$aot"
    aot_opts=("-XX:AOTCacheOutput=$aot")
    echo "JDK $java_major: this run records a start-up cache when it stops; the next start is faster."
  fi
fi
exec java "${aot_opts[@]}" ${JAVA_OPTS:-} -jar "$jar" "$@"
