#!/usr/bin/env bash
# Runs every test: the doctest unit and integration tests through ctest, the
# browser and HTML-checker tests on the example site, the whole suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer, and each fuzzer for a
# bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tests/herald_tests ] || { echo "run scripts/install.sh first" >&2; exit 2; }
ninja -C build herald herald_tests
ctest --test-dir build --output-on-failure -j "$(nproc)"

# In a real browser and the Nu HTML Checker: every page type of the example site.
bash tests/browser/run.sh

# The suite again under ASan and UBSan, in build-sanitize/.
bash tests/sanitize.sh

# libFuzzer harnesses, each for a bounded time, seeded with the example site.
bash fuzz/run.sh
