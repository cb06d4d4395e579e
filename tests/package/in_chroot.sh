#!/usr/bin/env bash
# Run by tests/package/clean_machine.sh inside the clean Debian 12, as root,
# once the package is installed: makes a site with `herald init --example`,
# commits it, publishes it with `herald build`, and checks what was written.
# Any miss stops it with a message and exit status 1.
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
for f in /usr/lib/herald/herald-pdf.so /usr/lib/herald/herald-network.so /usr/lib/herald/pagefind /usr/share/doc/herald/copyright \
         /usr/share/doc/herald/pagefind/LICENSE; do
  [ -s "$f" ] || fail "the package did not install $f"
done
# git came in as a dependency of herald's (the system had no git before).
command -v git >/dev/null || fail "git was not installed with herald"
apt-mark showauto git | grep -qx git || fail "git is installed, but not as a dependency of herald"

git config --global user.name "Clean Machine"
git config --global user.email "clean-machine@testshire.example"
git config --global init.defaultBranch main

# ---- A site of its own, as a partnership starts one ------------------------
herald init site --title "Testshire Safeguarding Partnership" \
  --base-url https://safeguarding.testshire.example/ --example </dev/null
cd site
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

# The network module loads (this machine has no network: each link to
# another site is a warning, and the check still ends well).
set +e
herald check --external 2> external.err
status=$?
set -e
[ "$status" -eq 0 ] || { cat external.err >&2; fail "herald check --external exited with $status"; }
grep -q 'links to other sites checked' external.err || { cat external.err >&2; fail "herald check --external did not check"; }

# The newsletter by email: its edition is built, and `herald email` loads the
# network module to send it (nothing listens on port 1: a clear refusal).
cat >> herald.yaml <<'YAML'
email:
  from: "Testshire Safeguarding Partnership <newsletter@testshire.example>"
  unsubscribe: "*|UNSUB|*"
YAML
git commit -q -am "The newsletter by email"
herald build 2> build.err || { cat build.err >&2; fail "herald build with email: failed"; }
editions=(public/newsletters/*/email.html)
[ -s "${editions[0]}" ] || fail "no email edition of a newsletter"
slug=$(basename "$(dirname "${editions[0]}")")
[ -s "public/newsletters/$slug/$slug.eml" ] || fail "no public/newsletters/$slug/$slug.eml"
set +e
herald email "$slug" --to proof@testshire.example --smtp smtp://127.0.0.1:1 2> email.err
status=$?
set -e
[ "$status" -eq 2 ] || { cat email.err >&2; fail "herald email to a closed port exited with $status, not 2"; }
grep -q 'could not reach the mail server at smtp://127.0.0.1:1' email.err || { cat email.err >&2; fail "herald email did not say why"; }

echo "clean machine: herald $version published $(find public -name index.html | wc -l) pages and $pdfs print PDFs, with a search index"
