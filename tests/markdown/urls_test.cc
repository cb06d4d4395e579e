// Tests for markdown/urls: allowed and relative URLs, href escaping, short quotes.
#include "markdown/urls.h"

#include <doctest/doctest.h>

#include <string>

namespace herald {
namespace {

TEST_CASE("markdown urls: url_kind reads the scheme as a browser does") {
  CHECK(url_kind("https://x.example/") == UrlKind::web);
  CHECK(url_kind("HTTP://x.example/") == UrlKind::web);
  CHECK(url_kind("//cdn.example/x") == UrlKind::web);
  CHECK(url_kind("\\\\cdn.example\\x") == UrlKind::web);
  CHECK(url_kind("/\\cdn.example") == UrlKind::web);
  CHECK(url_kind("mailto:a@b.example") == UrlKind::mailto);
  CHECK(url_kind("Tel:999") == UrlKind::tel);
  for (const char* path : {"", "photo.jpg", "../a/", "/about/", "#part", "?q=1", "./a:b", "/x:y", "#a:b",
                           "?next=https://x", " /about/", "javascript-guide.html", "/data:x"}) {
    CAPTURE(path);
    CHECK(url_kind(path) == UrlKind::site_path);
  }
  for (const char* other : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "java\tscr\nipt:x",
                            " \x01javascript:x", "vbscript:x", "Data:text/html,x", "file:///etc/passwd",
                            "smb://server/share", "intent://x#Intent;end", "ftp://x.example/", "a:b", "1:2",
                            ":x", "C:\\Users\\x", "/about/\x7F", "https://x.example/\n"}) {
    CAPTURE(other);
    CHECK(url_kind(other) == UrlKind::other);
  }
}

TEST_CASE("markdown urls: links may also be mailto: and tel:, images may not") {
  for (const char* url : {"https://x.example/", "mailto:a@b.example", "tel:+441164960000", "/a/", "#b", ""}) {
    CAPTURE(url);
    CHECK(is_allowed_link_url(url));
  }
  CHECK(is_allowed_image_url("https://x.example/a.png"));
  CHECK(is_allowed_image_url("photo.jpg"));
  CHECK(is_allowed_image_url("/images/a.png"));
  CHECK_FALSE(is_allowed_image_url("mailto:a@b.example"));
  CHECK_FALSE(is_allowed_image_url("tel:999"));
  CHECK_FALSE(is_allowed_image_url("data:image/png;base64,iVBORw0KGgo="));
  CHECK_FALSE(is_allowed_link_url("javascript:alert(1)"));
  CHECK_FALSE(is_allowed_link_url("file:///etc/passwd"));
}

TEST_CASE("markdown urls: is_web_address wants a host after http:// or https://") {
  CHECK(is_web_address("https://northbrook.example/advice"));
  CHECK(is_web_address("HTTP://northbrook.example"));
  CHECK_FALSE(is_web_address("https://"));
  CHECK_FALSE(is_web_address("https:///path"));
  CHECK_FALSE(is_web_address("https:northbrook.example"));
  CHECK_FALSE(is_web_address("//northbrook.example"));
  CHECK_FALSE(is_web_address("northbrook.example"));
  CHECK_FALSE(is_web_address("mailto:a@b.example"));
  CHECK_FALSE(is_web_address("https://x.example/\tjavascript:"));
}

TEST_CASE("markdown urls: the message names the URL, short, and what is allowed") {
  CHECK(url_not_allowed("booking_url", " file:///etc/passwd") ==
        "booking_url 'file:///etc/passwd' is not allowed: a link must start with https://, http://, mailto: or "
        "tel:, or be a path on this site such as /contacts/");
  CHECK(url_not_allowed("image", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB", true) ==
        "image 'data:image/png;base64,iVBORw0KGgoAAAANSU\xE2\x80\xA6' is not allowed: an image must be a file "
        "of this site, such as /images/chart.png (the file static/images/chart.png), or start with https:// or "
        "http://");
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
