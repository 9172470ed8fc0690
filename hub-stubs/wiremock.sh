# Sourced by the scripts that stub the hubs (fuzz/run.sh, bench/lib.sh): WireMock standalone, at the version the
# build pins (wiremock.version in the root pom.xml), serving hub-stubs/ (see hub-stubs/README.md).
HUB_STUBS=$ROOT/hub-stubs
WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$ROOT/pom.xml")
WIREMOCK=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar

# Fetches the jar through Maven when the local repository lacks it; fails when it cannot.
ensure_wiremock() {
  [[ -n $WIREMOCK_VERSION ]] || { echo "no wiremock.version in $ROOT/pom.xml" >&2; return 1; }
  [[ -f $WIREMOCK ]] || "$ROOT/mvnw" -B -q dependency:get -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" >/dev/null
}

# Starts the stubs on 127.0.0.1:$1 from a copy in $2 (WireMock may write into its root), logging to $3; extra WireMock
# options follow. Sets HUB_STUBS_PID.
start_hub_stubs() {
  local port=$1 copy=$2 log=$3; shift 3
  cp -r "$HUB_STUBS" "$copy"
  java -jar "$WIREMOCK" --port "$port" --bind-address 127.0.0.1 --root-dir "$copy" --disable-banner "$@" >"$log" 2>&1 &
  HUB_STUBS_PID=$!
}
