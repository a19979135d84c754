# Shared helpers for ./run, ./test and scripts/*.sh. Source it; it defines functions only.
# shellcheck shell=bash

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Prints the Debian packages among "$@" that are not installed.
missing_debian_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

# Installs the given Debian packages that are missing; runs `apt-get update` only if needed.
ensure_debian_packages() {
  local missing
  mapfile -t missing < <(missing_debian_packages "$@")
  ((${#missing[@]} == 0)) && return 0
  [[ $EUID -eq 0 ]] || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
}

# Node.js and npm come from Debian only when the machine has none (it may have its own build).
node_packages_if_absent() {
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

# The .NET 10 SDK is not in Debian's archive: explain how to get it.
require_dotnet() {
  command -v dotnet >/dev/null && return 0
  cat >&2 <<'MSG'
error: `dotnet` (the .NET 10 SDK) is not on PATH.
Install the .NET 10 SDK (see global.json for the exact version), e.g. with Microsoft's
installer script:  https://learn.microsoft.com/dotnet/core/install/linux-scripted-manual
  ./dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
  ln -s /usr/share/dotnet/dotnet /usr/local/bin/dotnet
then rerun this script.
MSG
  exit 1
}

# Newest PostgreSQL server bin directory (/usr/lib/postgresql/<ver>/bin), or nothing.
pg_bin_dir() {
  local dirs=(/usr/lib/postgresql/*/bin) dir
  dir=$(printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1)
  [[ -x $dir/initdb ]] && echo "$dir"
}
