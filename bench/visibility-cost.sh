#!/usr/bin/env bash
# What the per-city visibility of people costs (issue 13's "Measure"): contacts search and the registration path,
# before and after, in one run. Starts the stack of each checkout once (bench/versions.sh), runs on it the searches of
# bench/contacts-search.sh (seeded by that checkout's own fixture) and the load of bench/registrations.sh, stops it,
# then prints both tables side by side. DIRs are checkouts built with ./mvnw -B -ntp -q package -DskipTests.
#   flock /tmp/stack.lock bench/visibility-cost.sh --before DIR [--after DIR] [--people 20000] [--duration 8s]
#       [--registrations 2000] [--clients 20] [--places 500]
set -euo pipefail
cd "$(dirname "$0")/.."
# 20 clients: the gateway (since the ops merge) lets 25 calls at once through to a service and answers 503 beyond
before="" after=$(pwd) people=20000 duration=8s requests=2000 clients=20 places=500
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before=$(cd "$2" && pwd); shift 2 ;;
    --after) after=$(cd "$2" && pwd); shift 2 ;;
    --people) people=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --registrations) requests=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --places) places=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$before" ] || { echo "usage: bench/visibility-cost.sh --before DIR [--after DIR] …" >&2; exit 2; }
. bench/versions.sh
trap stop_stack EXIT
trap 'exit 1' INT TERM
rm -f target/bench-contacts-search-*.txt target/bench-registrations-*.txt
for label in before after; do
  dir=$([ "$label" = before ] && echo "$before" || echo "$after")
  start_stack "$dir" "$label"
  bench/contacts-search.sh --on-running "$dir" "$label" --people "$people" --duration "$duration"
  bench/registrations.sh --on-running "$dir" "$label" "$requests" "$clients" "$places"
  stop_stack
done
bench/contacts-search.sh --report --before "$before" --after "$after" --people "$people" --duration "$duration"
bench/registrations.sh --report --before "$before" --after "$after" "$requests" "$clients" "$places"
