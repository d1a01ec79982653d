#!/usr/bin/env bash
# The compose deployment, end to end: docker-compose brings deploy/compose/compose.yaml up with the images of
# deploy/images/build.sh --local, a lead is posted to capture, the test waits (with a deadline) until routing has
# assigned it, and everything is torn down, volumes included. Exit 0 only if the lead was assigned.
# With Docker: deploy/compose/smoke-test.sh. Without (CI): deploy/images/podman/with-podman.sh deploy/compose/smoke-test.sh.
# Needs debootstrap and docker-compose, and the project built (./mvnw -DskipTests package).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
COMPOSE=(docker-compose -p leadflow-smoke --env-file deploy/compose/local-images.env -f deploy/compose/compose.yaml)
DEADLINE_SECONDS="${LEADFLOW_SMOKE_DEADLINE:-300}"
ENGINE="${CONTAINER_ENGINE:-$(command -v podman || command -v docker)}"

cleanup() {
  status=$?
  if [ "$status" != 0 ]; then
    echo "--- smoke test failed; container states and log tails:"
    for c in $("$ENGINE" ps -aq --filter label=com.docker.compose.project=leadflow-smoke); do
      echo "--- $("$ENGINE" inspect --format '{{.Name}} {{.State.Status}}' "$c")"; "$ENGINE" logs --tail 30 "$c" 2>&1 || true
    done
  fi
  "${COMPOSE[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT

t0=$(date +%s)
deploy/images/build.sh --local
echo "images built in $(( $(date +%s) - t0 )) s"

./leadflow token --role admin > /dev/null   # the keys the services verify tokens with (.leadflow/keys)
# A fresh key for capture's webhook secrets at rest: this deployment lives only as long as the test.
LEADFLOW_CAPTURE_WEBHOOKS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
export LEADFLOW_CAPTURE_WEBHOOKS_SECRET_KEY
export CAPTURE_PORT="${CAPTURE_PORT:-28081}" ROUTING_PORT="${ROUTING_PORT:-28084}" ENRICHMENT_PORT=28082 \
  SCORING_PORT=28083 SLA_PORT=28085 CRM_SYNC_PORT=28086

t1=$(date +%s)
"${COMPOSE[@]}" up -d
deadline=$(( $(date +%s) + DEADLINE_SECONDS ))
services=(capture-service enrichment-service scoring-service routing-service sla-service crm-sync-service)
until [ "$("$ENGINE" ps --filter label=com.docker.compose.project=leadflow-smoke --filter health=healthy -q | wc -l)" -ge $(( ${#services[@]} + 3 )) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "not healthy within ${DEADLINE_SECONDS} s"; exit 1; }
  sleep 2
done
echo "platform healthy $(( $(date +%s) - t1 )) s after compose up"

lead=$(curl -fsS -X POST -H 'Content-Type: application/json' "http://localhost:$CAPTURE_PORT/api/v1/leads" \
  -d '{"email":"ada.smoke@acme-robotics.com","firstName":"Ada","lastName":"Smoke","company":"Acme Robotics",
       "jobTitle":"VP Sales","phone":"+44 20 7946 0958","country":"GB","formId":"demo-request",
       "utm":{"source":"compose","campaign":"smoke"}}' | sed -n 's/.*"leadId":"\([^"]*\)".*/\1/p')
[ -n "$lead" ] || { echo "capture did not accept the lead"; exit 1; }
t2=$(date +%s)
admin=$(./leadflow token --role admin)
until curl -fsS -H "Authorization: Bearer $admin" "http://localhost:$ROUTING_PORT/api/v1/leads/$lead/routing" 2> /dev/null \
    | grep -q '"outcome":"assigned"'; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "lead $lead was not assigned within the deadline"; exit 1; }
  sleep 1
done
echo "lead $lead captured and assigned through the compose deployment in about $(( $(date +%s) - t2 )) s"
