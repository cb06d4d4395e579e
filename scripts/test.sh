#!/usr/bin/env bash
# Runs every test: the doctest unit and integration tests through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/herald_tests ] || [ -x build/tests/herald_tests ] || { echo "run scripts/install.sh first" >&2; exit 2; }
ninja -C build herald herald_tests
ctest --test-dir build --output-on-failure -j "$(nproc)"

# In a real browser: the example site, embedded in a partner's page.
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
./build/herald build --out "$site/public" --now 2026-11-24T12:00:00 2>/dev/null
node tests/browser/embed.mjs "$site/public"
