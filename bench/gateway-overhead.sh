#!/usr/bin/env bash
# Measures what the gateway costs: the same authenticated GET straight to projects-service and through
# the gateway, one after the other in one run, with wrk. Prints requests/s, latency percentiles, the
# ratio and, when the stack is this machine's local one, the CPU milliseconds the gateway and
# projects-service spent per request (from /proc: the cost that transfers to other machines, where the
# ratio depends on what shares the cores). Uses a running local stack, or starts one (and stops it afterwards).
#
#   bench/gateway-overhead.sh [--duration 20s] [--connections 32] [--threads 2] [--steady]
# Each measurement follows 5 s of the same load; with --steady, 5 s runs are repeated for at least a minute and until
# the rate has stopped climbing: the median of the last five runs within 5 % of the median of the five before, each
# of the five within 10 % of their median (at most 48 runs), so the JIT has compiled the path and the figure is the
# steady one. Single runs move by 5-10 % on two shared cores; a median of five does not.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=20s connections=32 threads=2 steady=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --steady) steady=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

started=""
if ! curl -sf http://localhost:8080/actuator/health >/dev/null; then
  [ -f deploy/local/target/local-stack.jar ] || ./mvnw -q -B -DskipTests install
  echo "starting the local stack (log: target/bench-stack.log)"
  mkdir -p target
  java -jar deploy/local/target/local-stack.jar > target/bench-stack.log 2>&1 &
  started=$!
  trap '[ -n "$started" ] && kill $started && wait $started 2>/dev/null' EXIT
  for _ in $(seq 1 300); do
    grep -q "All healthy after" target/bench-stack.log 2>/dev/null && break
    kill -0 $started 2>/dev/null || { tail -40 target/bench-stack.log; exit 1; }
    sleep 1
  done
fi

# a token lives 5 minutes and a steady wait can take 3: a fresh one for each side's wait and for each measured run
new_token() {
  token=$(curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
    http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
}
new_token
path=/api/projects/kasvun-ekosysteemit
for base in http://localhost:8081 http://localhost:8080; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$path")
  [ "$code" = 200 ] || { echo "GET $base$path answered $code" >&2; exit 1; }
done

warm_up() { # $1 = base url
  local rates=() now
  for round in $(seq 1 48); do
    now=$(wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "$1$path" | awk '/Requests\/sec/{print $2}')
    [ "$steady" = true ] || return 0
    rates+=("${now:-0}")
    # steady as bench/all.py's flat(): the last five's median within 5 % of the five before's, each within 10 % of it
    if [ "$round" -ge 12 ] && python3 -c "import sys; r = list(map(float, sys.argv[1:])); a, b = sorted(r[5:])[2], sorted(r[:5])[2]; sys.exit(0 if min(r) > 0 and abs(a - b) < 0.05 * b and all(abs(x - a) < 0.10 * a for x in r[5:]) else 1)" "${rates[@]: -10}"; then
      echo "$1: steady after $round runs of 5 s (${rates[*]: -5} req/s)" >&2; return 0
    fi
  done
  echo "$1: not steady after 48 runs of 5 s (last $now req/s)" >&2
}

# a local stack's service process, and the CPU it has spent (clock ticks of user and system time); empty when the
# service is not a process of this machine's local stack
pid_of() { pgrep -f "deploy/local/target/stack/$1.jar" | head -1 || true; }
ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || true; }
# CPU ms per request from ticks before and after ($1 $2) over $3 requests of process $4, or "-" (not read) when a tick
# count is missing or the process was replaced meanwhile (the launcher restarts a service that died)
cpu_ms() {
  if [ -n "$1" ] && [ -n "$2" ] && [ -n "$3" ] && [ "$3" -gt 0 ] && [ "$(pid_of "$4")" = "$5" ]; then
    python3 -c "import sys; print('%.3f' % ((int(sys.argv[2]) - int(sys.argv[1])) * 1000 / int(sys.argv[3]) / int(sys.argv[4])))" \
      "$1" "$2" "$(getconf CLK_TCK)" "$3"
  else
    echo -
  fi
}

run() { # $1 = base url; prints "rps p50 p90 p99 non-2xx gateway-ms projects-ms" (latencies in ms, CPU per request)
  local out gateway_pid projects_pid g0 p0 g1 p1 served
  new_token
  warm_up "$1"
  new_token
  gateway_pid=$(pid_of gateway) projects_pid=$(pid_of projects-service)
  g0=$(ticks "$gateway_pid") p0=$(ticks "$projects_pid")
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$1$path")
  g1=$(ticks "$gateway_pid") p1=$(ticks "$projects_pid")
  served=$(awk '/requests in/{print $1}' <<<"$out")
  echo "$(python3 bench/wrk-row.py --raw <<<"$out") $(cpu_ms "$g0" "$g1" "$served" gateway "$gateway_pid") $(cpu_ms "$p0" "$p1" "$served" projects-service "$projects_pid")"
}

echo "GET $path, $threads threads, $connections connections, $duration each, on $(nproc) cores$([ "$steady" = true ] && echo ", each once steady")"
direct=$(run http://localhost:8081)
gateway=$(run http://localhost:8080)
python3 - "$direct" "$gateway" <<'PY'
import sys
d = sys.argv[1].split(); g = sys.argv[2].split()
# CPU ms per request: the gateway's only on its side; "-" where no local process was read
print(f"{'':18}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'gateway CPU ms':>16}{'projects CPU ms':>17}")
print(f"{'direct (8081)':18}{d[0]:>9}{d[1]:>9}{d[2]:>9}{d[3]:>9}{d[4]:>9}{'':>16}{d[6]:>17}")
print(f"{'via gateway (8080)':18}{g[0]:>9}{g[1]:>9}{g[2]:>9}{g[3]:>9}{g[4]:>9}{g[5]:>16}{g[6]:>17}")
if d[4] != "0" or g[4] != "0":
    # a 401 (an expired token) or a 503 is answered faster than the GET: such a ratio would be wrong, so none is given
    print(f"FAILED: answers that were not 2xx (direct {d[4]}, via gateway {g[4]}): no ratio")
    sys.exit(1)
print(f"gateway/direct: throughput x{float(g[0])/float(d[0]):.2f}, p50 x{float(g[1])/float(d[1]):.2f}, p99 x{float(g[3])/float(d[3]):.2f}")
if "-" not in (g[5], g[6], d[6]):  # all three read, or no line of figures at all
    print(f"CPU per request: gateway {g[5]} ms; projects-service {g[6]} ms behind it, {d[6]} ms straight")
else:
    print("CPU per request: not read (the services are not this machine's local stack processes, or one was restarted)")
PY
