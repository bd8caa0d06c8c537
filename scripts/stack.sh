#!/usr/bin/env bash
# Runs the local development/test stack; every server listens on 127.0.0.1 only:
#   PostgreSQL  a private cluster in $VI_STATE_DIR/postgres, port $VI_PG_PORT (55432); the role vi (password vi)
#               owns the databases vi_intake, vi_matcher, vi_notifier, vi_retention and vi_test
#   Kafka       the Tansu broker from the venv, port $VI_KAFKA_PORT (9092). VI_KAFKA_STORAGE picks where it keeps
#               its topics: memory (the default; gone when Tansu stops) or s3 (a bucket of moto_server from the
#               venv on port $VI_S3_PORT, 9010: the topics survive a kill -9 of Tansu, for as long as moto runs)
#   SMTP        scripts/smtp-sink.py, port $VI_SMTP_PORT (2525), storing each message in $VI_MAIL_DIR
#
# Usage: scripts/stack.sh start|stop|status|reset
#   start   starts what is not running and waits until each server answers (at most $VI_START_TIMEOUT s, 30)
#   stop    stops all three
#   status  shows each with its address; exits 0 when all three run, else 3
#   reset   stops all three and deletes the state
# State (data, logs, pid files, mail) lives in $VI_STATE_DIR, default <repo>/.vi; the defaults are set by
# scripts/stack-env.sh, the tools are installed by scripts/install-tools.sh. As root, PostgreSQL runs as the
# system user postgres; when that user cannot reach $VI_STATE_DIR (say, under /root), the cluster is kept in
# /var/lib/verwijsindex/ instead, and $VI_STATE_DIR/postgres is a link to it.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"

readonly DATABASES=(vi_intake vi_matcher vi_notifier vi_retention vi_test)
state="$VI_STATE_DIR"
timeout="${VI_START_TIMEOUT:-30}"
venv="$(vi_venv)"

# --- helpers -----------------------------------------------------------------------------------------------------

# pid_of PIDFILE NAME: prints the pid on PIDFILE's first line when that process lives and its command line has NAME.
pid_of() {
  local pid
  read -r pid 2>/dev/null <"$1" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && grep -qaF -- "$2" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# port_taken PORT: does something already listen on 127.0.0.1:PORT?
port_taken() { (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# launch PIDFILE LOG COMMAND...: starts COMMAND in its own session, stdin closed, output appended to LOG.
launch() {
  local pidfile="$1" logfile="$2"
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$, $0 and $@ are the inner shell's
  setsid bash -c 'echo $$ >"$0" && exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
}

# wait_for WHAT LOG PIDFILE NAME COMMAND...: runs COMMAND until it succeeds; fails when the process exits first
# or after $timeout seconds.
wait_for() {
  local what="$1" logfile="$2" pidfile="$3" name="$4" deadline=$((SECONDS + timeout))
  shift 4
  until "$@" >/dev/null 2>&1; do
    if [[ -s "$pidfile" ]] && ! pid_of "$pidfile" "$name" >/dev/null; then
      die "$what exited while starting; see $logfile"
    fi
    ((SECONDS < deadline)) || die "$what did not answer within ${timeout}s; see $logfile"
    sleep 0.2
  done
}

# stop_process WHAT PIDFILE NAME: SIGTERM, then SIGKILL when the process is still there after 15 s.
stop_process() {
  local pid i
  if ! pid="$(pid_of "$2" "$3")"; then
    rm -f "$2"
    log "$1 is not running"
    return 0
  fi
  kill -TERM "$pid"
  for ((i = 0; i < 150; i++)); do
    pid_of "$2" "$3" >/dev/null || break
    sleep 0.1
  done
  if pid_of "$2" "$3" >/dev/null; then
    log "$1 (pid $pid) did not stop on SIGTERM within 15 s; killing it"
    kill -KILL "$pid"
  fi
  rm -f "$2"
  log "$1 stopped"
}

need_venv() { [[ -x "$venv/bin/python" ]] || die "no venv at $venv; run scripts/install-tools.sh"; }

# --- PostgreSQL --------------------------------------------------------------------------------------------------

if ((EUID == 0)); then pg_user=postgres; else pg_user="$(id -un)"; fi

# as_pg COMMAND...: runs COMMAND as the server's user (as root: postgres), from /, which that user can enter.
as_pg() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Sets pg_dir (the cluster's folder; $state/postgres or the folder it links to), data, sock, pg_log and bindir.
pg_paths() {
  pg_dir="$(readlink -f "$state/postgres")"
  data="$pg_dir/data" sock="$pg_dir/run" pg_log="$pg_dir/postgres.log"
  if [[ -f "$data/PG_VERSION" ]]; then
    bindir="$(pg_bindir "$(cat "$data/PG_VERSION")")" ||
      die "$data was made by PostgreSQL $(cat "$data/PG_VERSION"), which is not installed; run: $0 reset"
  else
    bindir="$(pg_bindir newest)" || die "no PostgreSQL server (14 or newer); run scripts/install-tools.sh"
  fi
}

pg_running() { [[ -f "$data/PG_VERSION" ]] && as_pg "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1; }

# Makes $state/postgres, owned by the server's user. As root, when the postgres user cannot reach $state, the
# folder goes to /var/lib/verwijsindex/ and $state/postgres links to it.
pg_make_dir() {
  local target
  [[ -e "$state/postgres" ]] && return 0
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "there is no system user postgres; run scripts/install-tools.sh"
    if ! runuser -u postgres -- test -x "$state"; then
      target="/var/lib/verwijsindex/postgres-$(printf '%s' "$state" | md5sum | cut -c1-12)"
      log "the postgres user cannot reach $state: the cluster goes to $target ($state/postgres links to it)"
      mkdir -p "$target"
      ln -s "$target" "$state/postgres"
    fi
  fi
  mkdir -p "$state/postgres"
  if ((EUID == 0)); then chown postgres:postgres "$(readlink -f "$state/postgres")"; fi
}

# The role vi and its databases, made idempotently over the Unix socket as the superuser (peer authentication).
pg_bootstrap() {
  as_pg "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$VI_PG_PORT" -U "$pg_user" -d postgres >/dev/null <<SQL
SET password_encryption = 'scram-sha-256';
SELECT 'CREATE ROLE vi' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vi') \gexec
ALTER ROLE vi LOGIN CREATEDB PASSWORD 'vi';
SELECT format('CREATE DATABASE %I OWNER vi', name) FROM unnest(string_to_array('${DATABASES[*]}', ' ')) AS name
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name) \gexec
SQL
}

start_postgres() {
  pg_make_dir
  pg_paths
  if pg_running; then
    log "PostgreSQL is already running on 127.0.0.1:$VI_PG_PORT"
    return 0
  fi
  ((${#sock} + 20 < 108)) || die "the socket path $sock/.s.PGSQL.$VI_PG_PORT is too long; set a shorter VI_STATE_DIR"
  port_taken "$VI_PG_PORT" && die "another process listens on 127.0.0.1:$VI_PG_PORT; stop it or set VI_PG_PORT"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "creating a PostgreSQL $(basename "${bindir%/bin}") cluster in $data"
    as_pg "$bindir/initdb" -D "$data" -U "$pg_user" --auth-local=peer --auth-host=scram-sha-256 \
      --encoding=UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 || die "initdb failed; see $pg_dir/initdb.log"
    echo "include 'verwijsindex.conf'" | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi
  as_pg mkdir -p "$sock"
  as_pg tee "$data/verwijsindex.conf" >/dev/null <<CONF
# Written by scripts/stack.sh at each start: change the script, not this file.
listen_addresses = '127.0.0.1'
port = $VI_PG_PORT
unix_socket_directories = '$sock'
max_connections = 200
shared_buffers = 256MB
fsync = on  # the tests check crash safety
CONF
  as_pg "$bindir/pg_ctl" start -D "$data" -l "$pg_log" -w -t "$timeout" -s >/dev/null 2>&1 ||
    die "PostgreSQL did not start within ${timeout}s; see $pg_log"
  wait_for PostgreSQL "$pg_log" "$data/postmaster.pid" postgres \
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$VI_PG_PORT" -t 1
  pg_bootstrap || die "could not create the role vi and its databases; see $pg_log"
  PGPASSWORD='vi' "$bindir/psql" -X -qAt -d "$VI_POSTGRES_BASE/vi_test" -c 'SELECT 1' >/dev/null ||
    die "PostgreSQL runs, but vi cannot log in at $VI_POSTGRES_BASE/vi_test; see $pg_log"
  log "PostgreSQL started on 127.0.0.1:$VI_PG_PORT (log: $pg_log)"
}

stop_postgres() {
  [[ -e "$state/postgres" ]] || { log "PostgreSQL is not running"; return 0; }
  pg_paths
  if ! pg_running; then
    log "PostgreSQL is not running"
    return 0
  fi
  as_pg "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 60 -s || die "PostgreSQL did not stop; see $pg_log"
  log "PostgreSQL stopped"
}

status_postgres() {
  if [[ -e "$state/postgres" ]] && pg_paths && pg_running; then
    echo "postgres  running  $VI_POSTGRES_BASE/<database>  (pid $(head -n1 "$data/postmaster.pid"), log: $pg_log)"
  else
    echo "postgres  stopped  (port $VI_PG_PORT)"
    return 1
  fi
}

# --- Kafka (Tansu) -----------------------------------------------------------------------------------------------

kafka_pid="$state/kafka/tansu.pid" kafka_log="$state/kafka/tansu.log"

# Asks the broker for its ApiVersions (v0) and its metadata (v1), and checks that it advertises 127.0.0.1:PORT.
kafka_probe() {
  "$venv/bin/python" - "$VI_KAFKA_PORT" <<'PY'
import socket, struct, sys

def read(sock, size):
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError("the broker closed the connection")
        data += chunk
    return data

def call(sock, api_key, api_version, body, correlation_id):  # request header v1; returns the response body
    request = struct.pack(">hhih", api_key, api_version, correlation_id, 8) + b"vi-stack" + body
    sock.sendall(struct.pack(">i", len(request)) + request)
    response = read(sock, struct.unpack(">i", read(sock, 4))[0])
    assert struct.unpack(">i", response[:4])[0] == correlation_id, "wrong correlation id"
    return response[4:]

port = int(sys.argv[1])
with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
    error, count = struct.unpack(">hi", call(sock, 18, 0, b"", 1)[:6])  # ApiVersions: error, [api keys]
    assert error == 0 and count > 0, f"ApiVersions answered error {error}"
    body = call(sock, 3, 1, struct.pack(">i", -1), 2)  # Metadata, all topics: [node id, host, port, rack], ...
    count, _, size = struct.unpack(">iih", body[:10])
    host, advertised = body[10:10 + size].decode(), struct.unpack(">i", body[10 + size:14 + size])[0]
    assert count > 0 and (host, advertised) == ("127.0.0.1", port), f"the broker advertises {host}:{advertised}"
PY
}

# --- S3 for Tansu (moto), with VI_KAFKA_STORAGE=s3 -------------------------------------------------------------

s3_pid="$state/s3/moto.pid" s3_log="$state/s3/moto.log" s3_bucket="tansu"

# The environment Tansu needs to use the moto bucket (moto accepts any credentials).
s3_env=(AWS_ENDPOINT="http://127.0.0.1:$VI_S3_PORT" AWS_ALLOW_HTTP=true AWS_DEFAULT_REGION=eu-west-1
  AWS_ACCESS_KEY_ID=vi-stack AWS_SECRET_ACCESS_KEY=vi-stack)

# Creates the bucket when it is missing (PUT is idempotent for its owner) and checks that it lists.
s3_probe() {
  "$venv/bin/python" - "$VI_S3_PORT" "$s3_bucket" <<'PY'
import sys, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/{sys.argv[2]}"
urllib.request.urlopen(urllib.request.Request(url, method="PUT"), timeout=2).read()
urllib.request.urlopen(url, timeout=2).read()
PY
}

start_s3() {
  if pid_of "$s3_pid" moto_server >/dev/null; then
    log "S3 (moto) is already running on 127.0.0.1:$VI_S3_PORT"
    return 0
  fi
  need_venv
  [[ -x "$venv/bin/moto_server" ]] || die "moto_server is missing from $venv; run scripts/install-tools.sh"
  port_taken "$VI_S3_PORT" && die "another process listens on 127.0.0.1:$VI_S3_PORT; stop it or set VI_S3_PORT"
  mkdir -p "$state/s3"
  launch "$s3_pid" "$s3_log" "$venv/bin/moto_server" -H 127.0.0.1 -p "$VI_S3_PORT"
  wait_for "S3 (moto)" "$s3_log" "$s3_pid" moto_server s3_probe
  log "S3 (moto) started on 127.0.0.1:$VI_S3_PORT with the bucket $s3_bucket (log: $s3_log)"
}

status_s3() {
  local pid
  if pid="$(pid_of "$s3_pid" moto_server)"; then
    echo "s3        running  http://127.0.0.1:$VI_S3_PORT/$s3_bucket  (pid $pid, log: $s3_log)"
  else
    echo "s3        stopped  (port $VI_S3_PORT)"
    return 1
  fi
}

start_kafka() {
  local tansu url="tcp://127.0.0.1:$VI_KAFKA_PORT" storage=(memory://tansu/) environment=()
  if pid_of "$kafka_pid" tansu >/dev/null; then
    log "Kafka (Tansu) is already running on 127.0.0.1:$VI_KAFKA_PORT"
    return 0
  fi
  need_venv
  tansu="$(tansu_bin)" || die "the Tansu binary is missing from $venv; run scripts/install-tools.sh"
  port_taken "$VI_KAFKA_PORT" && die "another process listens on 127.0.0.1:$VI_KAFKA_PORT; stop it or set VI_KAFKA_PORT"
  case "$VI_KAFKA_STORAGE" in
    memory) ;;
    s3)
      start_s3
      storage=("s3://$s3_bucket/")
      environment=("${s3_env[@]}")
      ;;
    *) die "VI_KAFKA_STORAGE is '$VI_KAFKA_STORAGE'; use memory or s3" ;;
  esac
  mkdir -p "$state/kafka"
  # Tansu also reads its options from the environment: drop those that would change it.
  launch "$kafka_pid" "$kafka_log" env -u SCHEMA_REGISTRY -u OTEL_EXPORTER_OTLP_ENDPOINT "${environment[@]}" \
    "$tansu" broker --listener-url "$url" --advertised-listener-url "$url" --storage-engine "${storage[0]}"
  wait_for "Kafka (Tansu)" "$kafka_log" "$kafka_pid" tansu kafka_probe
  log "Kafka (Tansu) started on 127.0.0.1:$VI_KAFKA_PORT, storage ${storage[0]} (log: $kafka_log)"
}

status_kafka() {
  local pid
  if pid="$(pid_of "$kafka_pid" tansu)"; then
    echo "kafka     running  $VI_KAFKA_BROKERS  (pid $pid, log: $kafka_log)"
  else
    echo "kafka     stopped  (port $VI_KAFKA_PORT)"
    return 1
  fi
}

# --- SMTP sink ---------------------------------------------------------------------------------------------------

smtp_pid="$state/smtp/smtp-sink.pid" smtp_log="$state/smtp/smtp-sink.log"

smtp_probe() {
  "$venv/bin/python" -c 'import smtplib, sys
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="localhost", timeout=2) as smtp:
    smtp.ehlo()' "$VI_SMTP_PORT"
}

start_smtp() {
  if pid_of "$smtp_pid" smtp-sink.py >/dev/null; then
    log "the SMTP sink is already running on 127.0.0.1:$VI_SMTP_PORT"
    return 0
  fi
  need_venv
  "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null || die "aiosmtpd is missing from $venv; run scripts/install-tools.sh"
  port_taken "$VI_SMTP_PORT" && die "another process listens on 127.0.0.1:$VI_SMTP_PORT; stop it or set VI_SMTP_PORT"
  mkdir -p "$state/smtp" "$VI_MAIL_DIR"
  launch "$smtp_pid" "$smtp_log" "$venv/bin/python" -u "$here/smtp-sink.py" \
    --host 127.0.0.1 --port "$VI_SMTP_PORT" --mail-dir "$VI_MAIL_DIR"
  wait_for "The SMTP sink" "$smtp_log" "$smtp_pid" smtp-sink.py smtp_probe
  log "the SMTP sink started on 127.0.0.1:$VI_SMTP_PORT (log: $smtp_log)"
}

status_smtp() {
  local pid
  if pid="$(pid_of "$smtp_pid" smtp-sink.py)"; then
    echo "smtp      running  $VI_SMTP_HOST:$VI_SMTP_PORT  (pid $pid, mail: $VI_MAIL_DIR, log: $smtp_log)"
  else
    echo "smtp      stopped  (port $VI_SMTP_PORT)"
    return 1
  fi
}

# --- commands ----------------------------------------------------------------------------------------------------

start() {
  mkdir -p "$state"
  touch "$state/.vi-state" # marks the folder as ours, for reset
  start_postgres
  start_kafka
  start_smtp
  cat <<EOF
Kafka bootstrap:  $VI_KAFKA_BROKERS
PostgreSQL:       $VI_POSTGRES_BASE/<$(IFS='|' && echo "${DATABASES[*]}")>
SMTP:             $VI_SMTP_HOST:$VI_SMTP_PORT
Mail folder:      $VI_MAIL_DIR
(. scripts/stack-env.sh exports these as VI_KAFKA_BROKERS, VI_POSTGRES_BASE, VI_SMTP_HOST, VI_SMTP_PORT, VI_MAIL_DIR)
EOF
}

stop() {
  stop_process "the SMTP sink" "$smtp_pid" smtp-sink.py
  stop_process "Kafka (Tansu)" "$kafka_pid" tansu
  stop_process "S3 (moto)" "$s3_pid" moto_server
  stop_postgres
}

status() {
  local ok=0
  status_postgres || ok=3
  status_kafka || ok=3
  if [[ "$VI_KAFKA_STORAGE" == s3 ]]; then status_s3 || ok=3; fi
  status_smtp || ok=3
  return "$ok"
}

reset() {
  local target
  stop
  [[ -e "$state" ]] || { log "$state does not exist"; return 0; }
  [[ -f "$state/.vi-state" ]] || die "$state has no .vi-state file, so it may not be the stack's; delete it yourself"
  target="$(readlink -f "$state/postgres" 2>/dev/null || true)"
  if [[ -L "$state/postgres" && "$target" == /var/lib/verwijsindex/* ]]; then rm -rf -- "$target"; fi
  rm -rf -- "$state"
  log "deleted $state"
}

case "${1:-}" in
  start | stop | status | reset) "$1" ;;
  *) die "usage: $0 start|stop|status|reset" ;;
esac
