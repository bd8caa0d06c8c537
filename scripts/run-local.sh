#!/usr/bin/env bash
# The README's run command: on a fresh Debian or Ubuntu machine, installs what is missing (librdkafka 2.8,
# PostgreSQL, Tansu, aiosmtpd), starts the local stack, builds and starts the four services, creates the topics,
# seeds a small demo registry, and prints where to send a signal and where the e-mails land.
#   scripts/run-local.sh         start everything (idempotent)
#   scripts/run-local.sh stop    stop the services and the stack
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

if [[ "${1:-}" == "stop" ]]; then
  bash "$here/services.sh" stop
  bash "$here/stack.sh" stop
  exit 0
fi

bash "$here/install-librdkafka.sh"
bash "$here/install-tools.sh"
bash "$here/stack.sh" start
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"
log "building the services (swift build; the first build takes several minutes)"
mkdir -p "$VI_STATE_DIR"
(cd "$repo" && swift build >"$VI_STATE_DIR/build.log" 2>&1) || { tail -n 30 "$VI_STATE_DIR/build.log"; die "the build failed"; }
bash "$here/services.sh" start
set -a
# shellcheck disable=SC1091
. "$VI_STATE_DIR/dev.env"
set +a
bash "$here/seed-demo.sh"

vi="$repo/.build/debug/vi"
cat <<INFO

The Verwijsindex runs locally.
  SignalIntake  http://127.0.0.1:8080   (admin token in $VI_STATE_DIR/dev.env)
  Matcher       http://127.0.0.1:8081
  Notifier      http://127.0.0.1:8082
  Retention     http://127.0.0.1:8083
  Kafka         $VI_KAFKA_BROKERS   PostgreSQL $VI_POSTGRES_BASE   SMTP $VI_SMTP_HOST:$VI_SMTP_PORT
  Logs          $VI_STATE_DIR/services/*.log

Two professionals of different organisations signal the same child, one over HTTP and one as a signed command on
the intake topic; each then gets an e-mail naming the other:

  $vi signal register --organisation org-school --key $VI_STATE_DIR/demo/org-school.key \\
      --professional prof-anna --reference A-1 --informed parents \\
      --bsn 111222333 --family-name Jansen --given-names "Pieter Jan" --birth-date 2015-05-01 --gender M
  $vi command register --organisation org-jgz --key $VI_STATE_DIR/demo/org-jgz.key \\
      --professional prof-bram --reference B-7 --informed parents \\
      --bsn 111222333 --family-name Jansen --given-names "Pieter Jan" --birth-date 2015-05-01 --gender M

The e-mails land in $VI_MAIL_DIR, one .eml file each:  ls $VI_MAIL_DIR
'vi --help' shows more (tokens for curl, ending signals, rejections). Stop everything: scripts/run-local.sh stop
INFO
