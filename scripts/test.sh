#!/usr/bin/env bash
# Runs every test: the doctest unit and integration tests through ctest, the
# GitHub Actions workflows through actionlint, the Debian package installed on
# a clean Debian 12, the browser and HTML-checker tests on the example site,
# the whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer,
# and each fuzzer for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tests/herald_tests ] || { echo "run scripts/install.sh first" >&2; exit 2; }
ninja -C build herald herald_tests
ctest --test-dir build --output-on-failure -j "$(nproc)"

# Every workflow: herald's own, and any herald init gives a site.
node tests/workflows/actionlint.mjs

# The Debian package, made from build/, installed on a clean Debian 12 made
# with mmdebstrap, where it publishes a small site (docs/packaging.md).
bash scripts/package.sh
if [ "$(id -u)" -eq 0 ]; then
  bash tests/package/clean_machine.sh
else
  echo "test: SKIPPED the package on a clean Debian 12 (tests/package/clean_machine.sh): mmdebstrap and chroot need root"
fi

# In a real browser and the Nu HTML Checker: every page type of the example site.
bash tests/browser/run.sh

# The suite again under ASan and UBSan, in build-sanitize/.
bash tests/sanitize.sh

# libFuzzer harnesses, each for a bounded time, seeded with the example site.
bash fuzz/run.sh
