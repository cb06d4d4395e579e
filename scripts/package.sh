#!/usr/bin/env bash
# Makes the Debian package dist/herald_<version>_<arch>.deb from the build
# that scripts/install.sh made in build/ (nothing is compiled again when it is
# up to date): the manual page from herald's own --help with help2man, then
# CPack's DEB generator, which strips the binaries and asks dpkg-shlibdeps
# for the libraries they need. Checks the package's contents and Depends.
# How it is laid out, tested and released: docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "package: $*" >&2; exit 1; }
[ -f build/build.ninja ] || { echo "package: run scripts/install.sh first: it builds herald into build/" >&2; exit 2; }
for tool in help2man cpack dpkg-shlibdeps dpkg-deb file gzip; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing: run scripts/install.sh" >&2; exit 2; }
done

# The build is up to date (a no-op after install.sh), and the module is made
# as herald is (the sanitizers' build links it in instead: not packaged).
grep -q '^HERALD_SANITIZE:BOOL=ON' build/CMakeCache.txt && fail "build/ is a sanitizers' build: package a plain one"
ninja -C build herald herald_pdf herald_network >/dev/null
version=$(build/herald --version)
version=${version#herald }
arch=$(dpkg --print-architecture)
deb="herald_${version}_${arch}.deb"
# Dates in the package (the manual's) come from the commit, not the clock.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

# ---- The manual page: herald --help and each command's --help ------------
# Run as `herald` from build/ so that its usage lines name it so.
mkdir -p build/package
herald_help() { PATH="$PWD/build:$PATH" herald "$@" --help; }
# Each command's help (CLI11's layout: description, usage, then two-space
# indented entries whose description starts in the 31st column or wraps to
# the next line) as roff, for help2man's COMMANDS section.
commands=$(herald_help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}')
[ -n "$commands" ] || fail "herald --help lists no commands"
{
  echo "[COMMANDS]"
  for c in $commands; do
    herald_help "$c" | awk -v cmd="$c" '
      function roff(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); sub(/^[.'"'"']/, "\\\\\\&&", s); return s }
      function flush() { if (name != "" && name != "-h,--help") { print ".TP"; print "\\fB" roff(name) "\\fR" (rest == "" ? "" : " \\fI" roff(rest) "\\fR"); print roff(desc) } name = "" }
      NR == 1 { summary = $0; next }
      /^Usage: / { sub(/^Usage: [^ ]*herald /, "herald "); print ".SS \"" roff($0) "\""; print roff(summary); next }
      /^[A-Z][a-z]*:$/ { flush(); next }
      /^  [^ ]/ {
        flush(); line = substr($0, 3)
        split(line, parts, /  +/); entry = parts[1]; desc = (length(parts) > 1) ? parts[2] : ""
        # "--port INT" -> name --port, argument INT; "-h,--help" -> as is
        name = entry; rest = ""; if (index(entry, " ")) { name = substr(entry, 1, index(entry, " ") - 1); rest = substr(entry, index(entry, " ") + 1) }
        next
      }
      /^    +[^ ]/ { sub(/^ +/, ""); desc = (desc == "" ? $0 : desc " " $0); next }
      END { flush() }'
  done
} > build/package/commands.h2m
PATH="$PWD/build:$PATH" help2man --no-info --no-discard-stderr --section 1 \
  --name "publish a safeguarding partnership's website from its git repository" \
  --version-string "$version" \
  --include cmake/man/herald.h2m --include build/package/commands.h2m \
  --output build/package/herald.1 herald
grep -q '^\.SS "herald build' build/package/herald.1 || fail "the manual page has no section for herald build"
gzip -9nf build/package/herald.1

# ---- The package's changelog (Debian's format; the release notes are on GitHub)
maintainer=$(sed -n 's/^HERALD_PACKAGE_MAINTAINER:STRING=//p' build/CMakeCache.txt)
{
  echo "herald ($version) stable; urgency=medium"
  echo
  echo "  * herald $version."
  echo
  echo " -- $maintainer  $(date -R -u -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > build/package/changelog.gz

# ---- The package: CPack's DEB generator (cmake/packaging.cmake) -----------
rm -rf build/package/cpack
cpack --config build/CPackConfig.cmake -B build/package/cpack >build/package/cpack.log 2>&1 ||
  { cat build/package/cpack.log >&2; fail "cpack failed"; }
[ -f "build/package/cpack/$deb" ] || { cat build/package/cpack.log >&2; fail "cpack made no $deb"; }
mkdir -p dist
mv -f "build/package/cpack/$deb" "dist/$deb"

# ---- What is in it ---------------------------------------------------------
contents=$(dpkg-deb -c "dist/$deb" | awk '{print $6}')
for f in ./usr/bin/herald ./usr/lib/herald/herald-pdf.so ./usr/lib/herald/herald-network.so ./usr/lib/herald/pagefind \
         ./usr/share/man/man1/herald.1.gz ./usr/share/doc/herald/copyright ./usr/share/doc/herald/pagefind/LICENSE; do
  grep -qxF "$f" <<<"$contents" || fail "$deb has no $f"
done
depends=$(dpkg-deb -f "dist/$deb" Depends)
for needed in git tzdata fonts-dejavu-core libc6 libgit2 libtcmalloc-minimal4 libpango; do
  grep -qE "(^|, )$needed" <<<"$depends" || fail "$deb does not depend on $needed: Depends: $depends"
done
# Only what herald runs with: never a compiler, a browser, Java, Node.js or a test tool.
if grep -qiE '(^|, )(gcc|g\+\+|clang|cpp|cmake|ninja|chromium|openjdk|default-jre|nodejs|npm|python3|doctest|lib[a-z0-9.+-]*-dev)( |,|$)' <<<"$depends"; then
  fail "$deb depends on a build or test tool: Depends: $depends"
fi
# The files run as they will once installed.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "dist/$deb" "$unpacked"
[ "$("$unpacked/usr/bin/herald" --version)" = "herald $version" ] || fail "the packaged herald is not version $version"
"$unpacked/usr/lib/herald/pagefind" --version >/dev/null || fail "the packaged Pagefind does not run"

echo "package: dist/$deb ($(du -h "dist/$deb" | cut -f1))"
echo "  Depends: $depends"
