#!/usr/bin/env bash
# Builds the example site (with its search index) into a temporary folder and
# checks it with real clients: every page in Debian's chromium with axe-core
# (playwright-core), the embed in a partner's intranet page, the Welsh and
# English pages' language switch and search, every
# newsletter's email edition (email.html) at 600 and 320 pixels wide, and
# every page and email edition with the Nu HTML Checker. Screenshots of each
# page type and email edition are kept in test-results/screenshots/ to look at.
set -euo pipefail
cd "$(dirname "$0")/../.."
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
./build/herald build --out "$site/public" --now 2026-11-24T12:00:00 2>/dev/null
node tests/browser/a11y.mjs "$site/public" test-results/screenshots
node tests/browser/embed.mjs "$site/public"
node tests/browser/languages.mjs "$site/public"
node tests/browser/email.mjs "$site/public" "$(sed -n 's/^base_url: *//p' herald.yaml)" test-results/screenshots
# The email editions' unsubscribe link is the mailing tool's merge tag
# (*|UNSUB|*), which the tool replaces with an address when it sends: the
# checker's only complaint about it is left out.
echo "vnu: checking every HTML page and email edition"
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html \
  --filterpattern '.*Bad value “\*\|[A-Za-z0-9_:.-]+\|\*” for attribute “href”.*' "$site/public"
echo "vnu: no errors"
