#!/usr/bin/env bash
# One-command local stack: Kafka, MongoDB wire-protocol store, Keycloak, SMTP (+ mail viewer) and the services.
# Runs what is checked out: builds first when a jar is missing or a source (a pom.xml, src/main of a module the stack
# runs, .mvn) changed since the last build, incrementally. Checks before anything starts that its ports are free.
# Options are passed to the launcher: ./run-local.sh --help
set -euo pipefail
cd "$(dirname "$0")"
. deploy/local/preflight.sh

target=deploy/local/target
stamp=$target/.built-by-run-local
needed=("$target/local-stack.jar" "$target/keycloak")
skip_services=false
starts=true
data=.local-data
for arg in "$@"; do
  case "$arg" in
    --only=*) [[ "$arg" == *services* || "$arg" =~ (gateway|projects-service|contacts-service|events-service|web) ]] || skip_services=true ;;
    --help|-h|--wipe-only) skip_services=true; starts=false ;;
    --data=*) data=${arg#--data=} ;;
  esac
done
if [[ "$skip_services" == false ]]; then
  for s in gateway projects-service contacts-service events-service web; do
    needed+=("$target/stack/$s.jar")
  done
fi

require_jdk
if [[ "$starts" == true ]]; then
  require_free_ports "The local stack needs" "$@"
fi

# what the launcher and the services are built from: every module but the tests-only ones
sources=(pom.xml .mvn)
while read -r module; do
  [[ "$module" == e2e-tests || "$module" == licences ]] && continue
  sources+=("$module/pom.xml" "$module/src/main")
done < <(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml)

why=""
for f in "${needed[@]}"; do
  [[ -e "$f" ]] || { why="$f is missing"; break; }
done
if [[ -z "$why" && ! -e "$stamp" ]]; then
  why="not built by ./run-local.sh before"
fi
if [[ -z "$why" ]]; then
  changed=$(find "${sources[@]}" -type f -newer "$stamp" -print -quit 2>/dev/null || true)
  [[ -n "$changed" ]] && why="$changed changed since the last build"
fi
if [[ -n "$why" ]]; then
  echo "building ($why): ./mvnw -q -DskipTests package -pl deploy/local -am ..."
  mkdir -p "$target"
  touch "$target/.build-started"
  ./mvnw -B -ntp -q -DskipTests package -pl deploy/local -am
  # the build's start time: a source edited while it ran is newer, so the next start builds again
  mv "$target/.build-started" "$stamp"
fi

# Keycloak imports a realm only into an empty database: say so when deploy/keycloak changed after the import
# (the mark lives beside the jars, as --wipe empties the data folder)
realms_stamp="$target/.realms-imported-into-${data//\//_}"
if [[ " $* " == *" --wipe "* || ! -d "$data/keycloak" ]]; then
  [[ "$starts" == true ]] && touch "$realms_stamp"
elif [[ -e "$realms_stamp" ]]; then
  changed=$(find deploy/keycloak -name '*.json' -newer "$realms_stamp" -print -quit)
  [[ -n "$changed" ]] && echo "NOTE: $changed changed after the realms were imported into $data; ./run-local.sh --wipe imports them again (and starts from empty data)."
fi

# the launcher holds the embedded store (its ordered _id keys in memory) and SMTP: 1 GB keeps it out of full GCs
# with 100,000 people (bench/contacts-search.sh); it uses far less with the demo data. The heap starts small and
# grows with what it holds, but the young generation stays at 128 MB: the store allocates the most of the stack,
# and a young generation of a third of a small heap collected 2,078 times in one registration burst (docs/toolchain.md)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the C heap it freed goes back to the system, where the JDK has the option (17.0.9 and 21.0.1 on), as its children's
trim=()
"$java" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1 && trim=(-XX:TrimNativeHeapInterval=5000)
exec "$java" -Xms160m -Xmn128m -Xmx1g -XX:+UseSerialGC "${trim[@]}" -jar "$target/local-stack.jar" "$@"
