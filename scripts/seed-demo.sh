#!/usr/bin/env bash
# Seeds a small demo registry through SignalIntake's admin API with the `vi` command line (idempotent): one
# municipality, two organisations (a school and youth health care) with a key pair each, and one professional in
# each. The organisations' private keys are made once, into $VI_STATE_DIR/demo/<organisation>.key.
# Needs VI_ADMIN_TOKEN (scripts/services.sh writes it to $VI_STATE_DIR/dev.env) and a build (.build/debug/vi).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
: "${VI_ADMIN_TOKEN:?set VI_ADMIN_TOKEN (scripts/services.sh writes it to \$VI_STATE_DIR/dev.env)}"
vi="${VI_BIN_DIR:-$repo/.build/debug}/vi"
keys="$VI_STATE_DIR/demo"
mkdir -p "$keys"

# The public key of an organisation, making its key pair the first time.
public_key() {
  local file="$keys/$1.key"
  if [[ ! -f "$file" ]]; then
    "$vi" keygen --out "$file" >"$file.pub"
  fi
  cat "$file.pub"
}

"$vi" municipality put 0363 --name Amsterdam --follow-up-email regie@amsterdam.example >/dev/null
"$vi" organisation put org-school --name "Basisschool De Linde" --type school --municipality 0363 \
  --region amsterdam --public-key "$(public_key org-school)" --coordinator-name "Carla Coördinator" \
  --coordinator-email zorg@delinde.example --coordinator-phone 020-1110000 >/dev/null
"$vi" organisation put org-jgz --name "JGZ Amsterdam" --type jgz --municipality 0363 --region amsterdam \
  --public-key "$(public_key org-jgz)" >/dev/null
"$vi" professional put prof-anna --organisation org-school --name "Anna de Vries" --email anna@delinde.example \
  --phone 020-1112222 >/dev/null
"$vi" professional put prof-bram --organisation org-jgz --name "Bram Bakker" --email bram@jgz.example \
  --phone 020-3334444 >/dev/null
log "demo registry seeded: org-school (prof-anna), org-jgz (prof-bram); keys in $keys"
