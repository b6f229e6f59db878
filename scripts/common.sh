# Shared by the launcher's scripts: where things live and how we talk.
# shellcheck shell=bash

FROSTER_HOME=${FROSTER_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
FROSTER_VAR=${FROSTER_VAR:-$FROSTER_HOME/var}
FROSTER_SECRETS=$FROSTER_VAR/secrets
export FROSTER_HOME FROSTER_VAR
# libtorch's OpenMP threads spin while idle by default: on a shared 2-core machine a spinning
# thread holds the core its partner needs (a training step measured 15x slower,
# docs/benchmarks.md). Passive waiting costs nothing measurable on an idle machine.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

say() { printf '\033[1mfroster:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mfroster: %s\033[0m\n' "$*" >&2; exit 1; }

# apt-get update once per launcher run, and only when something must be installed.
apt_updated=
apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root (run as root or install them yourself)"
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    apt_updated=1
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# A random secret of URL- and properties-safe characters.
random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

# Writes a file readable by its owner only, atomically.
write_private() {
  local target=$1 tmp
  tmp=$(mktemp "$target.XXXXXX")
  chmod 600 "$tmp"
  cat >"$tmp"
  mv "$tmp" "$target"
}
