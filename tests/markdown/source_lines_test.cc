// Tests for markdown/source_lines: lines of a body and exact columns of text on them.
#include "markdown/source_lines.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("markdown source lines: lines by number, without line endings") {
  SourceLines lines("one\r\ntwo\n\nfour");
  CHECK(lines.line(1) == "one");
  CHECK(lines.line(2) == "two");
  CHECK(lines.line(3) == "");
  CHECK(lines.line(4) == "four");
  CHECK(lines.line(5) == "");
  CHECK(lines.line(0) == "");
}

TEST_CASE("markdown source lines: the column of a needle, from an approximate one") {
  SourceLines lines("  a {{x}} b {{x}}\n");
  CHECK(lines.find_column(1, 5, "{{x}}") == 5);   // already right
  CHECK(lines.find_column(1, 3, "{{x}}") == 5);   // cmark dropped the indentation
  CHECK(lines.find_column(1, 8, "{{x}}") == 13);  // the next one after the guess
  CHECK(lines.find_column(1, 16, "{{x}}") == 5);  // past the last: the first on the line
  CHECK(lines.find_column(1, 7, "{{y}}") == 7);   // not there: the guess
  CHECK(lines.find(1, 7, "{{y}}") == 0);
  CHECK(lines.find_column(1, 7, "") == 7);
  CHECK(lines.find_column(9, 7, "{{x}}") == 7);  // no such line
}

}  // namespace
}  // namespace herald
