#!/usr/bin/env bash
# 5,000 registration requests from 200 concurrent clients for an event of 500 places, through the gateway
# (organiser API as Helsinki's integrator: the public endpoint's per-address rate limit would stop a single
# load generator, as it should). Checks exactly 500 confirmed and 4,500 waitlisted, none lost or duplicated,
# and how long projects and contacts take to show the result, then where the answers' time went hop by hop
# (bench/hops.py, from the traces in the stack's Zipkin). Needs a running stack (./run-local.sh).
#   bench/registrations.sh [requests] [clients] [places]
#   bench/registrations.sh --before DIR [--after DIR] [requests] [clients] [places]
#       before/after in one run: starts the stack of each checkout in turn (DIR built with ./mvnw -B -ntp -q package
#       -DskipTests; --after defaults to this one), runs the same load against each and prints both side by side — the
#       answer times of the registrations and the time contacts-service takes to link each registered person (its
#       consumer's own timer from the event's creation, ecosystem.inbox.propagation, handler participation-history).
#       Needs the stack's ports: flock /tmp/stack.lock bench/registrations.sh --before …
#   bench/registrations.sh --on-running DIR LABEL [requests] [clients] [places]   one version's part, on the stack running
#   bench/registrations.sh --report --before DIR [--after DIR] [requests] [clients] [places]   the side-by-side table
set -euo pipefail
cd "$(dirname "$0")/.."
before="" after=$(pwd) on_running="" label="" report_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --on-running) on_running=$(cd "$2" && pwd) label=$3; shift 3 ;;
    --report) report_only=true; shift ;;
    --before) before=$(cd "$2" && pwd); shift 2 ;;
    --after) after=$(cd "$2" && pwd); shift 2 ;;
    *) break ;;
  esac
done
requests=${1:-5000} clients=${2:-200} places=${3:-500}

if [ -n "$on_running" ]; then
  . bench/versions.sh
  mkdir -p target
  # the same load generator for every version (JDK only, through the gateway), so only the stack differs
  java bench/RegistrationLoad.java "$(integrator_token)" "$requests" "$clients" "$places" | tee "target/bench-registrations-$label.txt"
  exit 0
fi
if [ -z "$before" ]; then
  curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
  token=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
    http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  sent=$(date +%s%3N)
  java bench/RegistrationLoad.java "$token" "$requests" "$clients" "$places"
  # where the answer time went, hop by hop, from the sampled traces (says so when Zipkin kept none)
  # (HOPS=0: not here; bench/all.py reads them after its CPU figures)
  [ "${HOPS:-1}" = 0 ] || python3 bench/hops.py --from "$sent" --to "$(date +%s%3N)" || true
  exit 0
fi

if [ "$report_only" = false ]; then
  . bench/versions.sh
  trap stop_stack EXIT
  trap 'exit 1' INT TERM
  for label in before after; do
    dir=$([ "$label" = before ] && echo "$before" || echo "$after")
    start_stack "$dir" "$label"
    "$0" --on-running "$dir" "$label" "$requests" "$clients" "$places"
    stop_stack
  done
fi

echo
echo "$requests registrations from $clients clients for $places places through the gateway, $(nproc) cores"
echo "before: $before ($(git -C "$before" rev-parse --short HEAD)), after: $after ($(git -C "$after" rev-parse --short HEAD))"
python3 - target/bench-registrations-before.txt target/bench-registrations-after.txt <<'PY'
import re, sys
rows = [
    ("HTTP answers", r"HTTP statuses \{([^}]*)\}", ""),
    ("registrations/s", r"([\d.]+) registrations/s", ""),
    ("answer p50", r"latency p50 ([\d.]+) ms", " ms"),
    ("answer p99", r"p99 ([\d.]+) ms, max", " ms"),
    ("stored exactly right", r"— (exactly right|WRONG)", ""),
    ("contacts linked all (after the last answer)", r"contacts showed \+\d+ people in (-?[\d.]+) s", " s"),
    ("contacts link one: p50", r"propagation to contacts \(participation-history\): p50 ([\d.]+) s", " s"),
    ("contacts link one: p99", r"propagation to contacts \(participation-history\):.* p99 ([\d.]+) s", " s"),
    ("projects count one: p50", r"propagation to projects \(participants-reached\): p50 ([\d.]+) s", " s"),
]
texts = [open(name, encoding="utf-8").read() for name in sys.argv[1:]]
print(f"{'':46}{'before':>20}{'after':>20}")
for label, pattern, unit in rows:
    cells = []
    for text in texts:
        found = re.search(pattern, text)
        # a result that cannot be read is said so, never a number
        value = found.group(1) if found else "not read"
        if value.startswith("-"):
            value = "not reached"
        cells.append(value + (unit if found and not value.startswith("not") else ""))
    print(f"{label:46}{cells[0]:>20}{cells[1]:>20}")
for name, text in zip(("before", "after"), texts):
    answers = re.search(r"HTTP statuses \{([^}]*)\}", text)
    if not answers or any(not part.strip().startswith("201=") for part in answers.group(1).split(",")):
        # e.g. 503 from the gateway's bulkhead (25 calls at once per service): the load was refused, not measured
        print(f"{name}: not every request was answered 201 — its figures do not measure the registration path")
PY
