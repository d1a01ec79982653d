#!/bin/bash
# Debezium connect image's entrypoint contract, reduced to what Leadflow uses. CONNECT_FOO_BAR=x sets foo.bar=x.
set -euo pipefail
if [ "${1:-start}" != start ]; then
  exec "$@"
fi
: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS must be set}"
: "${CONFIG_STORAGE_TOPIC:?CONFIG_STORAGE_TOPIC must be set}"
: "${OFFSET_STORAGE_TOPIC:?OFFSET_STORAGE_TOPIC must be set}"
: "${STATUS_STORAGE_TOPIC:?STATUS_STORAGE_TOPIC must be set}"
CONFIG=/opt/kafka/config/connect-distributed.properties
declare -A props=(
  [bootstrap.servers]="$BOOTSTRAP_SERVERS"
  [group.id]="${GROUP_ID:-1}"
  [config.storage.topic]="$CONFIG_STORAGE_TOPIC"
  [offset.storage.topic]="$OFFSET_STORAGE_TOPIC"
  [status.storage.topic]="$STATUS_STORAGE_TOPIC"
  [config.storage.replication.factor]=1
  [offset.storage.replication.factor]=1
  [status.storage.replication.factor]=1
  [key.converter]="${KEY_CONVERTER:-org.apache.kafka.connect.json.JsonConverter}"
  [value.converter]="${VALUE_CONVERTER:-org.apache.kafka.connect.json.JsonConverter}"
  [listeners]="http://0.0.0.0:8083"
  [rest.advertised.host.name]="${ADVERTISED_HOST_NAME:-$(hostname)}"
  [rest.advertised.port]=8083
  [offset.flush.interval.ms]="${OFFSET_FLUSH_INTERVAL_MS:-60000}"
  # The connectors are on the class path: load them by ServiceLoader instead of scanning (about 1 s instead of 14).
  [plugin.discovery]=service_load
)
while IFS='=' read -r name value; do
  [[ "$name" == CONNECT_* ]] || continue
  key="${name#CONNECT_}"
  key="${key,,}"
  key="${key//_/.}"
  props[$key]="$value"
done < <(env)
: > "$CONFIG"
for key in "${!props[@]}"; do
  printf '%s=%s\n' "$key" "${props[$key]}" >> "$CONFIG"
done
exec java ${HEAP_OPTS:--Xmx512m} ${JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -cp "/opt/kafka/libs/*" \
  org.apache.kafka.connect.cli.ConnectDistributed "$CONFIG"
