#!/usr/bin/env bash
# The whole ctest suite under AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer: herald and herald_tests built with g++ and
# HERALD_SANITIZE=ON into build-sanitize/ (or HERALD_SANITIZE_BUILD_DIR).
# Fails if a test fails or any sanitized process, the herald binary the
# integration tests start included, reports a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath -m "${HERALD_SANITIZE_BUILD_DIR:-build-sanitize}")

CC=gcc CXX=g++ cmake -S . -B "$build" -G Ninja -DHERALD_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j "${HERALD_JOBS:-2}" herald herald_tests

# Every report goes to a file as well as failing its process, with an exit
# status (86) no test expects of herald: a test that only checks for "exit 1"
# or a process whose status nobody reads cannot hide a finding.
reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="detect_leaks=1:exitcode=86:log_path=$reports/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$reports/ubsan"
# Leaks inside system libraries that are theirs, not herald's (see the file).
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" || status=$?

if compgen -G "$reports/*" >/dev/null; then
  for report in "$reports"/*; do
    echo "== $report" >&2
    head -n 60 "$report" >&2
  done
  echo "sanitize: the sanitizers reported the problems above" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "sanitize: every test passed under ASan and UBSan"
exit "$status"
