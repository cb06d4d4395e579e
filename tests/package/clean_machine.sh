#!/usr/bin/env bash
# Installs the Debian package on a clean, minimal Debian 12 and publishes a
# small site with it: mmdebstrap makes the system (Essential packages and apt
# only), `apt-get install ./herald_*.deb` brings herald and what it depends
# on (nothing recommended), and tests/package/in_chroot.sh builds the site
# there and checks pages, PDFs and the search index. Needs root (mmdebstrap
# and chroot); scripts/test.sh runs it after scripts/package.sh.
#   tests/package/clean_machine.sh [dist/herald_<version>_<arch>.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" -ne 0 ]; then
  echo "clean_machine: needs root (mmdebstrap and chroot)" >&2
  exit 2
fi
version=$(build/herald --version)
version=${version#herald }
deb=${1:-dist/herald_${version}_$(dpkg --print-architecture).deb}
[ -f "$deb" ] || { echo "clean_machine: $deb is missing: run scripts/package.sh" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "clean_machine: mmdebstrap is missing: run scripts/install.sh" >&2; exit 2; }

# The machine's own Debian 12 sources when it has them (its mirror), else
# mmdebstrap's default mirror for bookworm with its updates and security.
mirror=()
if grep -qs '^Suites:.*bookworm' /etc/apt/sources.list.d/debian.sources; then
  mirror=(/etc/apt/sources.list.d/debian.sources)
fi

# In memory when there is room (about 400 MB), else in $TMPDIR or /tmp.
parent=${TMPDIR:-/tmp}
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] &&
   [ "$(df --output=avail -k /dev/shm | tail -1)" -gt $((2 * 1024 * 1024)) ]; then
  parent=/dev/shm
fi
root=$(mktemp -d "$parent/herald-clean-machine.XXXXXX")
# mmdebstrap unmounts what it mounted before it returns, even on failure;
# --one-file-system keeps rm inside the chroot should anything be left.
trap 'rm -rf --one-file-system "$root"' EXIT

start=$(date +%s)
in_chroot=(chroot '"$1"' env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin)
mmdebstrap --mode=root --variant=apt --quiet \
  --customize-hook="copy-in $(realpath "$deb") $PWD/tests/package/in_chroot.sh /root" \
  --customize-hook="${in_chroot[*]} DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                    /root/$(basename "$deb") >\"\$1/root/apt.log\" 2>&1 || { cat \"\$1/root/apt.log\"; exit 1; }" \
  --customize-hook="${in_chroot[*]} bash /root/in_chroot.sh '$version'" \
  bookworm "$root" "${mirror[@]}"
echo "clean_machine: herald $version installed and built a site on a clean Debian 12 in $(( $(date +%s) - start )) s"
