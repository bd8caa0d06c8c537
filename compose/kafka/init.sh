#!/usr/bin/env bash
# compose/kafka/init.sh: the one-shot kafka-init job of compose/docker-compose.yml (apache/kafka image, sharing the
# kafka container's network, so it reaches the broker's LOCAL listener on 127.0.0.1:9094 as the super user).
#
# 1. Creates the six topics that do not exist yet, with the partitions and retention from the job's environment
#    (the values and their reasons are in compose/OPERATIONS.md), and brings the configuration of existing topics
#    to those values. It never changes the partition count of an existing topic (that would move keys to other
#    partitions and break their order); it warns when it differs.
# 2. With the SASL overlay (docker-compose.sasl.yml sets KAFKA_SECURITY=sasl): creates or updates the SCRAM users
#    of the four services and their ACLs, each allowed only the topics and consumer groups it uses: what each
#    service's `--help` lists under "Kafka", which scripts/check_compose.py holds against the ACLs here.
#
# Every step is idempotent: the job runs at every `docker compose up`.
set -euo pipefail

bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${BOOTSTRAP_SERVER:-127.0.0.1:9094}"
log() { printf '[kafka-init] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

: "${VI_TOPIC_SIGNAL_COMMANDS:?}" "${VI_TOPIC_SIGNAL_COMMANDS_REJECTED:?}" "${VI_TOPIC_SIGNALS:?}"
: "${VI_TOPIC_MATCHES:?}" "${VI_TOPIC_REGISTRY:?}" "${VI_TOPIC_NOTIFICATIONS_FAILED:?}"
replication="${TOPIC_REPLICATION_FACTOR:-1}"
one_day_ms=86400000

# One JVM start for what exists: "Topic: NAME<tab>TopicId: ...<tab>PartitionCount: N<tab>..." per topic.
for attempt in $(seq 1 30); do
  described="$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --describe 2>/dev/null)" && break
  ((attempt < 30)) || die "Kafka at $bootstrap does not answer"
  sleep 2
done
declare -A existing=()
while read -r name count; do
  existing["$name"]="$count"
done < <(sed -n 's/^Topic: *\([^[:space:]]*\)[[:space:]].*PartitionCount: *\([0-9]*\).*/\1 \2/p' <<<"$described")

# topic NAME PARTITIONS KEY=VALUE...
topic() {
  local name="$1" partitions="$2" configs=("${@:3}") args=() config
  [[ "$partitions" =~ ^[1-9][0-9]*$ ]] || die "partitions of $name: '$partitions' is not a positive number"
  if [[ -n "${existing[$name]:-}" ]]; then
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$name" \
      --add-config "$(IFS=,; echo "${configs[*]}")" >/dev/null
    local actual="${existing[$name]}"
    if [[ "$actual" != "$partitions" ]]; then
      log "warning: $name has $actual partitions, the configuration says $partitions; left as it is" \
        "(see 'Scaling the Matcher' in compose/OPERATIONS.md)"
    fi
    log "topic $name exists; configuration ${configs[*]}"
  else
    for config in "${configs[@]}"; do args+=(--config "$config"); done
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor "$replication" "${args[@]}" >/dev/null
    log "topic $name created: $partitions partitions, ${configs[*]}"
  fi
}

# The intake topic holds BSNs: short retention, and daily segments so that old records really go (Kafka deletes
# whole segments only; with the default 7-day segments a record could stay up to twice the retention).
topic "$VI_TOPIC_SIGNAL_COMMANDS" "${SIGNAL_COMMANDS_PARTITIONS:-6}" cleanup.policy=delete \
  "retention.ms=${SIGNAL_COMMANDS_RETENTION_MS:-604800000}" "segment.ms=$one_day_ms"
topic "$VI_TOPIC_SIGNAL_COMMANDS_REJECTED" "${SIGNAL_COMMANDS_REJECTED_PARTITIONS:-6}" cleanup.policy=delete \
  "retention.ms=${SIGNAL_COMMANDS_REJECTED_RETENTION_MS:-2592000000}" "segment.ms=$one_day_ms"
# Partitions of the Matcher's input = the most Matcher instances that can work at once.
topic "$VI_TOPIC_SIGNALS" "${SIGNALS_PARTITIONS:-12}" cleanup.policy=delete \
  "retention.ms=${SIGNALS_RETENTION_MS:-2592000000}" "segment.ms=$one_day_ms"
topic "$VI_TOPIC_MATCHES" "${MATCHES_PARTITIONS:-6}" cleanup.policy=delete \
  "retention.ms=${MATCHES_RETENTION_MS:-2592000000}" "segment.ms=$one_day_ms"
# The registry is compacted: the latest version of every organisation, professional and municipality stays.
topic "$VI_TOPIC_REGISTRY" "${REGISTRY_PARTITIONS:-1}" cleanup.policy=compact
topic "$VI_TOPIC_NOTIFICATIONS_FAILED" "${NOTIFICATIONS_FAILED_PARTITIONS:-1}" cleanup.policy=delete \
  "retention.ms=${NOTIFICATIONS_FAILED_RETENTION_MS:-7776000000}"

if [[ "${KAFKA_SECURITY:-none}" != sasl ]]; then
  log "topics ready (no SASL overlay: no users or ACLs)"
  exit 0
fi

prefix="${VI_KAFKA_GROUP_PREFIX:-vi}"

# scram_user NAME PASSWORD: creates the user or sets its password.
scram_user() {
  local name="$1" password="$2"
  [[ -n "$password" && "$password" != *CHANGE-ME* ]] || die "the Kafka password of $name is not set in compose/.env"
  ((${#password} >= 16)) || die "the Kafka password of $name is shorter than 16 characters"
  [[ "$password" =~ ^[A-Za-z0-9._~-]+$ ]] || die "the Kafka password of $name may only hold A-Z a-z 0-9 . _ ~ -"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$name" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" >/dev/null
}

# allow USER OPERATION RESOURCE-OPTIONS...: adds allow-ACLs (adding an existing ACL changes nothing).
allow() {
  local user="$1" operation="$2"
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" \
    --operation "$operation" "${@:3}" >/dev/null
}

scram_user vi-signal-intake "${KAFKA_PASSWORD_SIGNAL_INTAKE:-}"
allow vi-signal-intake READ --topic "$VI_TOPIC_SIGNAL_COMMANDS" --group "$prefix.signal-intake"
allow vi-signal-intake WRITE --topic "$VI_TOPIC_SIGNAL_COMMANDS_REJECTED" --topic "$VI_TOPIC_SIGNALS" \
  --topic "$VI_TOPIC_REGISTRY"

scram_user vi-matcher "${KAFKA_PASSWORD_MATCHER:-}"
allow vi-matcher READ --topic "$VI_TOPIC_SIGNALS" --topic "$VI_TOPIC_REGISTRY" \
  --group "$prefix.matcher" --group "$prefix.matcher-registry"
# The outbox relay reads back the end of the notices topic after a relay error or a restart, each time in a new
# group: this prefix and a UUID. (The pattern type applies to every resource of one call, hence two calls.)
allow vi-matcher READ --topic "$VI_TOPIC_MATCHES"
allow vi-matcher READ --resource-pattern-type prefixed --group "$prefix.matcher-outbox-recovery-"
# Notices from the outbox; child.corrected and child.erased from the rights API.
allow vi-matcher WRITE --topic "$VI_TOPIC_MATCHES" --topic "$VI_TOPIC_SIGNALS"

scram_user vi-notifier "${KAFKA_PASSWORD_NOTIFIER:-}"
allow vi-notifier READ --topic "$VI_TOPIC_MATCHES" --topic "$VI_TOPIC_REGISTRY" \
  --group "$prefix.notifier" --group "$prefix.notifier-registry"
allow vi-notifier WRITE --topic "$VI_TOPIC_NOTIFICATIONS_FAILED"

scram_user vi-retention "${KAFKA_PASSWORD_RETENTION:-}"
allow vi-retention READ --topic "$VI_TOPIC_SIGNALS" --group "$prefix.retention"
allow vi-retention WRITE --topic "$VI_TOPIC_SIGNALS"

log "topics, service users (vi-signal-intake, vi-matcher, vi-notifier, vi-retention) and their ACLs ready"
