#!/usr/bin/env bash
# Builds the same corpus with herald, Hugo, Jekyll and Eleventy, side by side on
# tmpfs: clean (cold) builds timed with hyperfine, the pages each tool wrote, CPU
# time and peak memory, then a warm rebuild after a commit that changes one page.
#
# Usage: bench/run.sh [SIZES...]            (default: 1000 10000)
# Environment:
#   HERALD=PATH        the herald binary, absolute or from the repository's root (default: build/herald)
#   TOOLS="..."        the tools to run (default: herald hugo jekyll eleventy)
#   JEKYLL_MAX=N       skip Jekyll above N pages (default 1000: at 10,000 one build takes minutes)
#   ELEVENTY_MAX=N     skip Eleventy above N pages (default 10000)
#   RUNS=N             timed runs per build (default: by the length of one build, 5 down to 1)
#   WARM=0             skip the warm rebuilds
#   WORK=DIR           where the corpora and outputs go (default /dev/shm/herald-bench: tmpfs)
#   HISTORY=N          N more commits in herald's copy of the corpus, each changing one page
#                      (default 0): herald walks the whole history on a cold build
#   SHAPE="..."        the corpora (default: "standard long", both in one run): standard
#                      (about 3.6 KB a page) and long (about 7.5 KB, three in four with a
#                      table, nested front matter)
#   CMARK=0            skip cmark-gfm alone on herald's corpus (its pages' Markdown bodies,
#                      one file, parsed and rendered by Debian's cmark-gfm: the floor under
#                      herald's own parsing)
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$(pwd)/bench"
read -r -a tools <<<"${TOOLS:-herald hugo jekyll eleventy}"
jekyll_max="${JEKYLL_MAX:-1000}"
eleventy_max="${ELEVENTY_MAX:-10000}"
work="${WORK:-/dev/shm/herald-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
read -r -a shapes <<<"${SHAPE:-standard long}"
wants() { [[ " ${tools[*]} " == *" $1 "* ]]; }
cmark=0; if wants herald && [ "${CMARK:-1}" != 0 ]; then cmark=1; fi

# ---- What the run needs --------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
wants hugo && ! command -v hugo >/dev/null && missing+=(hugo)
[ "$cmark" = 0 ] || command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
wants jekyll && ! command -v jekyll >/dev/null && missing+=(jekyll)
wants eleventy && ! command -v npm >/dev/null && missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} (Debian packages)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  }
fi
eleventy="$bench/node_modules/@11ty/eleventy/cmd.cjs"
if wants eleventy && [ ! -f "$eleventy" ]; then
  echo "installing Eleventy (npm ci --prefix bench)"
  npm ci --prefix bench --no-audit --no-fund >/dev/null
fi
herald="${HERALD:-build/herald}"
[ -x "$herald" ] || { echo "no herald at $herald: build it first (scripts/install.sh), or set HERALD" >&2; exit 2; }
herald="$(cd "$(dirname "$herald")" && pwd)/$(basename "$herald")"
# The search index is excluded, as the peers make none (Pagefind would run after the build).
export HERALD_PAGEFIND=none

# shellcheck disable=SC1091
echo "corpora: ${shapes[*]}"
echo "machine: $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GB memory; $(date -u +%Y-%m-%d)"
versions=("$("$herald" --version 2>/dev/null | head -1 || echo 'herald ?')")
if wants hugo; then versions+=("hugo $(hugo version | cut -d' ' -f2 | cut -d+ -f1)"); fi
if wants jekyll; then versions+=("$(jekyll --version)"); fi
if wants eleventy; then versions+=("eleventy $(node "$eleventy" --version) (node $(node --version))"); fi
[ "$cmark" = 0 ] || versions+=("cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $2}')")
versions+=("$(hyperfine --version)")
(IFS='|'; echo "versions: ${versions[*]}" | sed 's/|/, /g')
[ "${HISTORY:-0}" = 0 ] || echo "herald's corpus: $HISTORY more commits after the first"

mkdir -p "$work"
results="$work/results.tsv"
printf 'shape\tsize\ttool\tcold_s\tcpu_s\trss_kb\tpages\twarm_s\truns\tload\n' >"$results"
failed=0

# Commands for one tool on one corpus: its build, and what a clean build removes.
build_cmd() {  # tool dir -> the shell command of a build into dir/out-tool
  local d="$2"
  case "$1" in
    herald) echo "$herald build --repo $d/herald --out $d/out-herald --now 2026-11-24T12:00:00" ;;
    hugo) echo "hugo --quiet --source $d/hugo --destination $d/out-hugo --cleanDestinationDir" ;;
    jekyll) echo "jekyll build --quiet --source $d/jekyll --destination $d/out-jekyll" ;;
    eleventy) echo "cd $d/eleventy && node $eleventy --quiet --output $d/out-eleventy >/dev/null" ;;
  esac
}
clean_cmd() {
  local d="$2"
  case "$1" in
    herald) echo "rm -rf $d/out-herald $d/herald/.herald-cache" ;;
    hugo) echo "rm -rf $d/out-hugo $d/hugo/resources" ;;
    jekyll) echo "rm -rf $d/out-jekyll $d/jekyll/.jekyll-cache $d/jekyll/.jekyll-metadata" ;;
    eleventy) echo "rm -rf $d/out-eleventy $d/eleventy/.cache" ;;
  esac
}
# Fewer runs for slow builds: 5 under 2 s, 3 under 20 s, 2 under 150 s, else 1.
runs_for() {
  [ -n "${RUNS:-}" ] && { echo "$RUNS"; return; }
  python3 -c "t=float('$1'); print(10 if t < 0.5 else 5 if t < 2 else 3 if t < 20 else 2 if t < 150 else 1)"
}
# Content pages written: one index.html per briefing, newsletter and chapter.
count_pages() {
  find "$1" -name index.html -print 2>/dev/null | grep -Ec '/(briefing|newsletter|chapter)-[0-9]+/index\.html$' || true
}

# cmark-gfm alone: every content page's Markdown body (front matter removed),
# in one file, parsed and rendered with the extensions herald turns on.
cmark_cmd() { echo "cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist -e tagfilter $1/bodies.md >/dev/null"; }
write_bodies() {
  python3 - "$1/herald/content" "$1/bodies.md" <<'PY'
import os, sys
with open(sys.argv[2], "w") as out:
    for root, _, files in sorted(os.walk(sys.argv[1])):
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("_"):
                text = open(os.path.join(root, name)).read()
                if text.startswith("---\n"):
                    text = text[text.index("\n---\n", 4) + 5:]
                out.write(text + "\n\n")
PY
}

for shape in "${shapes[@]}"; do
export SHAPE="$shape"
for n in "${sizes[@]}"; do
  run=()
  for tool in "${tools[@]}"; do
    if [ "$tool" = jekyll ] && [ "$n" -gt "$jekyll_max" ]; then
      echo "== $n pages: Jekyll SKIPPED (above JEKYLL_MAX=$jekyll_max pages; set JEKYLL_MAX=$n to include it)"
    elif [ "$tool" = eleventy ] && [ "$n" -gt "$eleventy_max" ]; then
      echo "== $n pages: Eleventy SKIPPED (above ELEVENTY_MAX=$eleventy_max pages; set ELEVENTY_MAX=$n to include it)"
    else run+=("$tool"); fi
  done
  d="$work/$shape-$n"
  rm -rf "$d"
  python3 bench/corpus/generate.py "$n" "$d" "${run[@]}"
  for tool in "${run[@]}"; do
    # The machine's load (1-minute average) before and after: other work on it slows every figure.
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    echo "== $n pages, $tool: cold build (load average $load_before)"
    # One build under /usr/bin/time: peak RSS, and how many runs the length allows.
    eval "$(clean_cmd "$tool" "$d")"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$d/time-$tool" bash -c "$(build_cmd "$tool" "$d")" >"$d/log-$tool" 2>&1; then
      echo "FAILED: $tool did not build $n pages; see $d/log-$tool"; tail -5 "$d/log-$tool"; failed=1; continue
    fi
    read -r wall _ _ rss <"$d/time-$tool"
    r=$(runs_for "$wall")
    warmup=1; [ "$r" -ge 3 ] || warmup=0   # the build above already warmed the page cache
    hyperfine --style basic --warmup "$warmup" --runs "$r" --export-json "$d/cold-$tool.json" \
      --prepare "$(clean_cmd "$tool" "$d")" -n "$tool" "$(build_cmd "$tool" "$d")" | grep -E 'Time|Range' || true
    pages=$(count_pages "$d/out-$tool")
    echo "pages written: $pages of $n"
    [ "$pages" -eq "$n" ] || { echo "FAILED: $tool wrote $pages content pages, expected $n"; failed=1; }
    warm=""
    wr=0
    if [ "${WARM:-1}" != 0 ]; then
      what="a one-page change"; [ "$tool" != herald ] || what="a commit that changes one page"
      echo "== $n pages, $tool: warm rebuild into the same output after $what"
      # One warm rebuild first, to choose how many runs its length allows (a
      # quick one gets more: the host's noise is large against it).
      python3 bench/corpus/generate.py --edit "$d" "$tool" >/dev/null
      /usr/bin/time -f '%e' -o "$d/warm-time-$tool" bash -c "$(build_cmd "$tool" "$d")" >/dev/null 2>&1 || true
      wr=$(runs_for "$(cat "$d/warm-time-$tool")")
      hyperfine --style basic --warmup "$warmup" --runs "$wr" --export-json "$d/warm-$tool.json" \
        --prepare "python3 bench/corpus/generate.py --edit $d $tool" -n "$tool" "$(build_cmd "$tool" "$d")" | grep -E 'Time|Range' || true
      # The changed page must really be rebuilt: its last revision note is in the output.
      slug=$(python3 -c "import sys; sys.path.insert(0, 'bench/corpus'); import generate; print(generate.edited_page($n)[1])")
      src=$(grep -rl --include="$slug.md" "Revision note" "$d/$tool" | head -1)
      last=$(grep -c "Revision note" "$src")
      out=$(find "$d/out-$tool" -path "*/$slug/index.html" | head -1)
      if grep -q "Revision note $last:" "$out"; then warm=$(python3 -c "import json; print(json.load(open('$d/warm-$tool.json'))['results'][0]['median'])")
      else echo "FAILED: $tool's warm rebuild did not publish the change to $slug"; failed=1; fi
    fi
    load="$load_before–$(cut -d' ' -f1 /proc/loadavg)"
    python3 - "$d/cold-$tool.json" "$shape" "$n" "$tool" "$rss" "$pages" "$warm" "$r/$wr" "$load" >>"$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
shape, n, tool, rss, pages, warm, runs, load = sys.argv[2:]
print(f"{shape}\t{n}\t{tool}\t{r['median']:.4f}\t{r['user'] + r['system']:.3f}\t{rss}\t{pages}\t{warm}\t{runs}\t{load}")
PY
  done
  if [ "$cmark" = 1 ] && [ -d "$d/herald" ]; then
    write_bodies "$d"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    echo "== $n pages ($(du -m "$d/bodies.md" | cut -f1) MB of Markdown), cmark-gfm alone (load average $load_before)"
    /usr/bin/time -f '%e %U %S %M' -o "$d/time-cmark" bash -c "$(cmark_cmd "$d")"
    read -r wall _ _ rss <"$d/time-cmark"
    r=$(runs_for "$wall")
    hyperfine --style basic --warmup 1 --runs "$r" --export-json "$d/cold-cmark.json" -n cmark-gfm "$(cmark_cmd "$d")" | grep -E 'Time|Range' || true
    load="$load_before–$(cut -d' ' -f1 /proc/loadavg)"
    python3 - "$d/cold-cmark.json" "$shape" "$n" cmark "$rss" "$n" "" "$r/0" "$load" >>"$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
shape, n, tool, rss, pages, warm, runs, load = sys.argv[2:]
print(f"{shape}\t{n}\t{tool}\t{r['median']:.4f}\t{r['user'] + r['system']:.3f}\t{rss}\t{pages}\t{warm}\t{runs}\t{load}")
PY
  fi
done
done

# ---- The comparison -------------------------------------------------------------
python3 - "$results" <<'PY' | tee "$work/results.md"
import sys
from collections import defaultdict
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
by = defaultdict(dict)
for shape, size, tool, cold, cpu, rss, pages, warm, runs, load in rows:
    by[(shape, int(size))][tool] = dict(cold=float(cold), cpu=float(cpu), rss=int(rss) / 1024, pages=int(pages),
                               warm=float(warm) if warm else None, runs=", ".join(x for x in runs.split("/") if x != "0"), load=load)
names = {"herald": "herald", "hugo": "Hugo", "jekyll": "Jekyll", "eleventy": "Eleventy", "cmark": "cmark-gfm alone"}
print("\n## Cold builds (median of the timed runs; CPU = user + system, mean; load = the machine's")
print("## 1-minute load average before and after the tool's runs: the builds use up to 2 CPUs, so much above 2 means other work competed)\n")
print("| corpus | pages | tool | median | ms/page | CPU | peak RSS | time / herald's | herald's RSS / tool's | warm rebuild (% of cold) | runs (cold, warm) | load |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for shape, size in sorted(by, key=lambda k: (k[0] != "standard", k[1])):
    h = by[(shape, size)].get("herald")
    for tool in ("herald", "hugo", "jekyll", "eleventy", "cmark"):
        r = by[(shape, size)].get(tool)
        if not r:
            continue
        ratio = f"{r['cold'] / h['cold']:.2f}×" if h and tool != "herald" else "—"
        mem = f"{100 * h['rss'] / r['rss']:.0f}%" if h and tool not in ("herald", "cmark") else "—"
        warm = f"{r['warm']:.3f} s ({100 * r['warm'] / r['cold']:.1f}%)" if r["warm"] is not None else "—"
        print(f"| {shape} | {size:,} | {names[tool]} | {r['cold']:.3f} s | {1000 * r['cold'] / size:.3f} | {r['cpu']:.2f} s "
              f"| {r['rss']:,.0f} MB | {ratio} | {mem} | {warm} | {r['runs']} | {r['load']} |")
cmarks = [(k, v) for k, v in sorted(by.items()) if "cmark" in v and "herald" in v]
if cmarks:
    print("\n## herald against cmark-gfm alone on the same Markdown (CPU: herald's user + system on both cores against cmark-gfm's one)\n")
    print("| corpus | pages | herald CPU | cmark-gfm CPU | herald / cmark-gfm |")
    print("|---|---:|---:|---:|---:|")
    for (shape, size), v in cmarks:
        print(f"| {shape} | {size:,} | {v['herald']['cpu']:.2f} s | {v['cmark']['cpu']:.2f} s | {v['herald']['cpu'] / v['cmark']['cpu']:.2f}× |")
for shape in sorted({k[0] for k in by}, key=lambda s: s != "standard"):
    sizes = sorted(s for sh, s in by if sh == shape)
    if len(sizes) < 2:
        continue
    print(f"\n## Scaling, {shape} corpus: ms/page by size (growth of the total time against the growth of pages)\n")
    print("| tool | " + " | ".join(f"{s:,}" for s in sizes) + " | time ×, pages × |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for tool in ("herald", "hugo", "jekyll", "eleventy"):
        have = [s for s in sizes if tool in by[(shape, s)]]
        if not have:
            continue
        cells = [f"{1000 * by[(shape, s)][tool]['cold'] / s:.3f}" if tool in by[(shape, s)] else "—" for s in sizes]
        growth = (f"{by[(shape, have[-1])][tool]['cold'] / by[(shape, have[0])][tool]['cold']:.1f}×, {have[-1] / have[0]:.0f}×"
                  if len(have) > 1 else "—")
        print(f"| {names[tool]} | " + " | ".join(cells) + f" | {growth} |")
PY
if [ "$failed" -ne 0 ]; then echo "some builds FAILED (above)"; exit 1; fi
