#!/usr/bin/env python3
"""Prints the ecosystem realm for production, derived from the demo realm (ecosystem-realm.json) so that
there is one source: without what is demo only -- the demo people (service accounts of the integrator
clients stay), the organizations' members, the brokers of the realms espoo and vantaa that play cities'
own identity providers -- and without any known secret: the gateway's client secret is the placeholder
${GATEWAY_CLIENT_SECRET}, which Keycloak fills in from its environment (compose) or from a Secret (the
operator's realm import), and the integrators' secrets are left to Keycloak to generate. Real cities'
identity providers are added in Keycloak as each city joins.

  deploy/keycloak/production-realm.py <keycloak-public-url> <gateway-public-url>
"""
import json
import pathlib
import sys

DEMO_KEYCLOAK = "http://localhost:8180"
DEMO_GATEWAY = "http://localhost:8080"


def production_realm(keycloak_url, gateway_url):
    text = pathlib.Path(__file__).with_name("ecosystem-realm.json").read_text(encoding="utf-8")
    realm = json.loads(text.replace(DEMO_KEYCLOAK, keycloak_url.rstrip("/")).replace(DEMO_GATEWAY, gateway_url.rstrip("/")))
    realm["users"] = [user for user in realm.get("users", []) if user.get("serviceAccountClientId")]
    for key in ("identityProviders", "identityProviderMappers"):
        realm.pop(key, None)
    for organization in realm.get("organizations", []):
        organization.pop("members", None)
        organization.pop("identityProviders", None)
    for client in realm.get("clients", []):
        if client.get("clientId") == "gateway":
            client["secret"] = "${GATEWAY_CLIENT_SECRET}"
        else:
            client.pop("secret", None)
    return realm


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: production-realm.py <keycloak-public-url> <gateway-public-url>")
    json.dump(production_realm(sys.argv[1], sys.argv[2]), sys.stdout, ensure_ascii=False, indent=2)
    print()
