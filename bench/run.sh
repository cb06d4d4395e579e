#!/usr/bin/env bash
# Builds the same corpus with herald and Hugo, side by side with hyperfine, on tmpfs.
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null && command -v hyperfine >/dev/null || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq hugo hyperfine >/dev/null
}
[ -x build/herald ] || { echo "build herald first: scripts/install.sh" >&2; exit 2; }
herald="$(pwd)/build/herald"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=/dev/shm/herald-bench
for n in "${sizes[@]}"; do
  rm -rf "$work/$n"
  python3 bench/corpus/generate.py "$n" "$work/$n"
  echo "== $n pages"
  hyperfine --warmup 1 --runs 5 --export-json "$work/$n/result.json" \
    -n herald "$herald build --repo $work/$n/herald --out $work/$n/out-herald --now 2026-11-24T12:00:00" \
    -n hugo "hugo --quiet --source $work/$n/hugo --destination $work/$n/out-hugo --cleanDestinationDir"
  # Every tool must really have written every page.
  herald_pages=$(find "$work/$n/out-herald" -path '*/briefings/*/index.html' -o -path '*/newsletters/*/index.html' -o -path '*/procedures/manual/*/index.html' | grep -vc '/review-type/' || true)
  hugo_pages=$(find "$work/$n/out-hugo" -path '*/briefings/*/index.html' -o -path '*/newsletters/*/index.html' -o -path '*/procedures/*/index.html' | wc -l)
  echo "pages written: herald $herald_pages, hugo $hugo_pages (expected $n + list pages)"
  for tool in herald hugo; do
    if [ "$tool" = herald ]; then cmd=("$herald" build --repo "$work/$n/herald" --out "$work/$n/out-herald" --now 2026-11-24T12:00:00)
    else cmd=(hugo --quiet --source "$work/$n/hugo" --destination "$work/$n/out-hugo" --cleanDestinationDir); fi
    /usr/bin/time -f "$tool peak RSS: %M KB, CPU: %U s user + %S s sys" "${cmd[@]}" 2>&1 >/dev/null | grep "peak RSS"
  done
  python3 - "$work/$n/result.json" "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
h, g = r["herald"]["median"], r["hugo"]["median"]
print(f"median: herald {h:.3f} s ({1000*h/n:.3f} ms/page), hugo {g:.3f} s ({1000*g/n:.3f} ms/page); hugo/herald = {g/h:.2f}x")
PY
done
