#!/usr/bin/env bash
# compose/postgres/init-databases.sh: the one-shot db-init job of compose/docker-compose.yml (postgres image).
#
# Makes, idempotently, one PostgreSQL user and one database per service, the user owning its database and the only
# one (besides the superuser) allowed to connect to it:
#   vi_intake (SignalIntake), vi_matcher (Matcher), vi_notifier (Notifier), vi_retention (Retention).
# On every run it also sets each user's password to the one in .env, so a password is rotated by changing .env and
# running `docker compose up -d` (see compose/OPERATIONS.md). The services create their tables themselves
# (migrations at start).
#
# Reads PGHOST, PGUSER, PGPASSWORD (the superuser) and INTAKE_DB_PASSWORD, MATCHER_DB_PASSWORD,
# NOTIFIER_DB_PASSWORD, RETENTION_DB_PASSWORD. Refuses the .env.example placeholder, passwords under 16 characters,
# and service passwords that would need escaping in VI_POSTGRES_URL, so that a deployment cannot start with them.
set -euo pipefail

log() { printf '[db-init] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# shellcheck source-path=SCRIPTDIR source=passwords.sh
. "$(dirname "$0")/passwords.sh"

check_password POSTGRES_PASSWORD "${PGPASSWORD:-}"
declare -A passwords=(
  [vi_intake]="${INTAKE_DB_PASSWORD:-}"
  [vi_matcher]="${MATCHER_DB_PASSWORD:-}"
  [vi_notifier]="${NOTIFIER_DB_PASSWORD:-}"
  [vi_retention]="${RETENTION_DB_PASSWORD:-}"
)
check_password INTAKE_DB_PASSWORD "${passwords[vi_intake]}" url
check_password MATCHER_DB_PASSWORD "${passwords[vi_matcher]}" url
check_password NOTIFIER_DB_PASSWORD "${passwords[vi_notifier]}" url
check_password RETENTION_DB_PASSWORD "${passwords[vi_retention]}" url

for attempt in $(seq 1 30); do
  pg_isready --quiet && break
  ((attempt < 30)) || die "PostgreSQL at $PGHOST does not answer"
  sleep 2
done

for name in vi_intake vi_matcher vi_notifier vi_retention; do
  # The names and passwords reach SQL only as psql variables, quoted by format(%I, %L): no injection.
  psql --quiet --no-psqlrc --set=ON_ERROR_STOP=1 --set=name="$name" --set=password="${passwords[$name]}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'name', :'name') \gexec
SQL
  log "user and database $name are in place"
done
