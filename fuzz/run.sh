#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang-14 (into build-fuzz/, or
# HERALD_FUZZ_BUILD_DIR) and runs each for FUZZ_SECONDS (default 30) on a copy
# of its seed corpus (fuzz/corpus/<name>/ and fuzz/regressions/<name>/).
# Fails if any fuzzer finds a crash, a leak, undefined behaviour, a hang or
# runs out of memory, and prints the path of the input that did it.
#
#   fuzz/run.sh                 every harness
#   fuzz/run.sh markdown        only fuzz/markdown_fuzzer.cc
#   FUZZ_SECONDS=600 fuzz/run.sh contacts
#   FUZZ_SECONDS=0 fuzz/run.sh  the seeds and regressions only
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath -m "${HERALD_FUZZ_BUILD_DIR:-build-fuzz}")
seconds=${FUZZ_SECONDS:-30}
names=(front_matter markdown contacts config briefing)
[ $# -eq 0 ] || names=("$@")

CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DHERALD_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j "${HERALD_JOBS:-2}" "${names[@]/%/_fuzzer}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# FUZZ_SECONDS=0 only runs the seeds and regressions through each harness.
limit=(-max_total_time="$seconds")
[ "$seconds" -eq 0 ] && limit=(-runs=0)
failed=()
for name in "${names[@]}"; do
  corpus="$work/$name"
  mkdir -p "$corpus"
  cp "fuzz/corpus/$name/"* "$corpus/"
  [ -d "fuzz/regressions/$name" ] && cp "fuzz/regressions/$name/"* "$corpus/" 2>/dev/null || true
  # Crash inputs are kept in the build folder, after the corpus copy is gone.
  artifacts="$build/fuzz-artifacts/$name"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  log="$build/fuzz-$name.log"
  dict=()
  [ -f "fuzz/dict/$name.dict" ] && dict=("-dict=fuzz/dict/$name.dict")
  if [ "$seconds" -eq 0 ]; then echo "fuzz: $name, seeds only"; else echo "fuzz: $name for ${seconds}s"; fi
  status=0
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is out of memory.
  "$build/fuzz/${name}_fuzzer" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 "${dict[@]}" -artifact_prefix="$artifacts/" \
    "$corpus" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || compgen -G "$artifacts/*" >/dev/null; then
    tail -n 40 "$log"
    echo "fuzz: $name FAILED (exit $status); log $log" >&2
    for input in "$artifacts"/*; do [ -e "$input" ] && echo "fuzz: crash input: $input" >&2; done
    failed+=("$name")
  else
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $name: ${runs:-?} inputs, no crash"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  echo "fuzz: replay one with $build/fuzz/<name>_fuzzer <input>; once fixed, copy the input into fuzz/regressions/<name>/" >&2
  exit 1
fi
echo "fuzz: no crash in ${names[*]}"
