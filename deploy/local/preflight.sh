# Set-up and checks shared by ./run-local.sh, ./run-tests.sh and deploy/validate.sh (sourced, not run).
# What is missing is installed from Debian's packages where this machine allows it (root, or sudo without a
# password, and apt-get); otherwise the script stops at once with one sentence: what is missing and the command
# that installs it. Nothing here asks a question, so it runs the same in CI (CI=true, no standard input).

preflight_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

preflight_stop() {
  echo "$*" >&2
  exit 1
}

# install_debian_packages "<who needs them>" [apt-get option...] <package>...: installs the packages, or stops
# saying how to; e.g. install_debian_packages "The browser tests need" chromium chromium-driver
install_debian_packages() {
  local who=$1 sudo="" log options=() names
  shift
  while [[ "${1:-}" == -* ]]; do
    options+=("$1")
    shift
  done
  names=$(printf '%s, ' "$@")
  names=${names%, }
  if ! command -v apt-get >/dev/null; then
    preflight_stop "$who $names (Debian's package names), which are not installed, and this machine has no apt-get: install them with its own package manager and start again."
  fi
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      preflight_stop "$who $names, which are not installed: run 'sudo apt-get install -y $*' and start again."
    fi
  fi
  echo "installing $names from Debian's packages ..."
  log=$(mktemp)
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${options[@]}" "$@"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    preflight_stop "$who $names, and installing them failed (above): run 'sudo apt-get install -y $*' and start again."
  fi
  rm -f "$log"
}

# require_jdk: a JDK 17 or newer, as the Maven wrapper finds it (JAVA_HOME, else java on the PATH)
require_jdk() {
  local java=java javac=javac version major
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
    javac="$JAVA_HOME/bin/javac"
  fi
  if ! command -v "$java" >/dev/null || ! command -v "$javac" >/dev/null; then
    if [[ -n "${JAVA_HOME:-}" ]]; then
      preflight_stop "JAVA_HOME=$JAVA_HOME holds no JDK (bin/java and bin/javac): point it at a JDK 17 or newer, or unset it."
    fi
    install_debian_packages "The build needs a JDK:" openjdk-17-jdk-headless
  fi
  version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  major=${version#1.}
  major=${major%%.*}
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    preflight_stop "The build needs a JDK 17 or newer, and $java is version ${version:-unknown}: set JAVA_HOME to a JDK 17 or 25 (Debian: apt-get install -y openjdk-17-jdk-headless)."
  fi
}

# require_chromium: Debian's chromium and chromium-driver, where the browser tests look for them
require_chromium() {
  local binary=/usr/bin/chromium driver=/usr/bin/chromedriver
  if [[ ! -x $binary || ! -x $driver ]]; then
    install_debian_packages "The browser tests (e2e-tests WebUiIT) need" chromium chromium-driver
  fi
  [[ -x $binary && -x $driver ]] || preflight_stop "The browser tests need $binary and $driver, still missing after installing chromium and chromium-driver."
}

# the process that listens on a TCP port, as " by PID n (its command line)", or nothing when it cannot be seen
port_owner() {
  local port=$1 hex inode pid fd cmd
  if command -v lsof >/dev/null; then
    pid=$(lsof -nP -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | head -n 1)
  elif [[ -r /proc/net/tcp ]]; then
    hex=$(printf '%04X' "$port")
    inode=$(awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { print $10; exit }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
    if [[ -n "$inode" && "$inode" != 0 ]]; then
      for fd in /proc/[0-9]*/fd/*; do
        if [[ $(readlink "$fd" 2>/dev/null) == "socket:[$inode]" ]]; then
          pid=${fd#/proc/}
          pid=${pid%%/*}
          break
        fi
      done
    fi
  fi
  [[ -n "${pid:-}" ]] || return 0
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || ps -o args= -p "$pid" 2>/dev/null)
  cmd=${cmd% }
  ((${#cmd} > 100)) && cmd="${cmd:0:100}..."
  echo " by PID $pid (${cmd:-?})"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# the local stack's launcher that PID is (or was started by), if any: the one process to stop
launcher_of() {
  local pid=$1 i
  for i in 1 2 3 4 5; do
    [[ -r "/proc/$pid/cmdline" ]] || return 0
    if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -Eq -- '-jar [^ ]*local-stack\.jar'; then
      echo "$pid"
      return 0
    fi
    pid=$(awk '{ print $4 }' "/proc/$pid/stat" 2>/dev/null)
    [[ -n "$pid" && "$pid" != 0 && "$pid" != 1 ]] || return 0
  done
}

# require_free_ports "<who needs them>" [launcher options...]: stops, naming every busy port and its process, when a
# port of deploy/local/ports that the launcher would open with these options is taken
require_free_ports() {
  local who=$1 port component option arg group owner pid busy=() kill=() only="" skip=""
  shift
  for arg in "$@"; do
    case "$arg" in
      --only=*) only=",${arg#--only=}," ;;
      --skip=*) skip=",${arg#--skip=}," ;;
    esac
  done
  while read -r port component option; do
    [[ -z "$port" || "$port" == \#* ]] && continue
    for arg in "$@"; do
      [[ -n "${option:-}" && "$arg" == "$option="* ]] && port=${arg#*=}
    done
    if [[ "$component" != console ]]; then
      group=$component
      [[ "$component" == gateway || "$component" == *-service || "$component" == web ]] && group=services
      [[ -n "$only" && "$only" != *",$component,"* && "$only" != *",$group,"* ]] && continue
      [[ "$skip" == *",$component,"* || "$skip" == *",$group,"* ]] && continue
      [[ "$component" == mongo && -n "${MONGODB_URI:-}" ]] && continue
    fi
    if port_in_use "$port"; then
      owner=$(port_owner "$port")
      pid=""
      if [[ "$owner" =~ PID\ ([0-9]+) ]]; then
        pid=$(launcher_of "${BASH_REMATCH[1]}")
        [[ -n "$pid" && "$pid" != "${BASH_REMATCH[1]}" ]] && owner+=", part of the local stack of PID $pid"
        kill+=("${pid:-${BASH_REMATCH[1]}}")
      fi
      busy+=("port $port ($component) is in use$owner")
    fi
  done <"$preflight_root/deploy/local/ports"
  if ((${#busy[@]})); then
    printf '%s\n' "${busy[@]}" >&2
    if ((${#kill[@]})); then
      preflight_stop "$who these ports free: stop what holds them (kill $(printf '%s\n' "${kill[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//'); a local stack also stops with Ctrl-C in its terminal) and start again."
    fi
    preflight_stop "$who these ports free: stop what holds them (a local stack stops with Ctrl-C in its terminal) and start again."
  fi
}
