#!/usr/bin/env bash
# Prints KeycloakRealmImport resources (one JSON List) for the realms of deploy/keycloak, so the realm
# files stay the one source. The demo's http://localhost:8180 (Keycloak) and http://localhost:8080
# (gateway) become the public URLs:
#   deploy/k8s/operators/keycloak-realm-imports.sh https://login.example.org https://ecosystem.example.org \
#     | kubectl apply -f -
# --production imports the ecosystem realm without what is demo only: the users and organization
# members, the realms espoo and vantaa that play cities' own identity providers and their brokers, and
# the integrators' client secrets (Keycloak generates new ones). The gateway's secret is then read from
# Secret "gateway-client" (key "secret") in the keycloak namespace, the same value as the platform's
# GATEWAY_CLIENT_SECRET. Real cities' identity providers are added in Keycloak as each city joins.
set -euo pipefail
production=false
if [[ "${1:-}" == "--production" ]]; then
  production=true
  shift
fi
if [[ $# -ne 2 ]]; then
  echo "usage: $0 [--production] <keycloak-public-url> <gateway-public-url>" >&2
  exit 2
fi
realms_dir="$(cd "$(dirname "$0")/../../keycloak" && pwd)"

python3 - "$realms_dir" "$1" "$2" "$production" <<'EOF'
import json, pathlib, sys

realms_dir, keycloak_url, gateway_url, production = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/"), sys.argv[4] == "true"
files = ["ecosystem-realm.json"] if production else sorted(p.name for p in pathlib.Path(realms_dir).glob("*-realm.json"))
items = []
for name in files:
    text = pathlib.Path(realms_dir, name).read_text(encoding="utf-8")
    realm = json.loads(text.replace("http://localhost:8180", keycloak_url).replace("http://localhost:8080", gateway_url))
    spec = {"keycloakCRName": "ecosystem-keycloak", "realm": realm}
    if production:
        for key in ("users", "identityProviders", "identityProviderMappers"):
            realm.pop(key, None)
        for organization in realm.get("organizations", []):
            organization.pop("members", None)
            organization.pop("identityProviders", None)
        for client in realm.get("clients", []):
            if client.get("clientId") == "gateway":
                client["secret"] = "${GATEWAY_CLIENT_SECRET}"
            else:
                client.pop("secret", None)
        spec["placeholders"] = {"GATEWAY_CLIENT_SECRET": {"secret": {"name": "gateway-client", "key": "secret"}}}
    items.append({
        "apiVersion": "k8s.keycloak.org/v2alpha1",
        "kind": "KeycloakRealmImport",
        "metadata": {"name": "realm-" + realm["realm"], "namespace": "keycloak"},
        "spec": spec,
    })
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, sys.stdout, ensure_ascii=False, indent=1)
print()
EOF
