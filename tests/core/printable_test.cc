// Tests for core/printable: what a terminal would act on is shown escaped.
#include <doctest/doctest.h>

#include "core/diagnostic.h"
#include "core/printable.h"

using namespace herald;

TEST_CASE("control, direction and broken bytes are shown escaped; the rest as it is") {
  CHECK(printable("plain text, café – ‘quoted’") == "plain text, café – ‘quoted’");
  CHECK(printable("tab\tkept") == "tab\tkept");
  CHECK(printable("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(printable(std::string("nul\0here", 8)) == "nul\\x00here");
  CHECK(printable("line\nnext") == "line\\x0anext");
  CHECK(printable("line\nnext", true) == "line\nnext");
  CHECK(printable("del\x7f") == "del\\x7f");
  CHECK(printable("c1\xc2\x9b" "31m") == "c1\\u009b31m");
  CHECK(printable("evil\xe2\x80\xae" "txt.exe") == "evil\\u202etxt.exe");
  CHECK(printable("bad\xff\xfe") == "bad\\xff\\xfe");
  CHECK(printable("cut\xe2\x80") == "cut\\xe2\\x80");
}

TEST_CASE("a quoted line is shown escaped, with the caret under the character at the column") {
  Diagnostics diags;
  diags.add_source("a.md", "x\x1b[31my: caf\xc3\xa9 z\n");
  // Column 16 is the byte of 'z' ("é" is two bytes, one character).
  Diagnostic d{Severity::error, {"a.md", 1, 16}, "bad \x1b[2J"};
  CHECK(diags.format_text(d) ==
        "a.md:1:16: error: bad \\x1b[2J\n"
        "  x\\x1b[31my: café z\n"
        "                   ^\n");
  Diagnostic path{Severity::warning, {"con\x1btent.md", 0, 0}, "m"};
  CHECK(diags.format_text(path) == "con\\x1btent.md:1:1: warning: m\n");
}
