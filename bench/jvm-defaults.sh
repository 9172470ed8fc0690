# The shipped JVM flags (backend/jvm.options) as one line, for the bench scripts.
CATALOG_JVM_DEFAULTS=$(grep -v '^#' "$ROOT/backend/jvm.options" | tr '\n' ' ')
