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
# The shipped JVM flags, and on JDK 25+ a start-up cache recorded by the first run after a build (backend/launch.sh).
exec backend/launch.sh backend/target/quarkus-app "$@"
