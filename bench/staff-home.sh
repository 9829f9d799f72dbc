#!/usr/bin/env bash
# The staff home as a signed-in user sees it, through the gateway: N requests one after the other with the
# browser session of a Helsinki project manager; prints the median and p90. Seed a large event first to see
# what the home costs with it (bench/registrations.sh 5000 200 500). Needs a running stack (./run-local.sh).
#   bench/staff-home.sh [requests] [path] [city] [username]
set -euo pipefail
cd "$(dirname "$0")/.."
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
java bench/StaffHome.java "${1:-20}" "${2:-/app}" "${3:-helsinki}" "${4:-aino.virtanen}"
