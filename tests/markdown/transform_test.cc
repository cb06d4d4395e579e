// Tests for markdown/transform: raw HTML is left out (a warning) and URLs not allowed removed (an error).
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

// The two messages, for a link and for an image, after the URL as quoted.
const std::string kLink = "' is not allowed: a link must start with https://, http://, mailto: or tel:, or be a path on this site such as /contacts/";
const std::string kImage = "' is not allowed: an image must be a file of this site, such as /images/chart.png (the file static/images/chart.png), or start with https:// or http://";

TEST_CASE("markdown transform: a javascript: link is an error, and becomes plain text") {
  auto p = parse_markdown("Please [do this](javascript:alert('x')) now.\n", 2);
  CHECK(p.doc.html() == "<p>Please do this now.</p>\n");
  CHECK(p.diags == Strings{"3:8: error: link 'javascript:alert('x')" + kLink});
}

TEST_CASE("markdown transform: script schemes in any case, with leading spaces or entities") {
  auto p = parse_markdown(
      "[a](JavaScript:x) [b](<  vbscript:msgbox>) [c](jav&#x61;script:x) <javascript:alert(1)>\n"
      "[e](data:text/html;base64,PHNjcmlwdD4=)\n");
  CHECK(p.doc.html() == "<p>a b c javascript:alert(1)\ne</p>\n");
  CHECK(p.diags == Strings{
                       "1:1: error: link 'JavaScript:x" + kLink,
                       "1:19: error: link 'vbscript:msgbox" + kLink,
                       "1:44: error: link 'javascript:x" + kLink,
                       "1:67: error: link 'javascript:alert(1)" + kLink,
                       "2:1: error: link 'data:text/html;base64,PHNjcmlwdD4=" + kLink,
                   });
}

TEST_CASE("markdown transform: a tab written as an entity hides no scheme") {
  auto p = parse_markdown("[f](java&#9;script:x)\n");
  CHECK(p.doc.html() == "<p>f</p>\n");
  CHECK(p.diags.size() == 1);
}

TEST_CASE("markdown transform: only http, https, mailto, tel and the site's paths are links") {
  // An allow-list: schemes that run nothing in a browser are still refused
  // (file: opens the reader's own files, smb: sends Windows credentials).
  auto p = parse_markdown(
      "[a](file:///etc/passwd) [b](smb://server/share) [c](intent://x#Intent;end) <ftp://files.example/>\n"
      "[e](C:\\Users\\report.docx) [f](notes:a) [g](1:2)\n");
  CHECK(p.doc.html() == "<p>a b c ftp://files.example/\ne f g</p>\n");
  CHECK(p.diags == Strings{
                       "1:1: error: link 'file:///etc/passwd" + kLink,
                       "1:25: error: link 'smb://server/share" + kLink,
                       "1:49: error: link 'intent://x#Intent;end" + kLink,
                       "1:76: error: link 'ftp://files.example/" + kLink,
                       "2:1: error: link 'C:\\Users\\report.docx" + kLink,
                       "2:27: error: link 'notes:a" + kLink,
                       "2:40: error: link '1:2" + kLink,
                   });
}

TEST_CASE("markdown transform: an image that is not a file of the site or the web is dropped") {
  auto p = parse_markdown("Chart: ![Figures](data:image/png;base64,iVBORw0KGgo=) end ![Map](file:///c/map.png)\n");
  CHECK(p.doc.html() == "<p>Chart:  end </p>\n");
  CHECK(p.diags == Strings{"1:8: error: image 'data:image/png;base64,iVBORw0KGgo=" + kImage,
                           "1:59: error: image 'file:///c/map.png" + kImage});
  // mailto: and tel: are links, not pictures.
  auto q = parse_markdown("![Call us](tel:999)\n");
  CHECK(q.doc.html() == "<p></p>\n");
  CHECK(q.diags == Strings{"1:1: error: image 'tel:999" + kImage});
}

TEST_CASE("markdown transform: an image refused inside another's alt text goes with it") {
  auto p = parse_markdown("![a ![b](x:y) [c](z:w)](data:z) after\n");
  CHECK(p.doc.html() == "<p> after</p>\n");
  CHECK(p.diags.size() == 3);
}

TEST_CASE("markdown transform: a long URL not allowed is quoted short") {
  auto p = parse_markdown("[x](javascript:void(document.body.innerHTML='0123456789abcdef'))\n");
  CHECK(p.diags == Strings{"1:1: error: link 'javascript:void(document.body.innerHTML=\xE2\x80\xA6" + kLink});
}

TEST_CASE("markdown transform: a link refused through a reference definition") {
  auto p = parse_markdown("See [the form][f].\n\n[f]: javascript:alert(1)\n");
  CHECK(p.doc.html() == "<p>See the form.</p>\n");
  CHECK(p.diags == Strings{"1:5: error: link 'javascript:alert(1)" + kLink});
}

TEST_CASE("markdown transform: links and images refused inside each other") {
  auto p = parse_markdown("![x [in](javascript:a) <b>y</b>](data:b) and [out ![im](data:c)](javascript:d)\n");
  CHECK(p.doc.html() == "<p> and out </p>\n");
  CHECK(p.diags == Strings{
                       "1:1: error: image 'data:b" + kImage,
                       "1:5: error: link 'javascript:a" + kLink,
                       "1:24: warning: raw HTML is not allowed and was left out",
                       "1:46: error: link 'javascript:d" + kLink,
                       "1:51: error: image 'data:c" + kImage,
                   });
}

TEST_CASE("markdown transform: ordinary links and images are kept") {
  auto p = parse_markdown(
      "[a](https://x.example/) [b](mailto:a@x.example) [c](tel:+441164960000) "
      "![d](photo.jpg) [e](/data/report.pdf) [f](HTTPS://x.example/) [g](#part) [h](?page=2) "
      "[i](//cdn.example/a) ![j](https://x.example/j.png)\n");
  CHECK(p.doc.html() ==
        "<p><a href=\"https://x.example/\">a</a> <a href=\"mailto:a@x.example\">b</a> "
        "<a href=\"tel:+441164960000\">c</a> <img src=\"photo.jpg\" alt=\"d\" /> "
        "<a href=\"/data/report.pdf\">e</a> <a href=\"HTTPS://x.example/\">f</a> <a href=\"#part\">g</a> "
        "<a href=\"?page=2\">h</a> <a href=\"//cdn.example/a\">i</a> <img src=\"https://x.example/j.png\" "
        "alt=\"j\" /></p>\n");
  CHECK(p.diags.empty());
}

}  // namespace
}  // namespace herald

namespace herald {
namespace {

TEST_CASE("markdown transform: an invisible character in a link's or an image's address is an error at it") {
  auto p = testing::parse_markdown(
      "See [the guide](https://example.org/gu\xe2\x80\x8bide) and ![a chart](/images/chart\xc2\xa0.png).\n", 2);
  CHECK(p.diags == Strings{"3:39: error: link 'https://example.org/gu\xe2\x80\x8bide': it contains a zero-width space "
                           "after 'https://example.org/gu', which cannot be seen: delete it",
                           "3:75: error: image '/images/chart\xc2\xa0.png': it contains a non-breaking space after "
                           "'/images/chart', which looks like a space but is not one: delete it"});
}

}  // namespace
}  // namespace herald
