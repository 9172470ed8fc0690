#!/usr/bin/env bash
# Validates the Kubernetes manifests offline, as CI does: renders the base and the example overlay with kustomize
# (from the Go module proxy) and checks every object against the Kubernetes JSON schemas that the PyPI package
# kubernetes-validate ships (strict: unknown fields fail), for the oldest and newest Kubernetes we claim (1.30, the
# first with the preStop sleep action, and 1.37); then checks what a schema cannot: replicas, probes, resources, and that
# every Secret, ConfigMap and selector the pods need is in the render. Tools are installed once into
# ~/.cache/nebula-k8s (NEBULA_K8S_CACHE) and reused. Prints "N passed, M failed"; exits non-zero on any failure.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${NEBULA_K8S_CACHE:-$HOME/.cache/nebula-k8s}
KUSTOMIZE_VERSION=v5.7.1 # v5.8 needs a newer Go than the machines have
VALIDATE_VERSION=1.37.0
KUBE_VERSIONS=(1.30.0 1.37.0)
say() { printf '[k8s] %s\n' "$*"; }

mkdir -p "$CACHE"
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then export PATH="/usr/local/go/bin:$PATH"; fi
KUSTOMIZE=$CACHE/bin/kustomize-$KUSTOMIZE_VERSION
if [[ ! -x $KUSTOMIZE ]]; then
  say "installing kustomize $KUSTOMIZE_VERSION (go install, once)"
  GOBIN=$CACHE/gobin go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
  mkdir -p "$CACHE/bin"; mv "$CACHE/gobin/kustomize" "$KUSTOMIZE"
fi
VENV=$CACHE/venv-$VALIDATE_VERSION
if [[ ! -x $VENV/bin/kubernetes-validate ]]; then
  say "installing kubernetes-validate $VALIDATE_VERSION (pip, once)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "kubernetes-validate==$VALIDATE_VERSION"
fi

WORK=$(mktemp -d /tmp/nebula-k8s.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# Render a copy with throw-away secrets: the real ones are never in the repository.
cp -r "$HERE" "$WORK/kubernetes"
rm -f "$WORK"/kubernetes/base/secrets/{jwt-private.pem,jwt-public.pem,session.key,database.env,hub-tokens.env}
bash "$WORK/kubernetes/base/secrets/generate.sh" >/dev/null

passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed + 1)); say "PASS $what"; else failed=$((failed + 1)); say "FAIL $what"; fi; }

for name in base example; do
  out=$WORK/$name.yaml
  check "$name renders" "$KUSTOMIZE" build "$WORK/kubernetes/$name" -o "$out"
  for v in "${KUBE_VERSIONS[@]}"; do
    check "$name is valid Kubernetes $v (strict schemas)" "$VENV/bin/kubernetes-validate" --strict --quiet -k "$v" "$out"
  done
  check "$name holds what a replicated catalog needs" "$VENV/bin/python" - "$out" "$name" <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
by_kind = {}
for d in docs:
    by_kind.setdefault(d["kind"], []).append(d)
problems = []
def need(cond, what):
    if not cond:
        problems.append(what)
for kind in ("Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "Secret", "NetworkPolicy", "ServiceAccount"):
    need(kind in by_kind, f"no {kind}")
if sys.argv[2] == "example":
    need("Ingress" in by_kind, "no Ingress in the example")
dep = by_kind["Deployment"][0]
spec = dep["spec"]
pod = spec["template"]
labels = pod["metadata"]["labels"]
def selects(selector):
    return all(labels.get(k) == v for k, v in selector.items())
need(spec["replicas"] >= 2, "fewer than 2 replicas")
need(selects(spec["selector"]["matchLabels"]), "the Deployment's selector misses its pods")
c = pod["spec"]["containers"][0]
port = {p["name"]: p["containerPort"] for p in c["ports"]}
need(port.get("http") == 8080, "the http port is not 8080")
need(c["readinessProbe"]["httpGet"]["path"] == "/q/health/ready", "readiness is not /q/health/ready")
need(c["livenessProbe"]["httpGet"]["path"] == "/q/health/live", "liveness is not /q/health/live")
res = c.get("resources", {})
need("memory" in res.get("requests", {}) and "cpu" in res.get("requests", {}), "no CPU/memory requests")
need("memory" in res.get("limits", {}), "no memory limit")
names = {(d["kind"], d["metadata"]["name"]) for d in docs}
for ref in c.get("envFrom", []):
    for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
        if key in ref:
            need((kind, ref[key]["name"]) in names, f"{kind} {ref[key]['name']} is not rendered")
for vol in pod["spec"].get("volumes", []):
    if "secret" in vol:
        need(("Secret", vol["secret"]["secretName"]) in names, f"Secret {vol['secret']['secretName']} is not rendered")
env = {e["name"]: e.get("value") for e in c.get("env", [])}
for var in ("SMALLRYE_JWT_SIGN_KEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "CATALOG_AUTH_SESSION_KEY_FILE"):
    need(var in env, f"{var} is not set: keys would come from the database")
cm = by_kind["ConfigMap"][0]["data"]
need(cm.get("NEBULA_URL", "").startswith("http"), "NEBULA_URL is not set: a replica would start the simulator")
db = [s for s in by_kind["Secret"] if "database" in s["metadata"]["name"]]
need(db and "QUARKUS_DATASOURCE_JDBC_URL" in db[0].get("data", {}), "no external database in the Secrets")
need(selects(by_kind["Service"][0]["spec"]["selector"]), "the Service selects no pod")
need(selects(by_kind["PodDisruptionBudget"][0]["spec"]["selector"]["matchLabels"]), "the PDB selects no pod")
np = by_kind["NetworkPolicy"][0]["spec"]
need(selects(np["podSelector"]["matchLabels"]), "the NetworkPolicy selects no pod")
need(set(np["policyTypes"]) == {"Ingress", "Egress"}, "the NetworkPolicy leaves a direction open")
egress_ports = sorted({p["port"] for rule in np["egress"] for p in rule.get("ports", [])})
need(egress_ports == [53, 443, 5432, 18090], f"egress beyond DNS, hubs, PostgreSQL and Nebula: {egress_ports}")
for p in problems:
    print("  -", p)
sys.exit(1 if problems else 0)
PY
done

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
