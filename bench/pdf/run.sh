#!/usr/bin/env bash
# PDF speed: herald against WeasyPrint on the same documents, with hyperfine; prints a Markdown table.
#
#   bench/pdf/run.sh            (from the repository root, after scripts/install.sh)
#
# Needs hyperfine and weasyprint (Debian: apt-get install hyperfine weasyprint),
# for the benchmark only. HERALD, BRIEFINGS, NEWSLETTERS, CHAPTERS, SAMPLE and
# RUNS override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERALD=${HERALD:-$PWD/build/herald}
BRIEFINGS=${BRIEFINGS:-300}
NEWSLETTERS=${NEWSLETTERS:-100}
CHAPTERS=${CHAPTERS:-100}
SAMPLE=${SAMPLE:-20}  # documents of each kind given to WeasyPrint
RUNS=${RUNS:-5}
JOBS=$(nproc)

for tool in hyperfine weasyprint python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/pdf: $tool is missing (apt-get install hyperfine weasyprint time)" >&2; exit 2; }
done
# Debian's weasyprint is a module of the system Python, which may not be the first python3.
weasy_python=""
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import weasyprint' 2>/dev/null; then weasy_python=$py; break; fi
done
[ -n "$weasy_python" ] || { echo "bench/pdf: no Python can import weasyprint" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total=$((BRIEFINGS + NEWSLETTERS + CHAPTERS))

echo "bench/pdf: writing two sites of $total documents (with and without PDFs)" >&2
python3 bench/pdf/make_corpus.py "$work/pdf" --briefings "$BRIEFINGS" --newsletters "$NEWSLETTERS" --chapters "$CHAPTERS"
python3 bench/pdf/make_corpus.py "$work/nopdf" --briefings "$BRIEFINGS" --newsletters "$NEWSLETTERS" --chapters "$CHAPTERS" --no-pdf

# herald: the whole build, with and without the PDFs; the difference is the
# PDFs. Cold builds: the build cache is removed before each.
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/herald.json" \
  --prepare "rm -rf $work/pdf/.herald-cache" --prepare "rm -rf $work/nopdf/.herald-cache" \
  -n "herald build, $total PDFs" "$HERALD build --repo $work/pdf --out $work/out-pdf" \
  -n "herald build, no PDFs" "$HERALD build --repo $work/nopdf --out $work/out-nopdf" >&2
rm -rf "$work/pdf/.herald-cache" "$work/nopdf/.herald-cache"
/usr/bin/time -f '%M' "$HERALD" build --repo "$work/pdf" --out "$work/out-pdf" >/dev/null 2>"$work/herald.err"
herald_rss=$(tail -1 "$work/herald.err")
/usr/bin/time -f '%M' "$HERALD" build --repo "$work/nopdf" --out "$work/out-nopdf" >/dev/null 2>"$work/herald.err"
herald_nopdf_rss=$(tail -1 "$work/herald.err")
pdfs=$(find "$work/out-pdf" -name '*.pdf' | wc -l)
# A rebuild after a commit that changes one briefing: its PDF is drawn again,
# the others come from the build cache.
edit="cd $work/pdf && printf '\\nEdited.\\n' >> content/briefings/briefing-0.md && git -c user.name=bench -c user.email=bench@bench.example commit -qam edit"
hyperfine --runs "$RUNS" --export-json "$work/warm.json" --prepare "$edit" \
  -n "herald rebuild after a one-briefing commit" "$HERALD build --repo $work/pdf --out $work/out-pdf" >&2
grep -q "Edited." "$work/out-pdf/briefings/briefing-0/index.html" || { echo "bench/pdf: the edit is not in the rebuilt page" >&2; exit 1; }

# WeasyPrint: the same documents, as herald's HTML pages with the theme's CSS,
# one process per core.
files=()
for kind in briefings/briefing newsletters/issue procedures/children/chapter; do
  for i in $(seq 0 $((SAMPLE - 1))); do files+=("$work/out-pdf/$kind-$i/index.html"); done
done
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/weasy.json" \
  -n "weasyprint, ${#files[@]} PDFs" "$weasy_python bench/pdf/weasy_batch.py --jobs $JOBS $work/weasy ${files[*]}" >&2
/usr/bin/time -f '%M' "$weasy_python" bench/pdf/weasy_batch.py --jobs "$JOBS" "$work/weasy" "${files[@]}" 2>"$work/weasy.err" >/dev/null
weasy_rss=$(tail -1 "$work/weasy.err")

python3 - "$work" "$total" "${#files[@]}" "$pdfs" "$herald_rss" "$herald_nopdf_rss" "$weasy_rss" "$JOBS" <<'PY'
import json, sys
work, total, sample, pdfs, herald_rss, herald_nopdf_rss, weasy_rss, jobs = sys.argv[1:]
h = json.load(open(f"{work}/herald.json"))["results"]
warm = json.load(open(f"{work}/warm.json"))["results"][0]
w = json.load(open(f"{work}/weasy.json"))["results"][0]
with_pdf, without = h[0]["mean"], h[1]["mean"]
per_herald = (with_pdf - without) / int(total)
per_weasy = w["mean"] / int(sample)
print(f"| | documents | wall time | per document | peak memory |")
print(f"|---|---:|---:|---:|---:|")
print(f"| herald build with PDFs ({jobs} threads) | {pdfs} | {with_pdf:.2f} s ± {h[0]['stddev']:.2f} | | {int(herald_rss) / 1024:.0f} MB |")
print(f"| herald build without PDFs | 0 | {without:.2f} s ± {h[1]['stddev']:.2f} | | {int(herald_nopdf_rss) / 1024:.0f} MB |")
print(f"| **herald PDFs** (difference) | {total} | {with_pdf - without:.2f} s | **{per_herald * 1000:.1f} ms** | |")
print(f"| herald rebuild after a one-briefing commit (the other PDFs from the build cache) | 1 | {warm['mean']:.2f} s ± {warm['stddev']:.2f} | | |")
print(f"| WeasyPrint 57 ({jobs} processes) | {sample} | {w['mean']:.2f} s ± {w['stddev']:.2f} | **{per_weasy * 1000:.0f} ms** | {int(weasy_rss) / 1024:.0f} MB (largest process) |")
print(f"\nherald is {per_weasy / per_herald:.0f}x faster per document; the rebuild takes "
      f"{100 * warm['mean'] / with_pdf:.0f}% of the cold build with PDFs.")
PY
