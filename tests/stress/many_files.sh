#!/usr/bin/env bash
# Opt-in stress test (not part of scripts/test.sh: it takes minutes): a site
# with N tiny Markdown pages (default 100,000) and N/10 tiny static files,
# committed, built, and every page checked to be there. Prints the build's
# time and peak memory. Runs on tmpfs (/dev/shm) when there is one.
#
# Usage: tests/stress/many_files.sh [N]      HERALD=path picks the binary (default build/herald)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"
herald="$(realpath "${HERALD:-build/herald}")"
[ -x "$herald" ] || { echo "no herald at $herald: run scripts/install.sh first, or set HERALD" >&2; exit 2; }
base=/dev/shm; [ -d "$base" ] || base="${TMPDIR:-/tmp}"
work="$(mktemp -d "$base/herald-stress-XXXXXX")"
trap 'rm -rf "$work"' EXIT
site="$work/site"

echo "stress: writing $n pages and $((n / 10)) static files"
python3 - "$site" "$n" <<'PY'
import os, sys
site, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{site}/content/pages", exist_ok=True)
with open(f"{site}/herald.yaml", "w") as f:
    f.write('title: Stress Partnership\nbase_url: "https://stress.example/"\nlanguage: en-GB\n')
for i in range(n):  # one folder: pages are content/pages/<slug>.md
    with open(f"{site}/content/pages/page-{i}.md", "w") as f:
        f.write(f"---\ntitle: Page {i}\npdf: false\n---\n\nTiny page {i}.\n")
for i in range(n // 10):
    d = f"{site}/static/files/s{i // 1000}"
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    with open(f"{d}/file-{i}.txt", "w") as f:
        f.write(f"static {i}\n")
PY
git -C "$site" init -q
git -C "$site" add -A
git -C "$site" -c user.name=stress -c user.email=stress@stress.example commit -qm "many files"

echo "stress: building"
export HERALD_PAGEFIND=none
status=0
/usr/bin/time -f "stress: %e s, %M KB peak" "$herald" build --repo "$site" --out "$work/public" \
  --now 2026-01-01T12:00:00 2>"$work/err" || status=$?
grep -v '^  ' "$work/err" | tail -n 5
[ "$status" -eq 0 ] || { echo "stress: FAILED: herald exited with $status" >&2; exit 1; }

pages=$(find "$work/public" -maxdepth 2 -path '*/page-*/index.html' | wc -l)
files=$(find "$work/public/files" -name 'file-*.txt' | wc -l)
echo "stress: $pages of $n pages and $files of $((n / 10)) static files written"
[ "$pages" -eq "$n" ] && [ "$files" -eq $((n / 10)) ] || { echo "stress: FAILED: output missing" >&2; exit 1; }
grep -q "Tiny page $((n - 1))." "$work/public/page-$((n - 1))/index.html" ||
  { echo "stress: FAILED: the last page's text is not in its page" >&2; exit 1; }
echo "stress: passed"
