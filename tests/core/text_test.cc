// Tests for core/text: slugs, escaping, UTF-8 and suggestions.
#include <doctest/doctest.h>

#include "core/text.h"

using namespace herald;

TEST_CASE("slugs follow [a-z0-9]+(-[a-z0-9]+)*") {
  CHECK(is_valid_slug("neglect-and-young-carers"));
  CHECK(is_valid_slug("2024"));
  CHECK_FALSE(is_valid_slug(""));
  CHECK_FALSE(is_valid_slug("-start"));
  CHECK_FALSE(is_valid_slug("end-"));
  CHECK_FALSE(is_valid_slug("double--hyphen"));
  CHECK_FALSE(is_valid_slug("Upper"));
  CHECK_FALSE(is_valid_slug("../escape"));
  CHECK_FALSE(is_valid_slug("under_score"));
}

TEST_CASE("slugify makes URL parts from titles") {
  CHECK(slugify("Domestic abuse & MARAC") == "domestic-abuse-marac");
  CHECK(slugify("Children's services") == "childrens-services");
  CHECK(slugify("  Self-neglect  ") == "self-neglect");
  CHECK(slugify("Children\xE2\x80\x99s rights") == "childrens-rights");
  CHECK(slugify("!!!") == "");
}

TEST_CASE("html_escape escapes the five special characters") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  size_t bad = 0;
  CHECK(is_valid_utf8("plain ascii and caf\xC3\xA9"));
  CHECK_FALSE(is_valid_utf8("abc\xFF" "def", &bad));
  CHECK(bad == 3);
  CHECK_FALSE(is_valid_utf8("\xC0\xAF", &bad));  // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80", &bad));  // surrogate
  CHECK_FALSE(is_valid_utf8("\xE2\x82", &bad));  // truncated
}

TEST_CASE("control characters are stripped but tabs and newlines kept") {
  CHECK(strip_control_characters("a\x01" "b\tc\nd\x1F") == "ab\tc\nd");
}

TEST_CASE("line_and_column is 1-based") {
  int line, column;
  line_and_column("ab\ncd\nef", 4, &line, &column);
  CHECK(line == 2);
  CHECK(column == 2);
}

TEST_CASE("closest_match suggests likely typos only") {
  CHECK(closest_match("sarr", {"sar", "lcspr", "dhr"}) == "sar");
  CHECK(closest_match("titel", {"title", "date"}) == "title");
  CHECK(closest_match("banana", {"title", "date"}) == "");
}

TEST_CASE("count_words counts as a byte-by-byte reading does, across every block boundary") {
  auto reference = [](std::string_view text) {
    size_t words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
      bool space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words;
  };
  const std::string pieces[] = {" ", "a", "word", "\t", "\n", "  ", "caf\xc3\xa9", "\x85", "\r\n", "x\vy"};
  uint32_t seed = 7;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    int n = static_cast<int>(seed % 40);
    for (int k = 0; k < n; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += pieces[(seed >> 16) % 10];
    }
    seed = seed * 1103515245u + 12345u;
    CAPTURE(text);
    CHECK(count_words(text) == reference(text));
  }
}

TEST_CASE("count_words and split_lines") {
  CHECK(count_words("  one two\tthree\nfour ") == 4);
  CHECK(count_words("a\vb\fc\rd\x85" "e \xc2\xa0 f") == 6);  // the C locale's spaces only
  auto lines = split_lines("a\r\nb\n\nc");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "a");
  CHECK(lines[2] == "");
  CHECK(lines[3] == "c");
}

TEST_CASE("contains_ignoring_case finds the needle in any case, at the start, the end, or after a near miss") {
  CHECK(contains_ignoring_case("hx0123", "hx0123"));
  CHECK(contains_ignoring_case("the HX0123 here", "hx0123"));
  CHECK(contains_ignoring_case("hX01 Hx0123", "hx0123"));  // the first candidate fails, the next matches
  CHECK(contains_ignoring_case("ends with hx0123", "hx0123"));
  CHECK(contains_ignoring_case("hhhx0123", "hx0123"));
  CHECK_FALSE(contains_ignoring_case("ends with hx012", "hx0123"));
  CHECK_FALSE(contains_ignoring_case("", "hx0123"));
  CHECK_FALSE(contains_ignoring_case("no such thing", "hx0123"));
  CHECK_FALSE(contains_ignoring_case("hy0123 Hz0123", "hx0123"));
  CHECK(contains_ignoring_case("anything", ""));
}
