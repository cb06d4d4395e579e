// Tests for markdown/urls: unsafe and relative URLs, href escaping, short quotes.
#include "markdown/urls.h"

#include <doctest/doctest.h>

#include <string>

namespace herald {
namespace {

TEST_CASE("markdown urls: is_unsafe_url") {
  CHECK(is_unsafe_url("javascript:alert(1)"));
  CHECK(is_unsafe_url("JAVASCRIPT:alert(1)"));
  CHECK(is_unsafe_url(" \x01\tjavascript:x"));
  CHECK(is_unsafe_url("java\tscr\nipt:x"));
  CHECK(is_unsafe_url("vbscript:x"));
  CHECK(is_unsafe_url("Data:text/html,x"));
  CHECK_FALSE(is_unsafe_url("https://example.org/javascript:"));
  CHECK_FALSE(is_unsafe_url("javascript-guide.html"));
  CHECK_FALSE(is_unsafe_url("/data:x"));
  CHECK_FALSE(is_unsafe_url("mailto:a@b"));
  CHECK_FALSE(is_unsafe_url(""));
}

TEST_CASE("markdown urls: is_relative_url") {
  CHECK(is_relative_url("photo.jpg"));
  CHECK(is_relative_url("../a/"));
  CHECK(is_relative_url("/about/"));
  CHECK(is_relative_url("#part"));
  CHECK(is_relative_url("?q=1"));
  CHECK(is_relative_url(""));
  CHECK_FALSE(is_relative_url("https://x.example/"));
  CHECK_FALSE(is_relative_url("mailto:a@b"));
  CHECK_FALSE(is_relative_url("tel:999"));
  CHECK_FALSE(is_relative_url("//cdn.example/x"));
}

TEST_CASE("markdown urls: truncate_text counts characters, not bytes") {
  CHECK(truncate_text("abcdef", 4) == "abcd\xE2\x80\xA6");
  CHECK(truncate_text("abcd", 4) == "abcd");
  CHECK(truncate_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
  CHECK(utf8_length("caf\xC3\xA9") == 4);
}

TEST_CASE("markdown urls: escape_href escapes like cmark") {
  CHECK(escape_href("https://x.example/a-b_c.d~e/?q=1&r=2#f") ==
        "https://x.example/a-b_c.d~e/?q=1&amp;r=2#f");
  CHECK(escape_href("it's") == "it&#x27;s");
  CHECK(escape_href("a b\"<>[]\\^`{|}") == "a%20b%22%3C%3E%5B%5D%5C%5E%60%7B%7C%7D");
  CHECK(escape_href("100%!*(),@=;:$+") == "100%!*(),@=;:$+");
  CHECK(escape_href("caf\xC3\xA9") == "caf%C3%A9");
  CHECK(escape_href("") == "");
}

}  // namespace
}  // namespace herald
