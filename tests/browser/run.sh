#!/usr/bin/env bash
# Builds the example site (with its search index) into a temporary folder and
# checks it with real clients: every page in Debian's chromium with axe-core
# (playwright-core), the embed in a partner's intranet page, and every page
# with the Nu HTML Checker. Screenshots of each page type are kept in
# test-results/screenshots/ to look at.
set -euo pipefail
cd "$(dirname "$0")/../.."
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
./build/herald build --out "$site/public" --now 2026-11-24T12:00:00 2>/dev/null
node tests/browser/a11y.mjs "$site/public" test-results/screenshots
node tests/browser/embed.mjs "$site/public"
echo "vnu: checking every HTML page"
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$site/public"
echo "vnu: no errors"
