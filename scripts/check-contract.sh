#!/usr/bin/env bash
# Checks the published contract in contract/: validates openapi.yaml and matcher-openapi.yaml (OpenAPI 3.1) with
# openapi-spec-validator and signal-command.schema.json (JSON Schema 2020-12) with jsonschema, validates every
# example in openapi.yaml and the schema against its schema, and checks that the definitions the two documents
# share are the same.
#
#   scripts/check-contract.sh
#   scripts/check-contract.sh --schemathesis URL TOKEN ADMIN_TOKEN
#
# With --schemathesis it also runs schemathesis against a running SignalIntake at URL: /v1/signals* with the bearer
# JWT TOKEN (vi token ...; the generated bodies name its professional), then /v1/admin/* with ADMIN_TOKEN, then
# /health and /metrics without; it fails on any 5xx and on any response that does not conform to the document. Use
# a SignalIntake of your own (own port, topics and database): schemathesis registers organisations and
# professionals with made-up data (and may overwrite the token's organisation). VI_SCHEMATHESIS_EXAMPLES (default
# 150) bounds the generated cases per operation and phase; a run takes about half a minute.
#
# The tools are installed once, at pinned versions, into a venv in $VI_CACHE_DIR (default /var/cache/verwijsindex).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

readonly REQUIREMENTS="openapi-spec-validator==0.9.0 jsonschema==4.26.0 schemathesis==4.32.5 PyYAML==6.0.4"
venv="${VI_CACHE_DIR:-/var/cache/verwijsindex}/contractvenv"

install_tools() {
  if [[ -f "$venv/.requirements" && "$(cat "$venv/.requirements")" == "$REQUIREMENTS" ]]; then
    return 0
  fi
  log "installing the contract tools into $venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" || die "python3 -m venv failed; install python3-venv (apt-get install python3-venv)"
  # shellcheck disable=SC2086
  "$venv/bin/pip" install --quiet --disable-pip-version-check $REQUIREMENTS
  echo "$REQUIREMENTS" >"$venv/.requirements"
}

run_schemathesis() {
  local url="$1" token="$2" admin_token="$3" failed=0
  # schemathesis keeps a crash cache in .schemathesis/ of its working directory: give it a fresh one each run.
  local workdir
  workdir="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$workdir'" EXIT
  cd "$workdir"
  local checks="not_a_server_error,response_schema_conformance" phases="examples,coverage,fuzzing"
  local common=(
    --checks "$checks" --phases "$phases" --max-examples "${VI_SCHEMATHESIS_EXAMPLES:-150}" --workers 1 --seed 1
    --request-timeout 10 --warnings off
  )
  # The bodies name the token's professional (its sub), so that they reach the validator instead of a 403.
  local professional
  professional="$("$venv/bin/python" -c '
import base64, json, sys
payload = sys.argv[1].split(".")[1]
print(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"])' "$token")" \
    || die "TOKEN is not a JWT; make one with: vi token --organisation ID --professional ID --key FILE"
  log "schemathesis: /v1/signals* against $url, as professional $professional"
  SCHEMATHESIS_HOOKS="$here/schemathesis_hooks.py" VI_SCHEMATHESIS_PROFESSIONAL="$professional" \
    "$venv/bin/st" run "$repo/contract/openapi.yaml" --url "$url" "${common[@]}" \
    --include-path-regex '^/v1/signals' -H "Authorization: Bearer $token" || failed=1
  log "schemathesis: /v1/admin/* against $url"
  "$venv/bin/st" run "$repo/contract/openapi.yaml" --url "$url" "${common[@]}" \
    --include-path-regex '^/v1/admin/' -H "Authorization: Bearer $admin_token" || failed=1
  log "schemathesis: /health, /metrics against $url"
  "$venv/bin/st" run "$repo/contract/openapi.yaml" --url "$url" "${common[@]}" \
    --include-path-regex '^/(health|metrics)$' || failed=1
  ((failed == 0)) || die "schemathesis found server errors or responses that do not conform to contract/openapi.yaml"
}

main() {
  case "${1:-}" in
    "") ;;
    --schemathesis) (($# == 4)) || die "usage: $0 [--schemathesis URL TOKEN ADMIN_TOKEN]" ;;
    *) die "usage: $0 [--schemathesis URL TOKEN ADMIN_TOKEN]" ;;
  esac
  install_tools
  "$venv/bin/python" "$here/check_contract.py" "$repo/contract"
  if [[ "${1:-}" == --schemathesis ]]; then
    run_schemathesis "$2" "$3" "$4"
  fi
  log "the contract is valid"
}

main "$@"
