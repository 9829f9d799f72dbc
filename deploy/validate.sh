#!/usr/bin/env bash
# Static checks of the deployment files; needs no Docker engine and no cluster (CI runs it):
#   - docker-compose config of deploy/compose with the example .env
#   - kubectl kustomize of deploy/k8s base, overlays and operator examples, and the hardening of every
#     rendered Deployment (non-root, read-only root, no capabilities, probes, limits, HPA, PDB)
#   - every ecosystem/* image is built by the one Dockerfile (deploy/docker/check-images.sh)
#   - compose and Kubernetes import only the production realm (deploy/keycloak/production-realm.py)
#   - the Keycloak realm import generator
# Installs what is missing from Debian's packages (deploy/local/preflight.sh, or says how to): docker-compose, and
# kubernetes-client for kubectl (its kubectl 1.20 embeds kustomize v2.0.3, which is why the kustomizations keep to its
# features).
# Exits non-zero if any check fails.
# shellcheck disable=SC2317  # the check functions are called through check()
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

. deploy/local/preflight.sh
missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v kubectl >/dev/null || missing+=(kubernetes-client)
# docker-compose depends on python3-yaml, which the manifest checks below use through Debian's python
[[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if ((${#missing[@]})); then
  # without docker-compose's recommended Docker engine, which no check here needs
  install_debian_packages "The static checks of the Docker and Kubernetes files (deploy/validate.sh) need" --no-install-recommends "${missing[@]}"
fi

results=()
failed=0
rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
check() { # check <name> <command...>: runs it, keeps its output in a log, records pass or fail
  local name=$1 log
  shift
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    results+=("PASS  $name")
  else
    results+=("FAIL  $name")
    failed=1
    echo "---- $name failed:"
    cat "$log"
  fi
  rm -f "$log"
}

compose_config() {
  docker-compose -f deploy/compose/compose.yaml --env-file deploy/compose/.env.example config -q
}

# kustomize v5 warns that bases/patchesStrategicMerge/patchesJson6902 are deprecated: expected, as
# they are what v2.0.3 understands; any other message is shown
render() {
  local dir=$1 err
  err=$(mktemp)
  kubectl kustomize "$dir" >"$rendered/$(basename "$dir").yaml" 2>"$err" || { cat "$err"; rm -f "$err"; return 1; }
  grep -v "^# Warning: '\(bases\|patchesStrategicMerge\|patchesJson6902\)' is deprecated" "$err" >&2
  rm -f "$err"
}

hardened() { # every Deployment of a rendered overlay as the issue asks
  /usr/bin/python3 - "$1" <<'EOF'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
names = lambda kind: {d["metadata"]["name"] for d in docs if d["kind"] == kind}
problems = []
deployments = [d for d in docs if d["kind"] == "Deployment"]
for d in deployments:
    name, pod = d["metadata"]["name"], d["spec"]["template"]["spec"]
    psc = pod.get("securityContext", {})
    if not psc.get("runAsNonRoot") or psc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        problems.append(f"{name}: pod must run as non-root with seccomp RuntimeDefault")
    for c in pod["containers"]:
        sc = c.get("securityContext", {})
        if sc.get("allowPrivilegeEscalation") is not False or sc.get("readOnlyRootFilesystem") is not True \
                or sc.get("capabilities", {}).get("drop") != ["ALL"]:
            problems.append(f"{name}: container must drop ALL, no privilege escalation, read-only root")
        if not {"readinessProbe", "livenessProbe"} <= c.keys():
            problems.append(f"{name}: readiness and liveness probes")
        if "memory" not in c.get("resources", {}).get("limits", {}) or "cpu" not in c.get("resources", {}).get("requests", {}):
            problems.append(f"{name}: resource requests and a memory limit")
        if not any(m["mountPath"] == "/tmp" for m in c.get("volumeMounts", [])):
            problems.append(f"{name}: writable /tmp")
    if name not in names("HorizontalPodAutoscaler") or name not in names("PodDisruptionBudget"):
        problems.append(f"{name}: needs an HPA and a PDB")
if len(deployments) != 5:
    problems.append(f"expected 5 Deployments, found {len(deployments)}")
if [d["metadata"]["name"] for d in docs if d["kind"] == "Ingress"] != ["gateway"]:
    problems.append("the gateway must be the only Ingress")
print("\n".join(problems) or f"{len(deployments)} Deployments hardened")
sys.exit(1 if problems else 0)
EOF
}

# a production realm: no demo person (only the integrators' service accounts), no demo city's identity
# provider, no secret but the gateway's placeholder
production_realm_only() {
  /usr/bin/python3 -c '
import json, sys
realm = json.load(sys.stdin)
realm = realm["items"][0]["spec"]["realm"] if "items" in realm else realm
assert realm["realm"] == "ecosystem", realm["realm"]
people = [u["username"] for u in realm.get("users", []) if not u.get("serviceAccountClientId")]
assert not people, people
assert not realm.get("identityProviders") and not any(o.get("members") for o in realm.get("organizations", []))
secrets = [c.get("secret") for c in realm["clients"] if c.get("secret")]
assert secrets == ["${GATEWAY_CLIENT_SECRET}"], secrets
assert "local-secret" not in json.dumps(realm) and "localhost" not in json.dumps(realm)
'
}

realm_imports() {
  local items
  items=$(deploy/k8s/operators/keycloak-realm-imports.sh https://login.example.org https://ecosystem.example.org) || return 1
  /usr/bin/python3 -c 'import json, sys; assert len(json.load(sys.stdin)["items"]) == 1' <<<"$items" || return 1
  production_realm_only <<<"$items"
}

# compose imports the generator's output, committed: it must not lag behind the demo realm
compose_realm() {
  # shellcheck disable=SC2016  # the placeholders are Keycloak's, filled in from its environment
  /usr/bin/python3 deploy/keycloak/production-realm.py '${KEYCLOAK_PUBLIC_URL}' '${GATEWAY_PUBLIC_URL}' \
    | diff - deploy/compose/keycloak/ecosystem-realm.json || return 1
  production_realm_only <deploy/compose/keycloak/ecosystem-realm.json || return 1
  grep -q '\./keycloak:/opt/keycloak/data/import' deploy/compose/compose.yaml
}

check "compose: docker-compose config (deploy/compose, .env.example)" compose_config
for dir in deploy/k8s/base deploy/k8s/overlays/dev deploy/k8s/overlays/prod deploy/k8s/operators; do
  check "kustomize: ${dir#deploy/k8s/}" render "$dir"
done
for overlay in dev prod; do
  check "hardening: overlays/$overlay" hardened "$rendered/$overlay.yaml"
done
check "images: every ecosystem/* image is built by deploy/docker/Dockerfile" deploy/docker/check-images.sh
check "keycloak: the Kubernetes realm import is the production realm" realm_imports
check "keycloak: compose imports the production realm, generated from deploy/keycloak" compose_realm
if command -v node >/dev/null; then
  check "compose: mongo-init.js parses" node --check deploy/compose/mongo-init.js
fi

echo
echo "deploy/validate.sh ($(docker-compose version --short 2>/dev/null | head -1 | sed 's/^/docker-compose /'), $(kubectl version --client 2>/dev/null | grep -o 'Kustomize Version: [^ ]*\|GitVersion:"[^"]*"' | head -2 | tr '\n' ' '))"
printf '%s\n' "${results[@]}"
passed=$(printf '%s\n' "${results[@]}" | grep -c '^PASS')
echo "${passed} passed, $(( ${#results[@]} - passed )) failed"
exit ${failed}
