#!/usr/bin/env bash
# compose/postgres/entrypoint.sh: the entrypoint of the postgres service of compose/docker-compose.yml. It refuses
# a POSTGRES_PASSWORD that is empty, the .env.example placeholder or too short, and only then hands over to the
# image's own entrypoint (docker-entrypoint.sh) with the service's command. The image sets the superuser password
# once, when it initialises an empty data directory; a placeholder accepted then would stay the password after
# .env is fixed. So the check runs before that, at every start.
set -euo pipefail

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source-path=SCRIPTDIR source=passwords.sh
. "$(dirname "$0")/passwords.sh"

check_password POSTGRES_PASSWORD "${POSTGRES_PASSWORD:-}"
exec docker-entrypoint.sh "$@"
