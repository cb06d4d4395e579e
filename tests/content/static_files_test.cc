// Tests for content/static_files: dot-files are left out, script in HTML and SVG is found.
#include "content/static_files.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("static files: a part of the path starting with a dot is never published") {
  CHECK(hidden_part(".htaccess", true) == ".htaccess");
  CHECK(hidden_part(".env", true) == ".env");
  CHECK(hidden_part("images/.DS_Store", true) == ".DS_Store");
  CHECK(hidden_part(".git/config", true) == ".git");
  CHECK(hidden_part("a/.hidden/b.png", true) == ".hidden");
  CHECK(hidden_part("images/logo.svg", true) == "");
  CHECK(hidden_part("report.v2.pdf", true) == "");
  // .well-known/ at the top of static/ is published; nothing hidden inside it.
  CHECK(hidden_part(".well-known/security.txt", true) == "");
  CHECK(hidden_part(".well-known/.secret", true) == ".secret");
  CHECK(hidden_part("a/.well-known/security.txt", true) == ".well-known");
  CHECK(hidden_part(".well-known", true) == ".well-known");
  // In a bundle, .well-known is a dot-folder like any other.
  CHECK(hidden_part(".well-known/security.txt", false) == ".well-known");
  CHECK(hidden_part("photo.jpg", false) == "");
}

TEST_CASE("static files: which kinds of file a browser runs script in") {
  for (const char* path : {"a.html", "b/C.HTM", "x.xhtml", "x.xht", "x.shtml", "map.svg", "MAP.SVG", "feed.xml"}) {
    CAPTURE(path);
    CHECK(may_run_script(path));
  }
  for (const char* path : {"a.png", "report.pdf", "a.svg.png", "html", "notes.txt", "svg/readme.md"}) {
    CAPTURE(path);
    CHECK_FALSE(may_run_script(path));
  }
}

TEST_CASE("static files: script is found, with where it starts") {
  auto found = [](std::string_view text) { return find_script(text); };
  auto script = found("<html>\n<body>\n  <SCRIPT src=x.js></SCRIPT>");
  REQUIRE(script);
  CHECK(script->offset == 16);
  CHECK(script->what == "a <script> element");
  CHECK(found("<svg:script>x</svg:script>")->what == "a <script> element");
  auto handler = found("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">");
  REQUIRE(handler);
  CHECK(handler->offset == 40);
  CHECK(handler->what == "an 'onload' attribute");
  CHECK(found("<img src=x ONERROR=alert(1)>")->what == "an 'onerror' attribute");
  CHECK(found("<svg><foreignObject><div>hi</div></foreignObject></svg>")->what ==
        "a <foreignObject> element");
  auto link = found("<a\n  href=\"  java\tscript:alert(1)\">x</a>");
  REQUIRE(link);
  CHECK(link->offset == 5);
  CHECK(link->what == "a 'javascript:' address");
  CHECK(found("<a href='&#106;avascript&colon;alert(1)'>x</a>")->what == "a 'javascript:' address");
  CHECK(found("<a href=&#x6A&#x61vascript:x>x</a>")->what == "a 'javascript:' address");
  CHECK(found("<use xlink:href=\"JavaScript:x\"/>")->what == "a 'javascript:' address");
  CHECK(found("<a href=\"vbscript:msgbox\">x</a>")->what == "a 'vbscript:' address");
  CHECK(found("<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">")->what ==
        "a 'javascript:' address");
}

TEST_CASE("static files: no script in ordinary HTML and SVG") {
  CHECK_FALSE(find_script("<!DOCTYPE html><html lang=\"en\"><head><title>A</title></head>"
                          "<body><p class=\"online\" data-on=\"1\">On javascript: a guide</p>"
                          "<a href=\"https://x.example/javascript-guide\">guide</a></body></html>"));
  CHECK_FALSE(find_script("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><!-- <script> -->"
                          "<circle r=\"4\" one=\"1\"/><text>a < b</text></svg>"));
  CHECK_FALSE(find_script("<p title=\"a > b\" on one=\"1\">"));
  CHECK(find_script("<p title=\"a > b\" oncut=\"x\">"));
}

}  // namespace
}  // namespace herald
