#!/usr/bin/env bash
# Runs the four services as background processes against the local stack (scripts/stack.sh):
#   scripts/services.sh start|stop|status
# Binaries come from $VI_BIN_DIR (default: the debug build, .build/debug). Logs and pid files are in
# $VI_STATE_DIR/services. The admin token and pseudonym key are generated once into $VI_STATE_DIR/dev.env
# (development secrets: never use them in production).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=stack-env.sh
. "$here/stack-env.sh"

repo="$(cd "$here/.." && pwd)"
bin="${VI_BIN_DIR:-$repo/.build/debug}"
dir="$VI_STATE_DIR/services"
readonly SERVICES=(SignalIntake Matcher Notifier Retention)

port_of() {
  case "$1" in
    SignalIntake) echo 8080 ;; Matcher) echo 8081 ;; Notifier) echo 8082 ;; Retention) echo 8083 ;;
  esac
}
database_of() {
  case "$1" in
    SignalIntake) echo vi_intake ;; Matcher) echo vi_matcher ;; Notifier) echo vi_notifier ;; Retention) echo vi_retention ;;
  esac
}

# The development secrets, made once.
load_secrets() {
  mkdir -p "$VI_STATE_DIR"
  if [[ ! -f "$VI_STATE_DIR/dev.env" ]]; then
    umask 077
    {
      echo "VI_ADMIN_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
      echo "VI_PSEUDONYM_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    } >"$VI_STATE_DIR/dev.env"
  fi
  set -a
  # shellcheck disable=SC1091
  . "$VI_STATE_DIR/dev.env"
  set +a
}

pid_of() {
  local pid
  read -r pid 2>/dev/null <"$dir/$1.pid" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  load_secrets
  mkdir -p "$dir"
  for service in "${SERVICES[@]}"; do
    [[ -x "$bin/$service" ]] || die "$bin/$service is missing; build first (swift build)"
    if pid_of "$service" >/dev/null; then
      log "$service is already running"
      continue
    fi
    VI_HTTP_PORT="$(port_of "$service")" VI_POSTGRES_URL="$VI_POSTGRES_BASE/$(database_of "$service")" \
      setsid "$bin/$service" >>"$dir/$service.log" 2>&1 </dev/null &
    echo $! >"$dir/$service.pid"
  done
  for service in "${SERVICES[@]}"; do
    local port deadline
    port="$(port_of "$service")"
    deadline=$((SECONDS + ${VI_START_TIMEOUT:-60}))
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
      pid_of "$service" >/dev/null || die "$service exited; see $dir/$service.log"
      ((SECONDS < deadline)) || die "$service did not answer on port $port; see $dir/$service.log"
      sleep 0.3
    done
    log "$service is up on http://127.0.0.1:$port (log: $dir/$service.log)"
  done
}

stop() {
  for service in "${SERVICES[@]}"; do
    local pid
    if pid="$(pid_of "$service")"; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      log "$service stopped"
    fi
    rm -f "$dir/$service.pid"
  done
}

status() {
  local all=0
  for service in "${SERVICES[@]}"; do
    if pid_of "$service" >/dev/null; then
      echo "$service: running on http://127.0.0.1:$(port_of "$service")"
    else
      echo "$service: stopped"
      all=3
    fi
  done
  return "$all"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
