#!/usr/bin/env bash
# Installs everything herald needs on Debian 12, builds it, and publishes the
# example site into public/. Quick when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: the build toolchain, the libraries herald links, and the
# tools the tests use to check its output with real clients (chromium for the
# browser tests, Java for the Nu HTML Checker, clang for the libFuzzer
# harnesses; the sanitizer build uses g++; a local SMTP server for the tests
# of `herald email`), and tcmalloc, herald's allocator.
# scripts/package.sh makes the Debian package with CPack (dpkg-dev's
# dpkg-shlibdeps, file) and help2man; mmdebstrap makes the clean Debian 12
# the package is tested on.
packages=(
  g++ cmake ninja-build pkg-config git tzdata ca-certificates
  libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libtinyxml2-dev
  libyaml-cpp-dev libyaml-dev libkainjow-mustache-dev libfmt-dev libcli11-dev doctest-dev
  libcpp-httplib-dev libpango1.0-dev libcairo2-dev libqpdf-dev librsvg2-dev fonts-dejavu-core
  libcurl4-openssl-dev
  python3 python3-feedparser python3-icalendar python3-aiosmtpd libxml2-utils poppler-utils qpdf
  libgoogle-perftools-dev libxxhash-dev chromium openjdk-17-jre-headless
  clang clang-14 libclang-rt-14-dev
  dpkg-dev file help2man mmdebstrap
)
# Node.js runs the browser tests (playwright-core drives Debian's chromium).
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages from the committed lock file (theme sources and browser-test tools).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi

# Build herald (Release, with debug info) into build/.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build herald herald_tests

# Publish the example site: the content committed at HEAD of this repository.
./build/herald build
echo
echo "The example site is in public/. To browse it, run:"
echo "    python3 -m http.server --directory public 8000"
echo "and open http://127.0.0.1:8000/ in a browser."
