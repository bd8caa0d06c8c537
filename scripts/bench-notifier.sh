#!/usr/bin/env bash
# Prints the Notifier's throughput in e-mails per second into a local aiosmtpd SMTP sink, on this machine.
#
# It starts a release build of the Notifier of its own (port 18082, topics, consumer groups and database of its own)
# and an SMTP sink of its own (scripts/smtp-sink.py, the stack's sink, on a free port with its own mail folder), so
# a running development system is not disturbed. It puts a registry (two organisations with 50 professionals each,
# one municipality) on the registry topic, waits until the Notifier has it, then puts COUNT child-match events on the
# notices topic with kcat: 3 e-mails each (both professionals and the municipality's follow-up officer). It prints
#   1. the sending rate: e-mails between the first and the last one the SMTP server accepted (queue to SMTP);
#   2. the end-to-end rate: from producing the events to the last e-mail accepted (topic, queue, SMTP).
# Usage: scripts/bench-notifier.sh [COUNT]   (default 2000 events = 6000 e-mails)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
count="${1:-2000}"

bash "$here/install-librdkafka.sh"
bash "$here/install-tools.sh"
apt_install kcat postgresql-client
bash "$here/stack.sh" start >/dev/null
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
log "building the release Notifier (swift build -c release; the first time takes a while)"
(cd "$repo" && swift build -c release --scratch-path "$repo/.build-release" --product Notifier >/dev/null)
bin="$repo/.build-release/release"
python="${VI_CACHE_DIR:-/var/cache/verwijsindex}/venv/bin/python"

run="bench$(date +%s)"
work="$VI_STATE_DIR/$run"
mkdir -p "$work/mail"
database="${run}_notifier"
smtp_port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export VI_HTTP_PORT=18082 VI_KAFKA_GROUP_PREFIX="$run" VI_LOG_LEVEL=warning
export VI_TOPIC_MATCHES="$run.notices" VI_TOPIC_REGISTRY="$run.registry" VI_TOPIC_NOTIFICATIONS_FAILED="$run.failed"
export VI_POSTGRES_URL="$VI_POSTGRES_BASE/$database" VI_SMTP_HOST=127.0.0.1 VI_SMTP_PORT="$smtp_port"
sql() { psql -qtA "$VI_POSTGRES_URL" -c "$1"; }

psql -qtA "$VI_POSTGRES_BASE/vi_test" -c "CREATE DATABASE \"$database\""
"$python" -u "$here/smtp-sink.py" --host 127.0.0.1 --port "$smtp_port" --mail-dir "$work/mail" >"$work/smtp.log" 2>&1 &
sink=$!
"$bin/Notifier" >"$work/notifier.log" 2>&1 &
notifier=$!
cleanup() {
  kill -TERM "$notifier" "$sink" 2>/dev/null || true
  wait "$notifier" "$sink" 2>/dev/null || true
  psql -qtA "$VI_POSTGRES_BASE/vi_test" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$VI_HTTP_PORT/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$VI_HTTP_PORT/health" >/dev/null || die "the Notifier did not start; see $work/notifier.log"

# The registry and the events, as key<TAB>value lines for kcat.
"$python" - "$work" "$count" <<'PY'
import json, sys, uuid
work, count = sys.argv[1], int(sys.argv[2])
orgs = ["school", "jgz"]
with open(f"{work}/registry.txt", "w") as f:
    def put(key, event):
        f.write(key + "\t" + json.dumps(event, separators=(",", ":")) + "\n")
    put("municipality/0363", {"entity": "municipality", "id": "0363", "municipality": {
        "code": "0363", "name": "Amsterdam", "followUpEmail": "regie@amsterdam.example"}})
    for org in orgs:
        put(f"organisation/{org}", {"entity": "organisation", "id": org, "organisation": {
            "id": org, "name": f"Organisatie {org}", "type": org, "municipality": "0363", "region": "amsterdam",
            "publicKey": "", "coordinator": {"name": f"Coördinator {org}", "email": f"coordinator@{org}.example",
                                            "phone": "020-0000000"}, "active": True}})
        for n in range(50):
            pid = f"{org}-{n}"
            put(f"professional/{pid}", {"entity": "professional", "id": pid, "professional": {
                "id": pid, "organisationId": org, "name": f"Professional {n} van {org}",
                "email": f"{pid}@{org}.example", "phone": "020-1234567", "active": True}})
with open(f"{work}/notices.txt", "w") as f:
    for i in range(count):
        parties = [{"signalId": str(uuid.uuid4()), "organisationId": org, "professionalId": f"{org}-{i % 50}",
                    "reference": f"R-{i}", "childInitials": "P.J. Jansen", "childBirthDate": "2015-05-01"}
                   for org in orgs]
        event = {"eventId": str(uuid.uuid4()), "type": "notice.match", "occurredAt": "2026-01-01T12:00:00Z",
                 "match": {"matchId": str(uuid.uuid4()), "kind": "child", "parties": parties,
                           "regie": {"organisationId": "jgz", "professionalId": f"jgz-{i % 50}"},
                           "municipalityCodes": ["0363"]}}
        f.write(event["eventId"] + "\t" + json.dumps(event, separators=(",", ":")) + "\n")
PY

kcat -P -b "$VI_KAFKA_BROKERS" -t "$VI_TOPIC_REGISTRY" -K $'\t' -l "$work/registry.txt"
for _ in $(seq 1 300); do [ "$(sql 'SELECT count(*) FROM registry_entries')" = 103 ] && break; sleep 0.2; done
[ "$(sql 'SELECT count(*) FROM registry_entries')" = 103 ] || die "the Notifier did not read the registry"

total=$((count * 3))
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $count match events, $total e-mails"
start="$(date +%s.%N)"
kcat -P -b "$VI_KAFKA_BROKERS" -t "$VI_TOPIC_MATCHES" -K $'\t' -l "$work/notices.txt"
deadline=$((SECONDS + 600))
until [ "$(sql "SELECT count(*) FROM deliveries WHERE status = 'sent'")" -ge "$total" ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "not every e-mail was sent within 10 minutes; see $work/notifier.log"
  sleep 0.2
done
end="$(date +%s.%N)"
read -r sent span < <(sql "SELECT count(*), extract(epoch FROM max(finished_at) - min(finished_at)) FROM deliveries
  WHERE status = 'sent'" | tr '|' ' ')
received="$(find "$work/mail" -name '*.eml' | wc -l)"
awk -v n="$sent" -v s="$span" 'BEGIN { printf "sending (queue to SMTP): %d e-mails in %.2f s = %.0f e-mails/s\n", n, s, (n - 1) / s }'
awk -v n="$sent" -v a="$start" -v b="$end" \
  'BEGIN { printf "end to end (topic, queue, SMTP): %d e-mails in %.2f s = %.0f e-mails/s\n", n, b - a, n / (b - a) }'
echo "the SMTP sink stored $received messages"
