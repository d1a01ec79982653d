#!/usr/bin/env bash
# Builds Leadflow's container images with podman (or docker: CONTAINER_ENGINE=docker).
#
#   deploy/images/build.sh              the six service images on the official Eclipse Temurin JRE
#   deploy/images/build.sh --local      no registry reachable: everything from Debian packages and Maven artifacts,
#                                       i.e. a Debian root file system (debootstrap), a JRE, the services, and
#                                       stand-ins for postgres, apache/kafka and Debezium's connect
#
# Build the project first (./mvnw -DskipTests install). Images are tagged localhost/leadflow/<name>:<version>.
# An image whose inputs did not change is rebuilt from the engine's layer cache in seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IMAGES="$ROOT/deploy/images"
ENGINE="${CONTAINER_ENGINE:-$(command -v podman || command -v docker || true)}"
[ -n "$ENGINE" ] || { echo "Neither podman nor docker found (apt-get install podman runc)" >&2; exit 1; }
VERSION="${LEADFLOW_IMAGE_VERSION:-0.1.0}"
SERVICES=(capture-service enrichment-service scoring-service routing-service sla-service crm-sync-service)
local_base=false
[ "${1:-}" = "--local" ] && local_base=true

build() { # build TAG CONTEXT [extra args...]
  local tag=$1 context=$2; shift 2
  echo "== $tag"
  "$ENGINE" build --format docker -q -t "$tag" "$@" "$context" >/dev/null
}

for svc in "${SERVICES[@]}"; do
  [ -f "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" ] || { echo "$svc is not built: ./mvnw -DskipTests install" >&2; exit 1; }
done

# Kafka, Connect and the set-up step: the very jars the local stack runs (platform/local-stack's runtime class path).
classpath="$ROOT/platform/local-stack/target/classes/io/leadflow/localstack/runtime-classpath.txt"
stack_jar="$(find "$ROOT/platform/local-stack/target" -maxdepth 1 -name 'leadflow-local-stack-*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' | head -n 1)"
[ -f "$classpath" ] && [ -n "$stack_jar" ] || { echo "platform/local-stack is not built: ./mvnw -DskipTests install" >&2; exit 1; }
context="$ROOT/platform/local-stack/target/image-context"
rm -rf "$context" && mkdir -p "$context/libs" "$context/deploy"
tr ':' '\n' < "$classpath" | grep -v -e embedded-postgres-binaries -e '/target/classes' | while read -r jar; do
  cp "$jar" "$context/libs/"
done
cp "$stack_jar" "$context/local-stack.jar"
cp -r "$ROOT/deploy/connect" "$ROOT/deploy/kafka" "$context/deploy/"
cp -r "$IMAGES/kafka" "$IMAGES/connect" "$IMAGES/setup" "$context/"

JRE_IMAGE=docker.io/library/eclipse-temurin:17-jre
if [ "$local_base" = true ]; then
  DEBIAN_IMAGE=localhost/leadflow/debian:bookworm
  if ! "$ENGINE" image exists "$DEBIAN_IMAGE" 2>/dev/null && ! "$ENGINE" image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || { echo "debootstrap missing (apt-get install debootstrap)" >&2; exit 1; }
    rootfs="$(mktemp -d)"
    echo "== $DEBIAN_IMAGE (debootstrap --variant=minbase bookworm)"
    debootstrap --variant=minbase bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | "$ENGINE" import - "$DEBIAN_IMAGE" >/dev/null
    rm -rf "$rootfs"
  fi
  JRE_IMAGE=localhost/leadflow/jre:17
  build "$JRE_IMAGE" "$IMAGES/jre" --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE"
  build localhost/leadflow/postgres:15 "$IMAGES/postgres" --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE"

  build localhost/leadflow/kafka:4.3.1 "$context" -f "$context/kafka/Containerfile" --build-arg JRE_IMAGE="$JRE_IMAGE"
  build localhost/leadflow/connect:3.6.3 "$context" -f "$context/connect/Containerfile" \
    --build-arg KAFKA_IMAGE=localhost/leadflow/kafka:4.3.1
fi

build "localhost/leadflow/setup:$VERSION" "$context" -f "$context/setup/Containerfile" --build-arg JRE_IMAGE="$JRE_IMAGE"
for svc in "${SERVICES[@]}"; do
  build "localhost/leadflow/$svc:$VERSION" "$ROOT/$svc" -f "$IMAGES/service/Containerfile" --build-arg BASE_IMAGE="$JRE_IMAGE"
done
