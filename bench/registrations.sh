#!/usr/bin/env bash
# 5,000 registration requests from 200 concurrent clients for an event of 500 places, through the gateway
# (organiser API as Helsinki's integrator: the public endpoint's per-address rate limit would stop a single
# load generator, as it should). Checks exactly 500 confirmed and 4,500 waitlisted, none lost or duplicated,
# and how long projects and contacts take to show the result. Needs a running stack (./run-local.sh).
#   bench/registrations.sh [requests] [clients] [places]
set -euo pipefail
cd "$(dirname "$0")/.."
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
token=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
  http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
java bench/RegistrationLoad.java "$token" "${1:-5000}" "${2:-200}" "${3:-500}"
