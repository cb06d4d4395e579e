#!/usr/bin/env bash
# Runs every test: the doctest unit and integration tests through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/herald_tests ] || [ -x build/tests/herald_tests ] || { echo "run scripts/install.sh first" >&2; exit 2; }
ninja -C build herald herald_tests
ctest --test-dir build --output-on-failure -j "$(nproc)"
