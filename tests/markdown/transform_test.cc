// Tests for markdown/transform: raw HTML is left out and script URLs removed, with warnings.
#include "markdown/transform.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;
using Strings = std::vector<std::string>;

TEST_CASE("markdown transform: a raw HTML block is left out, with a warning at its line") {
  auto p = parse_markdown("Before.\n\n<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nAfter.\n", 4);
  CHECK(p.doc.html() == "<p>Before.</p>\n<p>After.</p>\n");
  CHECK(p.diags == Strings{"7:1: warning: raw HTML is not allowed and was left out"});
}

TEST_CASE("markdown transform: inline raw HTML is dropped, its text kept, one warning a line") {
  auto p = parse_markdown("Some <b>bold</b> and <span style=\"x\">styled</span>.\n\nLine <i>2</i>\n");
  CHECK(p.doc.html() == "<p>Some bold and styled.</p>\n<p>Line 2</p>\n");
  CHECK(p.diags == Strings{"1:6: warning: raw HTML is not allowed and was left out",
                           "3:6: warning: raw HTML is not allowed and was left out"});
}

TEST_CASE("markdown transform: raw HTML inside a list item and an HTML comment") {
  auto p = parse_markdown("- item <img src=x onerror=alert(1)> text\n\n<!-- a note -->\n");
  CHECK(p.doc.html() == "<ul>\n<li>item  text</li>\n</ul>\n");
  CHECK(p.diags == Strings{"1:8: warning: raw HTML is not allowed and was left out",
                           "3:1: warning: raw HTML is not allowed and was left out"});
}

TEST_CASE("markdown transform: HTML in code is code, not raw HTML") {
  auto p = parse_markdown("Use `<br>` here.\n\n    <div>indented code</div>\n");
  CHECK(p.doc.html() ==
        "<p>Use <code>&lt;br&gt;</code> here.</p>\n"
        "<pre><code>&lt;div&gt;indented code&lt;/div&gt;\n</code></pre>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown transform: a javascript: link becomes plain text") {
  auto p = parse_markdown("Please [do this](javascript:alert('x')) now.\n", 2);
  CHECK(p.doc.html() == "<p>Please do this now.</p>\n");
  CHECK(p.diags == Strings{"3:8: warning: unsafe link 'javascript:alert('x')' was removed"});
}

TEST_CASE("markdown transform: unsafe schemes in any case, with leading spaces or entities") {
  auto p = parse_markdown(
      "[a](JavaScript:x) [b](<  vbscript:msgbox>) [c](jav&#x61;script:x) <javascript:alert(1)>\n"
      "[e](data:text/html;base64,PHNjcmlwdD4=)\n");
  CHECK(p.doc.html() == "<p>a b c javascript:alert(1)\ne</p>\n");
  CHECK(p.diags == Strings{
                       "1:1: warning: unsafe link 'JavaScript:x' was removed",
                       "1:19: warning: unsafe link 'vbscript:msgbox' was removed",
                       "1:44: warning: unsafe link 'javascript:x' was removed",
                       "1:67: warning: unsafe link 'javascript:alert(1)' was removed",
                       "2:1: warning: unsafe link 'data:text/html;base64,PHNjcmlwdD4=' was removed",
                   });
}

TEST_CASE("markdown transform: an image with an unsafe URL is dropped") {
  auto p = parse_markdown("Chart: ![Figures](data:image/png;base64,iVBORw0KGgo=) end\n");
  CHECK(p.doc.html() == "<p>Chart:  end</p>\n");
  CHECK(p.diags == Strings{"1:8: warning: unsafe link 'data:image/png;base64,iVBORw0KGgo=' was "
                           "removed"});
}

TEST_CASE("markdown transform: a long unsafe URL is quoted short") {
  auto p = parse_markdown("[x](javascript:void(document.body.innerHTML='0123456789abcdef'))\n");
  CHECK(p.diags == Strings{"1:1: warning: unsafe link 'javascript:void(document.body.innerHTML=\xE2\x80\xA6' "
                           "was removed"});
}

TEST_CASE("markdown transform: a link made unsafe through a reference definition") {
  auto p = parse_markdown("See [the form][f].\n\n[f]: javascript:alert(1)\n");
  CHECK(p.doc.html() == "<p>See the form.</p>\n");
  CHECK(p.diags == Strings{"1:5: warning: unsafe link 'javascript:alert(1)' was removed"});
}

TEST_CASE("markdown transform: unsafe links and images inside each other") {
  auto p = parse_markdown("![x [in](javascript:a) <b>y</b>](data:b) and [out ![im](data:c)](javascript:d)\n");
  CHECK(p.doc.html() == "<p> and out </p>\n");
  CHECK(p.diags == Strings{
                       "1:1: warning: unsafe link 'data:b' was removed",
                       "1:5: warning: unsafe link 'javascript:a' was removed",
                       "1:24: warning: raw HTML is not allowed and was left out",
                       "1:46: warning: unsafe link 'javascript:d' was removed",
                       "1:51: warning: unsafe link 'data:c' was removed",
                   });
}

TEST_CASE("markdown transform: ordinary links and images are kept") {
  auto p = parse_markdown(
      "[a](https://x.example/) [b](mailto:a@x.example) [c](tel:+441164960000) "
      "![d](photo.jpg) [e](/data/report.pdf)\n");
  CHECK(p.doc.html() ==
        "<p><a href=\"https://x.example/\">a</a> <a href=\"mailto:a@x.example\">b</a> "
        "<a href=\"tel:+441164960000\">c</a> <img src=\"photo.jpg\" alt=\"d\" /> "
        "<a href=\"/data/report.pdf\">e</a></p>\n");
  CHECK(p.diags.empty());
}

}  // namespace
}  // namespace herald
