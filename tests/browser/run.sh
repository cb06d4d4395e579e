#!/usr/bin/env bash
# Builds the example site into a temporary folder and checks it in Debian's
# chromium (playwright-core) and with the Nu HTML Checker.
set -euo pipefail
cd "$(dirname "$0")/../.."
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
./build/herald build --out "$site/public" --now 2026-11-24T12:00:00 2>/dev/null
node tests/browser/embed.mjs "$site/public"
