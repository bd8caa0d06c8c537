#!/usr/bin/env bash
# Installs librdkafka 2.8 or newer, idempotently.
#
# Uses the distribution's package when it is new enough; otherwise builds Debian's own librdkafka 2.8.0
# source package (trixie) into /usr/local. The source is fetched through a private apt source list, so the
# machine's own package lists are left alone. The build is cached under $VI_CACHE_DIR (default
# /var/cache/verwijsindex), so a second run only re-installs it, or does nothing when it is installed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

readonly WANT_MAJOR=2 WANT_MINOR=8 SOURCE_VERSION=2.8.0
cache="${VI_CACHE_DIR:-/var/cache/verwijsindex}/librdkafka"

version_ok() { # $1 = version string like 2.8.0
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  ((major > WANT_MAJOR || (major == WANT_MAJOR && minor >= WANT_MINOR)))
}

installed="$(pkg-config --modversion rdkafka 2>/dev/null || true)"
if [[ -n "$installed" ]] && version_ok "$installed"; then
  log "librdkafka $installed is installed (pkg-config rdkafka)"
  exit 0
fi

apt_update_once
candidate="$(apt-cache policy librdkafka-dev 2>/dev/null | awk '/Candidate:/ {print $2}')"
if [[ -n "$candidate" && "$candidate" != "(none)" ]] && version_ok "${candidate#*:}"; then
  log "installing the distribution's librdkafka-dev $candidate"
  apt_install librdkafka-dev pkg-config
  exit 0
fi

log "the distribution offers librdkafka ${candidate:-none}; building $SOURCE_VERSION from Debian's source package"
apt_install build-essential pkg-config python3 debian-archive-keyring \
  libssl-dev zlib1g-dev libzstd-dev liblz4-dev libsasl2-dev

as_root mkdir -p "$cache"
as_root chown "$(id -u):$(id -g)" "$cache"
src="$cache/librdkafka-$SOURCE_VERSION"
if [[ ! -f "$src/.built" ]]; then
  if [[ ! -f "$cache/librdkafka_$SOURCE_VERSION.orig.tar.gz" ]]; then
    mirror="$(apt_mirror)"
    mkdir -p "$cache/apt/lists/partial"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
      >"$cache/apt/sources.list"
    apt_opts=(-o "Dir::Etc::sourcelist=$cache/apt/sources.list" -o Dir::Etc::sourceparts=/dev/null
      -o "Dir::State::Lists=$cache/apt/lists")
    as_root apt-get update -q "${apt_opts[@]}"
    (cd "$cache" && as_root apt-get source --download-only -q "${apt_opts[@]}" "librdkafka=$SOURCE_VERSION-1")
  fi
  rm -rf "$src"
  tar -xzf "$cache/librdkafka_$SOURCE_VERSION.orig.tar.gz" -C "$cache"
  (cd "$src" && ./configure --prefix=/usr/local --disable-gssapi >/dev/null \
    && make -j"$(nproc)" libs >/dev/null)
  touch "$src/.built"
fi
(cd "$src" && as_root make -C src install >/dev/null)  # the C library only; we do not use librdkafka++
as_root ldconfig
installed="$(pkg-config --modversion rdkafka)"
version_ok "$installed" || die "librdkafka $installed was installed, but $WANT_MAJOR.$WANT_MINOR or newer is needed"
log "librdkafka $installed installed into /usr/local"
