#!/usr/bin/env bash
# Time to erase one person end to end across all services (POST erasure → the last service done), for N
# people one after the other; each is registered for an event and a project's contact person first, so
# contacts-, events- and projects-service all have something to anonymise. Needs a running stack
# (./run-local.sh). Erasure is asked for as a city's data-protection admin does it: GdprErasure signs in through the
# gateway as ville.nieminen (Helsinki, admin; demo realm) with StaffHome's browser sign-in and uses that session.
#   bench/gdpr-erasure.sh [people]
set -euo pipefail
cd "$(dirname "$0")/.."
kc=http://localhost:8180
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
integrator=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
  $kc/realms/ecosystem/protocol/openid-connect/token | json access_token)
classes=target/bench-classes
mkdir -p $classes
javac -d $classes bench/StaffHome.java bench/GdprErasure.java
java -cp $classes GdprErasure "$integrator" "${1:-20}"
