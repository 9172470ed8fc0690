#!/usr/bin/env bash
# Starts the packaged service the one way both ./run.sh and the container image do:
#   launch.sh <quarkus-app directory> [application arguments]
# - the shipped JVM flags, jvm.options beside this script (a small serial heap, capped code cache: docs/benchmarks.md);
#   JAVA_OPTS is added after them, so an operator's own -Xmx wins;
# - glibc keeps two malloc arenas, not one per thread, which is most of the native memory a JVM wastes on many threads;
# - on JDK 25+ an ahead-of-time cache of loaded and linked classes (JEP 483/514/515) cuts start-up by a third: the
#   first run after a build records it from its real use (written when the service stops), later runs start with it.
#   It lives in CATALOG_AOT_CACHE (default: app.aot in the app directory; "off": none, e.g. where the disk is small or
#   gone at every restart). Older JDKs start without it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=$1
shift
jar="$app/quarkus-run.jar"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
aot_opts=()
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}' | cut -d. -f1)
if [ "${java_major:-0}" -ge 25 ] 2>/dev/null && [ "${CATALOG_AOT_CACHE:-}" != off ]; then
  aot="${CATALOG_AOT_CACHE:-$app/app.aot}"
  # The cache is assembled after the service has stopped, which can take ten seconds: a run killed meanwhile (a
  # container's stop timeout) leaves a file that cannot be mapped. Use the cache only when it is newer than the jar and
  # this JVM, with these flags, maps it (a dry run, under 0.1 s); otherwise record a new one.
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  if [ -s "$aot" ] && [ "$aot" -nt "$jar" ] \
     && java "@$here/jvm.options" ${JAVA_OPTS:-} -XX:AOTMode=on "-XX:AOTCache=$aot" -cp "$jar" -version >/dev/null 2>&1; then
    aot_opts=("-XX:AOTCache=$aot")
  else
    rm -f "$aot"
    aot_opts=("-XX:AOTCacheOutput=$aot")
    echo "JDK $java_major: this run records a start-up cache when it stops; the next start is faster."
  fi
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java "@$here/jvm.options" "${aot_opts[@]}" ${JAVA_OPTS:-} -jar "$jar" "$@"
