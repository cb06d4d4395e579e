// Tests for markdown/inline_html: sup, sub, br, abbr, kbd, mark, small and s kept, written again by herald.
#include "markdown/inline_html.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown/plain_text.h"
#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;
using testing::test_contacts;
using Strings = std::vector<std::string>;

TEST_CASE("inline html: a tag is read whatever its case and spacing") {
  auto sup = read_inline_tag("<SUP>");
  REQUIRE(sup);
  CHECK(sup->kind == InlineTag::Kind::open);
  CHECK(sup->name == "sup");
  CHECK(sup->allowed());
  CHECK(read_inline_tag("</sup >")->kind == InlineTag::Kind::close);
  for (const char* br : {"<br>", "<BR>", "<br/>", "<br />", "<br\n/>"}) {
    CAPTURE(std::string(br));
    auto tag = read_inline_tag(br);
    REQUIRE(tag);
    CHECK(tag->name == "br");
    CHECK(tag->allowed());
    CHECK(inline_tag_html(*tag) == "<br />");
  }
  auto abbr = read_inline_tag("<abbr\ttitle = 'Local Authority\n Designated Officer'>");
  REQUIRE(abbr);
  CHECK(abbr->title == "Local Authority Designated Officer");
  CHECK(abbr->allowed());
  CHECK(inline_tag_html(*abbr) == "<abbr title=\"Local Authority Designated Officer\">");
  CHECK(read_inline_tag("<abbr title=LADO>")->title == "LADO");
}

TEST_CASE("inline html: an abbreviation's title is decoded, then escaped again") {
  auto abbr = read_inline_tag("<abbr title=\"A &amp; B &quot;C&quot; &eacute;&#233;&#xE9; #1; \\* <x>\">");
  REQUIRE(abbr);
  CHECK(abbr->title == "A & B \"C\" ééé #1; \\* <x>");
  CHECK(inline_tag_html(*abbr) == "<abbr title=\"A &amp; B &quot;C&quot; ééé #1; \\* &lt;x&gt;\">");
  CHECK(read_inline_tag("<abbr title=\"#1 &amp; 2\">")->title == "#1 & 2");
  CHECK(read_inline_tag("<abbr title=\"&bogus; &\">")->title == "&bogus; &");
  CHECK(inline_tag_html(*read_inline_tag("<abbr title=\"\">")) == "<abbr>");
  CHECK(inline_tag_html(*read_inline_tag("<abbr title>")) == "<abbr>");
  CHECK(inline_tag_html(*read_inline_tag("</abbr>")) == "</abbr>");
}

TEST_CASE("inline html: any other attribute, or a form not allowed, is refused") {
  auto onclick = read_inline_tag("<sup onclick=\"alert(1)\">");
  REQUIRE(onclick);
  CHECK(onclick->refused_attribute == "onclick");
  CHECK_FALSE(onclick->allowed());
  CHECK(refused_tag_message(*onclick) ==
        "<sup> with the attribute 'onclick' is not allowed and was left out, its text kept: write <sup> without "
        "attributes");
  auto style = read_inline_tag("<abbr title=\"x\" STYLE=\"color:red\">");
  CHECK(style->refused_attribute == "style");
  CHECK(refused_tag_message(*style) ==
        "<abbr> with the attribute 'style' is not allowed and was left out, its text kept: give <abbr> only a "
        "title, as in <abbr title=\"…\">");
  CHECK(read_inline_tag("<sup title=\"x\">")->refused_attribute == "title");
  CHECK(read_inline_tag("<abbr title=\"a\" title=\"b\">")->refused_attribute == "title");
  CHECK(read_inline_tag("<br class=x>")->refused_attribute == "class");
  CHECK_FALSE(read_inline_tag("<sup/>")->allowed());
  CHECK(refused_tag_message(*read_inline_tag("<sup/>")) ==
        "<sup/> is not allowed and was left out, its text kept: write <sup>…</sup> around the text it is for");
  CHECK_FALSE(read_inline_tag("</br>")->allowed());
  CHECK_FALSE(read_inline_tag("<b>")->allowed());
  CHECK_FALSE(read_inline_tag("<span>")->allowed());
  CHECK(is_allowed_inline_element("kbd"));
  CHECK_FALSE(is_allowed_inline_element("script"));
  CHECK_FALSE(is_allowed_inline_element("SUP"));
}

TEST_CASE("inline html: what is not one tag is not read") {
  for (const char* html : {"<!-- sup -->", "<?php ?>", "<!DOCTYPE html>", "<![CDATA[x]]>", "sup", "<>", "< sup>",
                           "<sup", "<sup>x", "<sup></sup>", "</sup x>", "<1sup>", "<abbr title=\"x>"}) {
    CAPTURE(std::string(html));
    CHECK_FALSE(read_inline_tag(html));
  }
}

TEST_CASE("inline html: the allowed elements are kept in a page, written by herald") {
  auto p = parse_markdown(
      "The 25<sup>th</sup> report: H<SUB>2</SUB>O, <kbd>Ctrl</kbd>, <mark>this</mark>, <small>fine</small>, "
      "<s>old</s>, <abbr title=\"Local Authority Designated Officer\">LADO</abbr>.\n");
  CHECK(p.diags.empty());
  CHECK(p.doc.html() ==
        "<p>The 25<sup>th</sup> report: H<sub>2</sub>O, <kbd>Ctrl</kbd>, <mark>this</mark>, <small>fine</small>, "
        "<s>old</s>, <abbr title=\"Local Authority Designated Officer\">LADO</abbr>.</p>\n");
  CHECK(p.doc.first_paragraph_text() == "The 25th report: H2O, Ctrl, this, fine, old, LADO.");
  CHECK(p.doc.word_count() == 9);
}

TEST_CASE("inline html: a line break in its three forms, in a paragraph and in a table cell") {
  auto p = parse_markdown("One<br>two<br/>three<br />\nfour\n\n| a | b |\n|---|---|\n| x<BR>y | z |\n");
  CHECK(p.diags.empty());
  CHECK(p.doc.html() ==
        "<p>One<br />\ntwo<br />\nthree<br />\nfour</p>\n"
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td>x<br />y</td>\n<td>z</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(p.doc.first_paragraph_text() == "One two three four");
  CHECK(plain_text(p.doc.root(), false) == "One two three four a b x y z");
}

TEST_CASE("inline html: elements hold emphasis, links and shortcodes, in headings and cells too") {
  auto p = parse_markdown(
      "## The 25<sup>th</sup> year\n\n<mark>Call {{phone team}} *now*</mark> or [note <sup>1</sup>](#n).\n\n"
      "| a |\n|---|\n| <abbr title=\"t\">A</abbr> |\n",
      0, &test_contacts());
  CHECK(p.diags.empty());
  CHECK(p.doc.html() ==
        "<h2 id=\"the-25th-year\">The 25<sup>th</sup> year</h2>\n"
        "<p><mark>Call <a href=\"tel:+441164960000\">0116 496 0000</a> <em>now</em></mark> or "
        "<a href=\"#n\">note <sup>1</sup></a>.</p>\n"
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><abbr title=\"t\">A</abbr></td>\n"
        "</tr>\n</tbody>\n</table>\n");
  REQUIRE(p.doc.headings().size() == 1);
  CHECK(p.doc.headings()[0].text == "The 25th year");
}

TEST_CASE("inline html: an attribute not allowed leaves the tag out, and its closing tag with it") {
  auto p = parse_markdown(
      "A <sup onclick=\"alert(1)\">1</sup> and <abbr style=\"x\" title=\"t\">B</abbr> and "
      "<abbr title='x\" onmouseover=\"alert(2)'>C</abbr>.\n");
  CHECK(p.diags == Strings{"1:3: warning: <sup> with the attribute 'onclick' is not allowed and was left out, its "
                           "text kept: write <sup> without attributes",
                           "1:39: warning: <abbr> with the attribute 'style' is not allowed and was left out, its "
                           "text kept: give <abbr> only a title, as in <abbr title=\"…\">"});
  CHECK(p.doc.html() ==
        "<p>A 1 and B and <abbr title=\"x&quot; onmouseover=&quot;alert(2)\">C</abbr>.</p>\n");
}

TEST_CASE("inline html: a tag without its match is left out with a warning, its text kept") {
  auto p = parse_markdown(
      "Open <sup>never closed.\n\nStray </sub> here.\n\nCrossing *a <sup>b* c</sup> and <mark>x <s>y</mark> "
      "z</s>.\n\nAcross\n<kbd>lines\n\nparagraphs</kbd>.\n");
  CHECK(p.diags == Strings{"1:6: warning: <sup> is not closed, so it was left out: write </sup> after the text it "
                           "is for, in the same paragraph",
                           "3:7: warning: </sub> closes no <sub> before it in the same paragraph, so it was left "
                           "out: write <sub> before the text it is for",
                           "5:13: warning: <sup> is not closed, so it was left out: write </sup> after the text it "
                           "is for, in the same paragraph",
                           "5:22: warning: </sup> closes no <sup> before it in the same paragraph, so it was left "
                           "out: write <sup> before the text it is for",
                           "5:41: warning: <s> is not closed, so it was left out: write </s> after the text it is "
                           "for, in the same paragraph",
                           "5:54: warning: </s> closes no <s> before it in the same paragraph, so it was left out: "
                           "write <s> before the text it is for",
                           "8:1: warning: <kbd> is not closed, so it was left out: write </kbd> after the text it is "
                           "for, in the same paragraph",
                           "10:11: warning: </kbd> closes no <kbd> before it in the same paragraph, so it was left "
                           "out: write <kbd> before the text it is for"});
  CHECK(p.doc.html() ==
        "<p>Open never closed.</p>\n<p>Stray  here.</p>\n"
        "<p>Crossing <em>a b</em> c and <mark>x y</mark> z.</p>\n<p>Across\nlines</p>\n<p>paragraphs.</p>\n");
}

TEST_CASE("inline html: other raw HTML, and an allowed tag where it cannot be, is left out as before") {
  auto p = parse_markdown(
      "Some <b>bold</b> and <span>span</span>.\n\n<br>\n\n![a <sup>b</sup>](x.png) <sup/> </br>\n");
  CHECK(p.diags == Strings{"1:6: warning: raw HTML is not allowed and was left out",
                           "3:1: warning: <br> on a line of its own is not allowed and was left out: write it "
                           "inside a paragraph's text",
                           "5:5: warning: raw HTML is not allowed and was left out",
                           "5:26: warning: <sup/> is not allowed and was left out, its text kept: write <sup>…</sup> "
                           "around the text it is for",
                           "5:33: warning: </br> is not allowed and was left out: write <br> for a line break"});
  CHECK(p.doc.html() == "<p>Some bold and span.</p>\n<p><img src=\"x.png\" alt=\"a b\" />  </p>\n");
}

TEST_CASE("inline html: in code it is code") {
  auto p = parse_markdown("Write `<sup>th</sup>`:\n\n    <abbr title=\"x\">X</abbr>\n");
  CHECK(p.diags.empty());
  CHECK(p.doc.html() ==
        "<p>Write <code>&lt;sup&gt;th&lt;/sup&gt;</code>:</p>\n"
        "<pre><code>&lt;abbr title=&quot;x&quot;&gt;X&lt;/abbr&gt;\n</code></pre>\n");
}

}  // namespace
}  // namespace herald
