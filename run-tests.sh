#!/usr/bin/env bash
# Every test, with its own set-up: the unit and slice tests of every module, the static checks of the Docker and
# Kubernetes files (deploy/validate.sh), the full-stack tests (the whole local stack, a real headless Chromium) and
# the licence check of every shipped dependency (licences/). Needs a JDK 17 or newer; installs Debian's chromium,
# chromium-driver and the validation tools when they are missing (as root or with sudo), or says how to.
# Arguments go to Maven:
#   ./run-tests.sh -DskipE2E     the fast tests only: no stack, no browser, no ports
set -euo pipefail
cd "$(dirname "$0")"
. deploy/local/preflight.sh

full_stack=true
for arg in "$@"; do
  [[ "$arg" == -DskipE2E || "$arg" == -DskipE2E=true ]] && full_stack=false
done

# the quick checks first, so that a busy port or a missing tool stops the run before anything is compiled
require_jdk
if [[ "$full_stack" == true ]]; then
  require_free_ports "The full-stack tests need"
  require_chromium
fi

bash deploy/validate.sh

# two modules at a time where the modules' order allows it (the services' suites, once platform is built): a module's
# tests leave one of the two cores idle much of the time
./mvnw -B -ntp -T 2 verify "$@"
