#!/usr/bin/env bash
# Time to erase one person end to end across all services (POST erasure → the last service done), for N
# people one after the other; each is registered for an event and a project's contact person first, so
# contacts-, events- and projects-service all have something to anonymise. Needs a running stack
# (./run-local.sh). Erasure needs a city admin's token: the script adds (once) a client `bench-gdpr` with
# direct access grants to the local realm through Keycloak's admin API and signs in as ville.nieminen
# (Helsinki, admin) — for the local demo realm only.
#   bench/gdpr-erasure.sh [people]
set -euo pipefail
cd "$(dirname "$0")/.."
kc=http://localhost:8180
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
integrator=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
  $kc/realms/ecosystem/protocol/openid-connect/token | json access_token)
master=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  $kc/realms/master/protocol/openid-connect/token | json access_token)
curl -s -o /dev/null -H "Authorization: Bearer $master" -H 'Content-Type: application/json' \
  -d '{"clientId": "bench-gdpr", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false,
       "defaultClientScopes": ["basic", "profile", "roles", "organization"]}' \
  $kc/admin/realms/ecosystem/clients
admin=$(curl -sf -d grant_type=password -d client_id=bench-gdpr -d username=ville.nieminen -d password=demo -d scope=openid \
  $kc/realms/ecosystem/protocol/openid-connect/token | json access_token)
java bench/GdprErasure.java "$integrator" "$admin" "${1:-20}"
