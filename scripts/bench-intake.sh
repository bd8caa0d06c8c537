#!/usr/bin/env bash
# Prints SignalIntake's throughput in one run, on this machine:
#   1. the broker's raw produce-and-consume rate for the same signed commands (the ceiling);
#   2. valid signed commands from the intake topic to published signal events;
#   3. POST /v1/signals over HTTP with wrk (a new child per request).
# It starts a release build of SignalIntake of its own (port 18080, topics and groups of its own) against the local
# stack, so a running development system is not disturbed. Usage: scripts/bench-intake.sh [COUNT] [WRK_SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
count="${1:-20000}"
seconds="${2:-20}"

bash "$here/install-librdkafka.sh"
bash "$here/install-tools.sh"
apt_install wrk
bash "$here/stack.sh" start >/dev/null
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
log "building release binaries (swift build -c release; the first time takes a while)"
release=(swift build -c release --scratch-path "$repo/.build-release")
(cd "$repo" && "${release[@]}" --product SignalIntake >/dev/null && "${release[@]}" --product IntakeBenchmark >/dev/null)
bin="$repo/.build-release/release"

run="bench$(date +%s)"
export VI_HTTP_PORT=18080 VI_KAFKA_GROUP_PREFIX="$run" VI_LOG_LEVEL=warning
export VI_TOPIC_SIGNAL_COMMANDS="$run.signal-commands" VI_TOPIC_SIGNAL_COMMANDS_REJECTED="$run.rejected"
export VI_TOPIC_SIGNALS="$run.signals" VI_TOPIC_REGISTRY="$run.registry"
export VI_POSTGRES_URL="$VI_POSTGRES_BASE/vi_intake" VI_INTAKE_URL="http://127.0.0.1:$VI_HTTP_PORT"
VI_ADMIN_TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
VI_PSEUDONYM_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export VI_ADMIN_TOKEN VI_PSEUDONYM_KEY
logfile="$VI_STATE_DIR/bench-signal-intake.log"
"$bin/SignalIntake" >"$logfile" 2>&1 &
intake=$!
trap 'kill -TERM $intake 2>/dev/null; wait $intake 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "$VI_INTAKE_URL/health" >/dev/null && break; sleep 0.2; done
curl -sf "$VI_INTAKE_URL/health" >/dev/null || die "SignalIntake did not start; see $logfile"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $count records"
"$bin/IntakeBenchmark" raw --count "$count"
"$bin/IntakeBenchmark" topic --count "$count"
script="$VI_STATE_DIR/bench-wrk.lua"
"$bin/IntakeBenchmark" wrk-script --out "$script" >/dev/null
echo "== HTTP: wrk -t2 -c32 -d${seconds}s POST /v1/signals"
wrk -t2 -c32 -d"${seconds}s" --latency -s "$script" "$VI_INTAKE_URL" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|requests in'
