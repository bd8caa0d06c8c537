#!/usr/bin/env bash
# Runs the contract check with schemathesis (scripts/check-contract.sh --schemathesis) against a SignalIntake of its
# own: its own port, topics, consumer groups and database, so that the made-up organisations schemathesis registers
# end up nowhere else. Needs the local stack (scripts/stack.sh start) and a build (binaries in $VI_BIN_DIR, default
# .build/debug). The test command runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
bin="${VI_BIN_DIR:-$repo/.build/debug}"
run="contract$(date +%s)$$"
work="$(mktemp -d)"
database="${run}_intake"

export VI_HTTP_PORT="${VI_CONTRACT_PORT:-18181}" VI_KAFKA_GROUP_PREFIX="$run" VI_LOG_LEVEL=warning
export VI_TOPIC_SIGNAL_COMMANDS="$run.signal-commands" VI_TOPIC_SIGNAL_COMMANDS_REJECTED="$run.rejected"
export VI_TOPIC_SIGNALS="$run.signals" VI_TOPIC_REGISTRY="$run.registry"
export VI_POSTGRES_URL="$VI_POSTGRES_BASE/$database" VI_INTAKE_URL="http://127.0.0.1:$VI_HTTP_PORT"
VI_ADMIN_TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
VI_PSEUDONYM_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export VI_ADMIN_TOKEN VI_PSEUDONYM_KEY

psql -X -q "$VI_POSTGRES_BASE/vi_test" -c "CREATE DATABASE \"$database\"" || die "could not create $database"
intake=""
cleanup() {
  [[ -n "$intake" ]] && { kill -TERM "$intake" 2>/dev/null; wait "$intake" 2>/dev/null || true; }
  psql -X -q "$VI_POSTGRES_BASE/vi_test" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/SignalIntake" >"$work/signal-intake.log" 2>&1 &
intake=$!
for _ in $(seq 1 150); do curl -sf "$VI_INTAKE_URL/health" >/dev/null && break; sleep 0.2; done
curl -sf "$VI_INTAKE_URL/health" >/dev/null || { cat "$work/signal-intake.log"; die "SignalIntake did not start"; }

"$bin/vi" keygen --out "$work/org.key" >"$work/org.pub"
"$bin/vi" organisation put org-contract --name "Contract" --type school --municipality 0363 --region contract \
  --public-key "$(cat "$work/org.pub")" >/dev/null
"$bin/vi" professional put prof-contract --organisation org-contract --name "Contract" \
  --email contract@example.org --phone 0 >/dev/null
token="$("$bin/vi" token --organisation org-contract --professional prof-contract --key "$work/org.key" --lifetime 3600)"
bash "$here/check-contract.sh" --schemathesis "$VI_INTAKE_URL" "$token" "$VI_ADMIN_TOKEN"
if grep -q "Request failed" "$work/signal-intake.log"; then
  grep "Request failed" "$work/signal-intake.log" | head -n 5
  die "SignalIntake logged failed requests during the contract check"
fi
