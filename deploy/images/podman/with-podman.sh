#!/usr/bin/env bash
# Runs a command with Podman serving the Docker API, for docker-compose and Testcontainers on machines without a
# Docker engine (CI): CONTAINERS_CONF (runc, cgroupfs, pinned ulimits), a private API socket in DOCKER_HOST,
# Testcontainers without Ryuk (its image cannot be pulled; tests close their containers), and a loop that runs the
# containers' health checks, which Podman otherwise leaves to systemd timers (there is no systemd here).
#   deploy/images/podman/with-podman.sh deploy/compose/smoke-test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CONTAINERS_CONF="$HERE/containers.conf"
socket_dir="$(mktemp -d)"
# /.dockerenv exists on these machines, so Testcontainers would reach mapped ports through the bridge gateway,
# which Podman does not forward for local connections: use localhost.
export DOCKER_HOST="unix://$socket_dir/podman.sock" TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
podman system service --time=0 "$DOCKER_HOST" > "$socket_dir/service.log" 2>&1 &
service_pid=$!
( while true; do
    for c in $(podman ps -q --filter health=starting) $(podman ps -q --filter health=healthy) $(podman ps -q --filter health=unhealthy); do
      podman healthcheck run "$c" > /dev/null 2>&1 || true
    done
    sleep 2
  done ) &
health_pid=$!
cleanup() {
  kill "$health_pid" "$service_pid" 2> /dev/null || true
  wait "$service_pid" 2> /dev/null || true
  rm -rf "$socket_dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do [ -S "$socket_dir/podman.sock" ] && break; sleep 0.1; done
"$@"
