#!/usr/bin/env bash
# Search people by name prefix and by organisation with 100,000 people in contacts-service's store
# (bench/ContactsBench.java bulk-inserts them straight into its database), then wrk on the searches as a
# Helsinki integrator. Prints req/s and latency percentiles.
#
#   bench/contacts-search.sh [--people 100000] [--duration 15s]            through the gateway of a running stack
#   bench/contacts-search.sh --before DIR [--after DIR] [--people 20000] [--duration 10s]
#       before/after in one run: starts the stack of each checkout in turn (DIR built with ./mvnw -B -ntp -q package
#       -DskipTests; --after defaults to this one), seeds it with that checkout's own bench/ContactsBench.java, runs the
#       same searches and prints both side by side. Needs the stack's ports: flock /tmp/stack.lock bench/contacts-search.sh …
#   bench/contacts-search.sh --on-running DIR LABEL [--people N] [--duration D]   one version's part, on the stack running
#       (built from DIR): bench/visibility-cost.sh starts each stack once for this and bench/registrations.sh
#   bench/contacts-search.sh --report --before DIR [--after DIR] [--people N] [--duration D]   the side-by-side table
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

people=100000 duration=15s direct=false backend=h2 poll=500ms before="" after=$(pwd) on_running="" label="" report_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --on-running) on_running=$(cd "$2" && pwd) label=$3; shift 3 ;;
    --report) report_only=true; shift ;;
    --before) before=$(cd "$2" && pwd); shift 2 ;;
    --after) after=$(cd "$2" && pwd); shift 2 ;;
    --people) people=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --direct) direct=true; shift ;;
    --memory) backend=memory; shift ;;
    --relay-off) poll=1h; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# one version's searches on the stack now running, built from $1 (labelled $2): seeded with that checkout's own
# bench/ContactsBench.java, results in target/bench-contacts-search-$2.txt (a line per search: name|req/s p50 p90 p99 non-2xx)
measure_version() {
  local dir=$1 label=$2 out=target/bench-contacts-search-$2.txt token email query name path code seed_cp
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  mkdir -p target
  : > "$out"
  seed_cp="$dir/deploy/local/target/lib/*:$dir/deploy/local/target/local-stack.jar:$(ls "$dir"/contacts-service/target/contacts-service-*.jar | grep -v exec | head -1)"
  (cd "$dir" && java -cp "$seed_cp" bench/ContactsBench.java seed mongodb://localhost:27017/contacts "$people")
  token=$(integrator_token)
  seen() { curl -sf -H "Authorization: Bearer $token" "http://localhost:8080$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' 2>/dev/null || echo "?"; }
  echo "$label: Helsinki sees $(seen '/api/contacts?size=1') people; q=virt $(seen '/api/contacts?q=virt&size=1'), organisation=techv $(seen '/api/contacts?organisation=techv&size=1')"
  email=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:8080/api/contacts?q=virt&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["email"])' 2>/dev/null || true)
  for query in "${queries[@]}"; do
    name=${query%%|*} path=${query#*|}
    if [ "$path" = EMAIL ]; then
      [ -n "$email" ] || { echo "$name|no result: no person found to take an address from" >> "$out"; continue; }
      path="/api/contacts?email=$email"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:8080$path")
    [ "$code" = 200 ] || { echo "$name|no result: GET $path answered $code" >> "$out"; continue; }
    wrk -t1 -c2 -d3s -H "Authorization: Bearer $token" "http://localhost:8080$path" >/dev/null
    echo "$name|$(wrk -t2 -c4 -d"$duration" --timeout 60s --latency -H "Authorization: Bearer $token" \
      "http://localhost:8080$path" | python3 bench/wrk-row.py --raw 2>/dev/null || echo "no result: wrk's output was not readable")" >> "$out"
  done
}

# both versions' results side by side
report() {
  echo
  echo "contacts search through the gateway as Helsinki's integrator, $people synthetic people, wrk -t2 -c4 -d$duration, $(nproc) cores"
  echo "before: $before ($(git -C "$before" rev-parse --short HEAD)), after: $after ($(git -C "$after" rev-parse --short HEAD))"
  python3 - target/bench-contacts-search-before.txt target/bench-contacts-search-after.txt <<'PY'
import sys
def load(name):
    rows = {}
    for line in open(name, encoding="utf-8"):
        if "|" in line:
            key, raw = line.rstrip("\n").split("|", 1)
            rows[key] = raw
    return rows
before, after = load(sys.argv[1]), load(sys.argv[2])
def cell(raw):
    parts = raw.split()
    if raw.startswith("no result") or len(parts) != 5:
        return None, raw or "no result"
    rps, p50, p90, p99, non2xx = parts
    note = "" if non2xx == "0" else f" ({non2xx} non-2xx!)"
    return float(p50), f"{rps:>7} {p50:>9} {p99:>9}{note}"
print(f"{'':26} {'before: req/s p50 p99 ms':>27}   {'after: req/s p50 p99 ms':>27}   p50 after/before")
for name in dict.fromkeys(list(before) + list(after)):
    cells = [cell(before.get(name, "")), cell(after.get(name, ""))]
    ratio = f"x{cells[1][0] / cells[0][0]:.2f}" if all(c[0] for c in cells) and not any("non-2xx" in c[1] for c in cells) else "–"
    print(f"{name:26} {cells[0][1]:>27}   {cells[1][1]:>27}   {ratio}")
PY
}

queries=("name prefix q=virt|/api/contacts?q=virt&size=20" "name prefixes q=ai jarv|/api/contacts?q=ai%20jarv&size=20"
  "organisation=techv|/api/contacts?organisation=techv&size=20" "e-mail of someone|EMAIL"
  "e-mail nobody has|/api/contacts?email=nobody@example.org" "role=CEO|/api/contacts?role=CEO&size=20"
  "everyone Helsinki sees|/api/contacts?size=20")
if [ -n "$on_running" ]; then
  . bench/versions.sh
  measure_version "$on_running" "$label"
  exit 0
fi
if [ "$report_only" = true ]; then
  report
  exit 0
fi
if [ -n "$before" ]; then
  . bench/versions.sh
  trap stop_stack EXIT
  trap 'exit 1' INT TERM
  for label in before after; do
    dir=$([ "$label" = before ] && echo "$before" || echo "$after")
    start_stack "$dir" "$label"
    measure_version "$dir" "$label"
    stop_stack
  done
  report
  exit 0
fi

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
