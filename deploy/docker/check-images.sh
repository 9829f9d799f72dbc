#!/usr/bin/env bash
# Every image ecosystem/<module> named in the compose and Kubernetes files must be listed with its port in
# deploy/docker/images (built from deploy/docker/Dockerfile), the module must build the runnable jar the
# Dockerfile copies, and its .dockerignore must let that jar in.
# Static: needs no Docker engine (runs in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."

# image references: "image:" in compose and manifests, "name:"/"newName:" in kustomize's images list
refs=$(grep -rhoE '^[[:space:]-]*(image|name|newName):[[:space:]]*["'\'']?[^[:space:]"'\'']*ecosystem/[a-z0-9-]+' \
         deploy/compose deploy/k8s | grep -oE 'ecosystem/[a-z0-9-]+$' | sort -u || true)
if [[ -z "${refs}" ]]; then
  echo "check-images: no ecosystem/* image found in deploy/compose or deploy/k8s (is the pattern stale?)" >&2
  exit 1
fi

failed=0
for ref in ${refs}; do
  module=${ref#ecosystem/}
  if ! grep -qE "^${module}[[:space:]]+[0-9]+$" deploy/docker/images; then
    echo "MISSING ${ref}: ${module} and its port are not in deploy/docker/images" >&2
    failed=1
  elif ! grep -qxF '!target/*-exec.jar' "${module}/.dockerignore" 2>/dev/null; then
    echo "BROKEN  ${ref}: ${module}/.dockerignore does not let target/*-exec.jar in" >&2
    failed=1
  elif ! grep -q '<artifactId>spring-boot-maven-plugin</artifactId>' "${module}/pom.xml"; then
    echo "BROKEN  ${ref}: ${module}/pom.xml does not declare spring-boot-maven-plugin (no exec jar)" >&2
    failed=1
  else
    echo "ok      ${ref} <- deploy/docker/Dockerfile (${module})"
  fi
done
if ! grep -q 'COPY target/\*-exec.jar' deploy/docker/Dockerfile; then
  echo "BROKEN  deploy/docker/Dockerfile does not copy target/*-exec.jar" >&2
  failed=1
fi
exit ${failed}
