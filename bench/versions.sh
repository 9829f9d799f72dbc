# Sourced by the bench scripts that compare two builds in one run (--before DIR [--after DIR]): starts the local stack of
# one checkout (its own launcher, jars and realms, wiped data under target/bench-<label>), waits until healthy, and stops
# it again. Each DIR is a checkout built with ./mvnw -B -ntp -q package -DskipTests (not installed). The stack's ports
# must be free: run under the shared lock (flock /tmp/stack.lock bench/...).

stack_pid=""

# start_stack DIR LABEL: the stack of DIR, healthy, or exit 1 with the tail of its log
start_stack() {
  local dir=$1 label=$2 data log
  [ -f "$dir/deploy/local/target/local-stack.jar" ] || { echo "$dir is not built: $dir/deploy/local/target/local-stack.jar is missing" >&2; exit 1; }
  data=$(pwd)/target/bench-$label
  log=$data.log
  mkdir -p "$(pwd)/target"
  echo "starting the stack of $dir ($label; log $log)"
  (cd "$dir" && exec java -Xmx1g -XX:+UseSerialGC -jar deploy/local/target/local-stack.jar --root="$dir" --data="$data" --wipe) > "$log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 900); do
    grep -q "All healthy after" "$log" 2>/dev/null && { grep -o "All healthy after.*" "$log" | head -1; return 0; }
    kill -0 "$stack_pid" 2>/dev/null || { tail -40 "$log"; exit 1; }
    sleep 1
  done
  echo "the stack of $dir was not healthy within 15 minutes" >&2; tail -40 "$log"; exit 1
}

# stop_stack: stops the stack this script started (the launcher stops its children on SIGTERM), and waits for its ports
stop_stack() {
  [ -n "$stack_pid" ] || return 0
  kill "$stack_pid" 2>/dev/null || true
  wait "$stack_pid" 2>/dev/null || true
  stack_pid=""
  for _ in $(seq 1 60); do
    curl -s -o /dev/null -m 1 http://localhost:8080/ || curl -s -o /dev/null -m 1 http://localhost:8180/ || return 0
    sleep 1
  done
}

integrator_token() {
  curl -sf -d grant_type=client_credentials -d client_id=helsinki-bi -d client_secret=helsinki-bi-local-secret \
    http://localhost:8180/realms/ecosystem/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
