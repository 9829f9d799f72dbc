#!/usr/bin/env bash
# One-command local stack: Kafka, MongoDB wire-protocol store, Keycloak, SMTP (+ mail viewer) and the services.
# Builds first when the launcher, the Keycloak distribution or a service jar is missing.
# Options are passed to the launcher: ./run-local.sh --help
set -euo pipefail
cd "$(dirname "$0")"

target=deploy/local/target
needed=("$target/local-stack.jar" "$target/keycloak")
skip_services=false
for arg in "$@"; do
  case "$arg" in
    --only=*) [[ "$arg" == *services* || "$arg" =~ (gateway|projects-service|contacts-service|events-service|web) ]] || skip_services=true ;;
    --help|-h|--wipe-only) skip_services=true ;;
  esac
done
if [[ "$skip_services" == false ]]; then
  for s in gateway projects-service contacts-service events-service web; do
    needed+=("$target/stack/$s.jar")
  done
fi

missing=false
for f in "${needed[@]}"; do
  [[ -e "$f" ]] || { missing=true; echo "missing $f"; }
done
if [[ "$missing" == true ]]; then
  echo "building (./mvnw -q -DskipTests install) ..."
  ./mvnw -q -DskipTests install
fi

# the launcher holds the embedded store (its ordered _id keys in memory) and SMTP: 1 GB keeps it out of full GCs
# with 100,000 people (bench/contacts-search.sh); it uses far less with the demo data
exec java -Xmx1g -XX:+UseSerialGC -jar "$target/local-stack.jar" "$@"
