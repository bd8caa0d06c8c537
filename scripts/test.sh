#!/usr/bin/env bash
# The README's test command: on a fresh Debian or Ubuntu machine, installs what is missing (librdkafka 2.8,
# PostgreSQL, Tansu, aiosmtpd), starts the local stack, checks formatting, builds, and runs every test against the
# real PostgreSQL, Kafka broker and SMTP server, after fuzzing each parser of untrusted input for a few seconds.
# Exits non-zero when anything fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
cd "$repo"
started=$SECONDS

bash "$here/install-librdkafka.sh"
bash "$here/install-tools.sh"
bash "$here/stack.sh" start
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"

log "checking formatting (swift format lint)"
swift format lint --strict --recursive --parallel Package.swift Sources Tests

log "building (swift build --build-tests)"
mkdir -p "$VI_STATE_DIR"
if ! swift build --build-tests >"$VI_STATE_DIR/build.log" 2>&1; then
  grep -E 'error|warning: ' "$VI_STATE_DIR/build.log" | grep -v 'swift-distributed-tracing' | head -n 50 || true
  die "the build failed; see $VI_STATE_DIR/build.log"
fi

log "checking the deployment files (scripts/check-deployment.sh)"
bash "$here/check-deployment.sh"

log "fuzzing each parser of untrusted input for 5 s (scripts/fuzz.sh 5; a longer run: scripts/fuzz.sh 600)"
bash "$here/fuzz.sh" 5 >"$VI_STATE_DIR/fuzz.log" 2>&1 || {
  tail -n 30 "$VI_STATE_DIR/fuzz.log"
  die "a fuzz target crashed or did not build; see $VI_STATE_DIR/fuzz.log and .build/fuzz/artifacts/"
}
tail -n 4 "$VI_STATE_DIR/fuzz.log"

log "checking the published contract, with schemathesis against a SignalIntake (scripts/check-contract-live.sh)"
bash "$here/check-contract-live.sh" >"$VI_STATE_DIR/contract-check.log" 2>&1 || {
  tail -n 60 "$VI_STATE_DIR/contract-check.log"
  die "the contract check failed; see $VI_STATE_DIR/contract-check.log"
}

log "running the tests (swift test)"
VI_REQUIRE_STACK=1 swift test --skip-build --no-parallel
log "all tests passed in $((SECONDS - started)) s"
