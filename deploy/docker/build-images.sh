#!/usr/bin/env bash
# The one command that builds every image: the runnable jars with Maven, then one image per module listed in
# deploy/docker/images, from the one deploy/docker/Dockerfile, tagged ecosystem/<module>:<project version>.
# Run from anywhere:
#   deploy/docker/build-images.sh
#   TAG=1.4.0 REGISTRY=registry.example.fi/ PUSH=1 deploy/docker/build-images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

modules=()
declare -A ports
while read -r module port; do
  [[ -z "${module}" || "${module}" == \#* ]] && continue
  modules+=("${module}")
  ports[${module}]=${port}
done < deploy/docker/images
tag=${TAG:-$(./mvnw -q -N help:evaluate -Dexpression=project.version -DforceStdout)}

# -am builds platform and contracts too; the tests run in CI, not here
./mvnw -B -ntp -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am package

for module in "${modules[@]}"; do
  image="${REGISTRY:-}ecosystem/${module}:${tag}"
  echo "==> ${image}"
  docker build --pull -f deploy/docker/Dockerfile --build-arg "MODULE=${module}" --build-arg "PORT=${ports[${module}]}" \
    -t "${image}" "${module}"
  if [[ -n "${PUSH:-}" ]]; then
    docker push "${image}"
  fi
done
echo "Built ${#modules[@]} images with tag ${tag}: ${modules[*]}"
