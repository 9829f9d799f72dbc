#!/usr/bin/env bash
# Load, then list/filter/search projects through the gateway: 2,000 projects with 20 indicators each
# (bench/ProjectsLoad.java writes them straight into projects-service's database), then wrk on three
# queries as an integrator of Helsinki. Prints req/s and latency percentiles. Uses a running local stack
# (./run-local.sh); the synthetic projects have ids bench-* and are replaced on every run.
#
#   bench/projects-list.sh [--projects 2000] [--indicators 20] [--duration 15s]
set -euo pipefail
cd "$(dirname "$0")/.."

projects=2000 indicators=20 duration=15s
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=$2; shift 2 ;;
    --indicators) indicators=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }

java -cp "deploy/local/target/lib/*" bench/ProjectsLoad.java "${MONGODB_URI:-mongodb://localhost:27017/projects}" "$projects" "$indicators"

token=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
  http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
visible=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:8080/api/projects?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])')
echo "Helsinki sees $visible projects"

measure() { # $1 label, $2 path
  wrk -t2 -c16 -d5s -H "Authorization: Bearer $token" "http://localhost:8080$2" >/dev/null
  wrk -t2 -c16 -d"$duration" --latency -H "Authorization: Bearer $token" "http://localhost:8080$2" | python3 bench/wrk-row.py "$1"
}
python3 bench/wrk-row.py --header "query (through the gateway)"
measure "list, first page of 20" "/api/projects?size=20"
measure "filter: status + theme" "/api/projects?status=ACTIVE&theme=LOGISTICS&size=20"
measure "filter: city + period" "/api/projects?city=espoo&from=2020-01-01&to=2021-12-31&size=20"
measure "search: two word prefixes" "/api/projects?q=kasvu%20da&size=20"
measure "sort by start, page 10" "/api/projects?sort=-startDate&page=10&size=20"
