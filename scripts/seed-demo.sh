#!/usr/bin/env bash
# Seeds a small demo registry through SignalIntake's admin API (idempotent: PUT): one municipality, two
# organisations (a school and youth health care) and one professional in each. Needs VI_ADMIN_TOKEN.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
: "${VI_ADMIN_TOKEN:?set VI_ADMIN_TOKEN (scripts/services.sh writes it to \$VI_STATE_DIR/dev.env)}"
base="${VI_INTAKE_URL:-http://127.0.0.1:8080}"

put() {
  curl -sf -X PUT "$base/v1/admin/$1" -H "Authorization: Bearer $VI_ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "$2" >/dev/null || die "PUT /v1/admin/$1 failed"
}

# Placeholder keys (32 zero bytes): the demo does not sign tokens or commands yet.
key="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
put municipalities/0363 '{"name":"Amsterdam","followUpEmail":"regie@amsterdam.example"}'
put organisations/org-school "{\"name\":\"Basisschool De Linde\",\"type\":\"school\",\"municipality\":\"0363\",\"region\":\"amsterdam\",\"publicKey\":\"$key\",\"coordinator\":{\"name\":\"Carla Coördinator\",\"email\":\"zorg@delinde.example\",\"phone\":\"020-1110000\"},\"active\":true}"
put organisations/org-jgz "{\"name\":\"JGZ Amsterdam\",\"type\":\"jgz\",\"municipality\":\"0363\",\"region\":\"amsterdam\",\"publicKey\":\"$key\",\"coordinator\":null,\"active\":true}"
put professionals/prof-anna '{"organisationId":"org-school","name":"Anna de Vries","email":"anna@delinde.example","phone":"020-1112222","active":true}'
put professionals/prof-bram '{"organisationId":"org-jgz","name":"Bram Bakker","email":"bram@jgz.example","phone":"020-3334444","active":true}'
log "demo registry seeded: organisations org-school, org-jgz; professionals prof-anna, prof-bram"
