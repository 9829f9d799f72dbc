#!/usr/bin/env bash
# Search people by name prefix and by organisation with 100,000 people in contacts-service's store
# (bench/ContactsBench.java bulk-inserts them straight into its database), then wrk on the searches as a
# Helsinki integrator. Prints req/s and latency percentiles.
#
#   bench/contacts-search.sh [--people 100000] [--duration 15s]            through the gateway of a running stack
#   bench/contacts-search.sh --direct [--memory] [--relay-off] [--people 100000] [--duration 15s]
#       no stack: its own embedded store (the local stack's, deploy/local DurableH2Backend, or --memory) and token issuer on ports
#       27217/18180, and contacts-service on 18082 (built with ./mvnw -pl contacts-service -am package -DskipTests
#       when its jar is missing). --relay-off: the outbox relay polls hourly instead of every 500 ms, to see what
#       the searches cost alone (its poll scans the contacts collection on the embedded store)
#
# Uses the launcher's jars (deploy/local/target/lib, or LIB=…). The synthetic people have ids bench-* and are
# replaced on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

people=100000 duration=15s direct=false backend=h2 poll=500ms
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --direct) direct=true; shift ;;
    --memory) backend=memory; shift ;;
    --relay-off) poll=1h; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
lib=${LIB:-deploy/local/target/lib}
# the launcher's store and contacts-service's own word index entries (ContactWordEntries) for the seeding
cp="$lib/*:$lib/../local-stack.jar:$(ls contacts-service/target/contacts-service-*.jar | grep -v exec | head -1)"
[ -d "$lib" ] || { echo "no $lib: build the launcher (./mvnw -pl deploy/local -am package) or set LIB" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "$direct" = true ]; then
  jar=$(ls contacts-service/target/contacts-service-*-exec.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || { ./mvnw -B -ntp -q -pl contacts-service -am package -DskipTests; jar=$(ls contacts-service/target/contacts-service-*-exec.jar | head -1); }
  data=$(mktemp -d)/bench.mv
  java -Xmx1g -cp "$cp" bench/ContactsBench.java store 27217 "$data" "$people" 18180 "$backend" > "$data.log" 2>&1 &
  pids+=($!)
  until grep -qs "store and issuer ready" "$data.log"; do sleep 1; kill -0 "${pids[0]}" || { cat "$data.log"; exit 1; }; done
  grep seeded "$data.log"
  SERVER_PORT=18082 MONGODB_URI=mongodb://127.0.0.1:27217/contacts KEYCLOAK_URL=http://localhost:18180 \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 SPRING_KAFKA_ADMIN_AUTO_CREATE=false CONTACTS_RETENTION_ENABLED=false \
    ECOSYSTEM_OUTBOX_POLL_INTERVAL=$poll ECOSYSTEM_OUTBOX_FULL_SCAN_INTERVAL=$([ "$poll" = 1h ] && echo 1h || echo 2m) \
    java -Xmx256m -XX:+UseSerialGC -jar "$jar" > "$data.service.log" 2>&1 &
  pids+=($!)
  until curl -sf -m 60 http://localhost:18082/actuator/health >/dev/null; do sleep 2; kill -0 "${pids[1]}" || { tail -40 "$data.service.log"; exit 1; }; done
  token=$(cat "$data.token")
  base=http://localhost:18082
  where="direct, $backend store, relay poll $poll"
else
  curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh (or use --direct)" >&2; exit 1; }
  java -cp "$cp" bench/ContactsBench.java seed "${MONGODB_URI:-mongodb://localhost:27017/contacts}" "$people"
  token=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
    http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  base=http://localhost:8080
  where="through the gateway"
fi

count() { curl -sf -H "Authorization: Bearer $token" "$base$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])'; }
echo "Helsinki sees $(count '/api/contacts?size=1') people; q=virt: $(count '/api/contacts?q=virt&size=1'), organisation=techv: $(count '/api/contacts?organisation=techv&size=1')"

measure() { # $1 label, $2 path
  wrk -t1 -c2 -d3s -H "Authorization: Bearer $token" "$base$2" >/dev/null
  wrk -t2 -c4 -d"$duration" --timeout 60s --latency -H "Authorization: Bearer $token" "$base$2" | python3 bench/wrk-row.py "$1"
}
python3 bench/wrk-row.py --header "search ($where)"
measure "name prefix q=virt, page of 20" "/api/contacts?q=virt&size=20"
measure "name prefixes q=ai jarv" "/api/contacts?q=ai%20jarv&size=20"
measure "organisation=techv, page of 20" "/api/contacts?organisation=techv&size=20"
email=$(curl -sf -H "Authorization: Bearer $token" "$base/api/contacts?q=virt&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["email"])')
measure "e-mail of someone" "/api/contacts?email=$email"
measure "e-mail nobody has" "/api/contacts?email=nobody@example.org"
measure "role=CEO, page of 20" "/api/contacts?role=CEO&size=20"
measure "everyone Helsinki sees, page of 20" "/api/contacts?size=20"
