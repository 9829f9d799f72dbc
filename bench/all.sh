#!/usr/bin/env bash
# Every benchmark of bench/ against one fresh local stack (empty data, demo data loaded at start), and one
# table of the speed issue's figures from that run, side by side with their targets (bench/all.py). The
# stack is started here and stopped at the end; a stack already running is refused, so that no figure comes
# from a stack with other data. Takes about 20 minutes; outputs of each benchmark in target/bench-all/.
#   bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if curl -sf http://localhost:8080/actuator/health >/dev/null 2>&1; then
  echo "a stack is running: stop it first (bench/all.sh measures a fresh one)" >&2
  exit 1
fi
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mkdir -p target/bench-all
log=target/bench-all/stack.log
echo "starting a fresh stack (log: $log)"
./run-local.sh --wipe --data=target/bench-all/data > "$log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "All healthy after" "$log" 2>/dev/null && break
  kill -0 $stack 2>/dev/null || { echo "the stack ended before it was healthy:" >&2; tail -40 "$log" >&2; exit 1; }
  sleep 1
done
grep -q "All healthy after" "$log" || { echo "the stack was not healthy after 10 minutes" >&2; tail -40 "$log" >&2; exit 1; }
grep -o "All healthy after.*" "$log"
python3 bench/all.py
