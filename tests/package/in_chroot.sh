#!/usr/bin/env bash
# Run by tests/package/clean_machine.sh inside the clean Debian 12, as root,
# once the package is installed: makes a small site (with `herald init` when
# herald has it), commits it, publishes it with `herald build`, and checks
# what was written. Any miss stops it with a message and exit status 1.
#   in_chroot.sh VERSION
set -euo pipefail
version=$1
fail() { echo "clean machine: FAILED: $*" >&2; exit 1; }
cd /root

# ---- The package ----------------------------------------------------------
[ "$(herald --version)" = "herald $version" ] || fail "herald --version is '$(herald --version)', not 'herald $version'"
[ "$(command -v herald)" = /usr/bin/herald ] || fail "herald is not /usr/bin/herald"
man_page=/usr/share/man/man1/herald.1.gz
[ -s "$man_page" ] && zcat "$man_page" | grep -q '^\.TH HERALD "1"' || fail "no manual page at $man_page"
for f in /usr/lib/herald/herald-pdf.so /usr/lib/herald/herald-links.so /usr/lib/herald/pagefind /usr/share/doc/herald/copyright \
         /usr/share/doc/herald/pagefind/LICENSE; do
  [ -s "$f" ] || fail "the package did not install $f"
done
# git came in as a dependency of herald's (the system had no git before).
command -v git >/dev/null || fail "git was not installed with herald"
apt-mark showauto git | grep -qx git || fail "git is installed, but not as a dependency of herald"

git config --global user.name "Clean Machine"
git config --global user.email "clean-machine@testshire.example"
git config --global init.defaultBranch main

# ---- A small site -----------------------------------------------------------
if herald init --help >/dev/null 2>&1; then
  echo "clean machine: the site from herald init --example"
  herald init site --title "Testshire Safeguarding Partnership" \
    --base-url https://safeguarding.testshire.example/ --example </dev/null
  cd site
else
  echo "clean machine: a site written by hand (this herald has no init)"
  mkdir -p site && cd site
  mkdir -p data content/newsletters content/briefings
  printf '/public/\n/.herald-cache/\n' > .gitignore
  cat > herald.yaml <<'YAML'
title: Testshire Safeguarding Partnership
base_url: https://safeguarding.testshire.example/
language: en-GB
timezone: Europe/London
description: Keeping children and adults in Testshire safe.
brand_colour: "#1d5b79"
YAML
  cat > data/contacts.yaml <<'YAML'
- id: emergency
  name: Emergency services
  organisation: Police, fire and ambulance
  audience: [children, adults]
  urgent: true
  phones:
    - number: "999"
      label: When someone is in immediate danger
- id: front-door
  name: Children's Front Door
  organisation: Testshire Council
  audience: [children]
  urgent: true
  phones:
    - number: "0116 496 0123"
      label: Office hours
YAML
  cat > content/_index.md <<'MD'
---
title: Welcome
---

The Testshire Safeguarding Partnership brings together the council, the NHS and the police.
MD
  cat > content/newsletters/spring-2026.md <<'MD'
---
title: Spring 2026
date: 2026-03-16
issue: 1
series: Safeguarding Matters
---

## New procedures for referrals

The partnership has agreed how practitioners refer a concern about a child.

## Training this term

Book a place on the multi-agency training from the events page.
MD
  cat > content/briefings/neglect-and-young-carers.md <<'MD'
---
title: Neglect and young carers
date: 2026-02-02
review_type: lcspr
audience: [practitioners]
topics: [neglect]
---

What practitioners can learn from a local review about a young carer.

## 1. Purpose

Why this briefing was written.

## 2. Background

What happened in the family.

## 3. The case

Who was involved, and when.

## 4. Learning

What the review found.

## 5. Good practice

What went well.

## 6. Questions

What to ask yourself and your team.

## 7. Resources

Call the Children's Front Door on {{phone front-door}}.
MD
fi
[ -d .git ] || git init -q
git add -A
if ! git rev-parse -q --verify HEAD >/dev/null || ! git diff --cached --quiet; then
  git commit -q -m "The site"
fi

# ---- Published, with no warning -------------------------------------------
set +e
herald build 2> build.err
status=$?
set -e
cat build.err >&2
[ "$status" -eq 0 ] || fail "herald build exited with $status"
! grep -q 'warning:' build.err || fail "herald build gave warnings"

[ -s public/index.html ] || fail "no home page"
newsletters=(public/newsletters/*/index.html)
[ -s "${newsletters[0]}" ] || fail "no newsletter page"
briefings=(public/briefings/*/index.html)
[ -s "${briefings[0]}" ] || fail "no briefing page"
# Print PDFs: drawn by the module in /usr/lib/herald/, with the fonts it depends on.
pdfs=0
for section in newsletters briefings; do
  found=$(find "public/$section" -name '*.pdf' | wc -l)
  [ "$found" -gt 0 ] || fail "no print PDF in public/$section/"
  pdfs=$((pdfs + found))
done
while IFS= read -r pdf; do
  [ "$(head -c 4 "$pdf")" = "%PDF" ] || fail "$pdf is not a PDF"
done < <(find public -name '*.pdf')
# The search index: Pagefind from /usr/lib/herald/.
[ -s public/pagefind/pagefind.js ] || fail "no search index: public/pagefind/pagefind.js is missing"
[ -s public/pagefind/pagefind-entry.json ] || fail "no search index: pagefind-entry.json is missing"
ls public/pagefind/index/*.pf_index >/dev/null 2>&1 || fail "no search index: public/pagefind/index/ is empty"
grep -q '"page_count":[1-9]' public/pagefind/pagefind-entry.json || fail "the search index has no pages"

echo "clean machine: herald $version published $(find public -name index.html | wc -l) pages and $pdfs print PDFs, with a search index"
