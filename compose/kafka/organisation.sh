#!/usr/bin/env bash
# compose/kafka/organisation.sh: the Kafka side of an organisation that produces directly onto the intake topic,
# with the SASL overlay (compose/docker-compose.sasl.yml). It is the entrypoint of the one-shot kafka-admin
# service, which shares the kafka container's network and talks to the broker's LOCAL listener as the super user:
#
#   docker compose run --rm kafka-admin add ORGANISATION_ID [--read-shared-rejections] [--new-password]
#   docker compose run --rm kafka-admin remove ORGANISATION_ID
#   docker compose run --rm kafka-admin list
#
# add: creates the SCRAM-SHA-512 user ORGANISATION_ID (the organisation id of the registry), allowed to WRITE (and
#   DESCRIBE) the intake topic and nothing else, with a produce quota (ORG_PRODUCER_BYTE_RATE bytes/s, default
#   1 MiB/s). The password is ORG_KAFKA_PASSWORD when set (`run -e ORG_KAFKA_PASSWORD=...`), else a new random
#   one, printed once. Running add again keeps an existing user's password unless --new-password is given.
#   --read-shared-rejections also lets it READ the rejections topic (consumer groups named `ORGANISATION_ID.*`);
#   add without it takes that right away again.
#   That topic is shared: Kafka ACLs cannot limit a reader to the records keyed by its own organisation, so this
#   shows every organisation's rejections to it. compose/OPERATIONS.md explains when that is acceptable.
# remove: deletes the user's credentials, ACLs and quota; connections it still has end within
#   connections.max.reauth.ms (one hour, set in the overlay).
set -euo pipefail

bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${BOOTSTRAP_SERVER:-127.0.0.1:9094}"
intake="${VI_TOPIC_SIGNAL_COMMANDS:?}"
rejected="${VI_TOPIC_SIGNAL_COMMANDS_REJECTED:?}"
log() { printf '[kafka-admin] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
  cat >&2 <<'USAGE'
usage: docker compose run --rm kafka-admin add ORGANISATION_ID [--read-shared-rejections] [--new-password]
       docker compose run --rm kafka-admin remove ORGANISATION_ID
       docker compose run --rm kafka-admin list
USAGE
  exit 2
}

organisation_id() { # validates and prints $1
  [[ "${1:-}" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$ ]] || die "'${1:-}' is not an organisation id (A-Z a-z 0-9 . _ -)"
  [[ "$1" != vi-* ]] || die "user names starting with vi- are the services' own"
  echo "$1"
}

user_exists() {
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --describe --entity-type users --entity-name "$1" \
    | grep -q 'SCRAM-SHA-512'
}

# acl add|remove USER OPTIONS...: adds or removes allow-ACLs (adding one that exists or removing one that does not
# changes nothing).
acl() {
  local action="$1" user="$2" force=()
  [[ "$action" == remove ]] && force=(--force)
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" "--$action" "${force[@]}" --allow-principal "User:$user" \
    "${@:3}" >/dev/null
}

# The ACLs an organisation may have: writing the intake topic; and, only when asked, reading the shared rejections.
intake_acl() { acl "$1" "$2" --operation WRITE --operation DESCRIBE --topic "$intake"; }
rejections_acl() {
  acl "$1" "$2" --operation READ --operation DESCRIBE --topic "$rejected"
  acl "$1" "$2" --operation READ --resource-pattern-type prefixed --group "$2."
}

add() {
  local user rejections="" new_password=""
  user="$(organisation_id "${1:-}")"
  shift
  for option in "$@"; do
    case "$option" in
      --read-shared-rejections) rejections=rejections ;;
      --new-password) new_password=yes ;;
      *) usage ;;
    esac
  done
  local password="${ORG_KAFKA_PASSWORD:-}" shown="the ORG_KAFKA_PASSWORD you gave"
  if [[ -z "$password" ]] && { [[ -n "$new_password" ]] || ! user_exists "$user"; }; then
    password="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    shown="$password"
  fi
  if [[ -n "$password" ]]; then
    ((${#password} >= 16)) || die "ORG_KAFKA_PASSWORD is shorter than 16 characters"
    [[ "$password" =~ ^[A-Za-z0-9._~-]+$ ]] || die "ORG_KAFKA_PASSWORD may only hold A-Z a-z 0-9 . _ ~ -"
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$user" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" >/dev/null
    log "SCRAM-SHA-512 credentials of $user set"
  else
    log "$user exists; its password is kept (--new-password makes a new one)"
    shown="(unchanged)"
  fi
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$user" \
    --add-config "producer_byte_rate=${ORG_PRODUCER_BYTE_RATE:-1048576}" >/dev/null
  intake_acl add "$user"
  log "$user may write to $intake"
  if [[ -n "$rejections" ]]; then
    rejections_acl add "$user"
    log "warning: $user may also read $rejected, which is shared: it sees the rejections of every organisation"
  else
    rejections_acl remove "$user"
  fi
  cat <<INFO
Hand these to the organisation over a secure channel:
  bootstrap.servers = <KAFKA_EXTERNAL_HOST>:<KAFKA_EXTERNAL_PORT> from compose/.env
  security.protocol = SASL_SSL (trust the CA of compose/secrets/kafka-tls/server.pem)
  sasl.mechanism    = SCRAM-SHA-512
  sasl.username     = $user
  sasl.password     = $shown
  topic             = $intake (key: $user)
INFO
}

remove() {
  local user
  user="$(organisation_id "${1:-}")"
  intake_acl remove "$user"
  rejections_acl remove "$user"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$user" \
    --delete-config producer_byte_rate >/dev/null 2>&1 || true
  if user_exists "$user"; then
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$user" \
      --delete-config SCRAM-SHA-512 >/dev/null
  fi
  log "$user removed: no credentials, no ACLs"
}

list() {
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --describe --entity-type users
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --list
}

case "${1:-}" in
  add) shift; add "$@" ;;
  remove) shift; [[ $# -eq 1 ]] || usage; remove "$1" ;;
  list) list ;;
  *) usage ;;
esac
