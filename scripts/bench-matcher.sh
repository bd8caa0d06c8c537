#!/usr/bin/env bash
# Prints the Matcher's figures in one run, on this machine:
#   1. PostgreSQL's single-row insert rate (pgbench, 2 clients, 15 s) and the broker's raw produce-and-consume rate;
#   2. the Matcher alone: MATCHER_COUNT pseudonymised signal events straight onto its topic;
#   3. end to end: COUNT signed commands of a realistic population onto the intake topic, through SignalIntake and
#      the Matcher, as fast as the broker takes them: signals per second;
#   4. the latency from the intake topic to the match notice at p50 and p99, offering LATENCY_COUNT signals at
#      LATENCY_RATE per second (default: 80 % of the rate step 3 reached).
# It starts release builds of SignalIntake and the Matcher of its own (ports 18080/18081, fresh topics, groups and
# databases) against the local stack.
# Usage: scripts/bench-matcher.sh [COUNT] [MATCHER_COUNT] [LATENCY_COUNT] [LATENCY_RATE]
# (defaults 1,000,000, 200,000, 50,000 and 80 % of step 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
count="${1:-1000000}"
matcher_count="${2:-200000}"
latency_count="${3:-50000}"
latency_rate="${4:-}"

bash "$here/install-librdkafka.sh"
bash "$here/install-tools.sh"
bash "$here/stack.sh" start >/dev/null
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
log "building release binaries (swift build -c release; the first time takes a while)"
release=(swift build -c release --scratch-path "$repo/.build-release")
for product in SignalIntake Matcher MatcherBenchmark IntakeBenchmark; do
  (cd "$repo" && "${release[@]}" --product "$product" >/dev/null)
done
bin="$repo/.build-release/release"

run="mbench$(date +%s)"
pg="${VI_POSTGRES_BASE#postgres://}"
export PGPASSWORD="${pg#*:}"
PGPASSWORD="${PGPASSWORD%%@*}"
psql_admin=(psql -q -h 127.0.0.1 -p "$VI_PG_PORT" -U vi -d vi_test -v ON_ERROR_STOP=1)
for db in intake matcher; do "${psql_admin[@]}" -c "CREATE DATABASE ${run}_$db"; done

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
pgbench_script="$VI_STATE_DIR/bench-insert.sql"
"${psql_admin[@]}" -d "${run}_matcher" -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v text NOT NULL)"
echo "INSERT INTO bench_insert (v) VALUES ('x');" >"$pgbench_script"
tps=$(pgbench -h 127.0.0.1 -p "$VI_PG_PORT" -U vi -n -c 2 -j 2 -T 15 -f "$pgbench_script" "${run}_matcher" 2>/dev/null |
  awk '/^tps/ {print int($3)}')
echo "PostgreSQL: single-row INSERT, one per transaction, 2 clients (pgbench): $tps inserts/s"

export VI_KAFKA_GROUP_PREFIX="$run" VI_LOG_LEVEL=warning VI_KAFKA_PARTITIONS=6
export VI_TOPIC_SIGNAL_COMMANDS="$run.signal-commands" VI_TOPIC_SIGNAL_COMMANDS_REJECTED="$run.rejected"
export VI_TOPIC_SIGNALS="$run.signals" VI_TOPIC_REGISTRY="$run.registry" VI_TOPIC_MATCHES="$run.matches"
VI_ADMIN_TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
VI_PSEUDONYM_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export VI_ADMIN_TOKEN VI_PSEUDONYM_KEY
export VI_MATCHER_POSTGRES_URL="$VI_POSTGRES_BASE/${run}_matcher" VI_INTAKE_URL="http://127.0.0.1:18080"
"$bin/IntakeBenchmark" raw --count 100000

pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
VI_HTTP_PORT=18081 VI_POSTGRES_URL="$VI_MATCHER_POSTGRES_URL" "$bin/Matcher" >"$VI_STATE_DIR/bench-matcher.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do curl -sf http://127.0.0.1:18081/health >/dev/null && break; sleep 0.2; done
curl -sf http://127.0.0.1:18081/health >/dev/null || die "the Matcher did not start; see $VI_STATE_DIR/bench-matcher.log"
"$bin/MatcherBenchmark" matcher-only --count "$matcher_count"

VI_HTTP_PORT=18080 VI_POSTGRES_URL="$VI_POSTGRES_BASE/${run}_intake" "$bin/SignalIntake" \
  >"$VI_STATE_DIR/bench-signal-intake.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do curl -sf "$VI_INTAKE_URL/health" >/dev/null && break; sleep 0.2; done
curl -sf "$VI_INTAKE_URL/health" >/dev/null || die "SignalIntake did not start; see $VI_STATE_DIR/bench-signal-intake.log"
out="$VI_STATE_DIR/bench-end-to-end.txt"
"$bin/MatcherBenchmark" end-to-end --count "$count" | tee "$out"
reached=$(awk '/signals\/s/ {for (i = 1; i <= NF; i++) if ($i == "signals/s;") print int($(i - 1))}' "$out" | head -n 1)
"$bin/MatcherBenchmark" end-to-end --count "$latency_count" --rate "${latency_rate:-$((reached * 8 / 10))}" --seed 43
