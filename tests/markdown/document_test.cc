// Tests for markdown/document: rendering, GFM extensions, sections, URL mapping, summaries, threads.
#include "markdown/document.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;

TEST_CASE("markdown: paragraphs, emphasis and lists render as HTML") {
  auto p = parse_markdown("Hello *world* and **all**.\n\n- one\n- two\n");
  CHECK(p.doc.html() ==
        "<p>Hello <em>world</em> and <strong>all</strong>.</p>\n"
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown: quotes and dashes are kept as the author typed them") {
  auto p = parse_markdown("\"Quoted\" -- it's here...\n");
  CHECK(p.doc.html() == "<p>&quot;Quoted&quot; -- it's here...</p>\n");
}

TEST_CASE("markdown: GFM tables render with a header and body") {
  auto p = parse_markdown("| Agency | Phone |\n|:---|---:|\n| Police | 101 |\n");
  CHECK(p.doc.html() ==
        "<table>\n<thead>\n<tr>\n<th align=\"left\">Agency</th>\n<th align=\"right\">Phone</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">Police</td>\n"
        "<td align=\"right\">101</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown: strikethrough, autolinks and task lists") {
  auto p = parse_markdown(
      "Old ~~number~~ new.\n\nSee www.example.org and https://example.org/a.\n\n"
      "- [ ] to do\n- [x] done\n");
  CHECK(p.doc.html() ==
        "<p>Old <del>number</del> new.</p>\n"
        "<p>See <a href=\"http://www.example.org\">www.example.org</a> and "
        "<a href=\"https://example.org/a\">https://example.org/a</a>.</p>\n"
        "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> to do</li>\n"
        "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
}

TEST_CASE("markdown: code blocks keep their text, escaped") {
  auto p = parse_markdown("```\n<b>not html</b> & {{x}}\n```\n");
  CHECK(p.doc.html() == "<pre><code>&lt;b&gt;not html&lt;/b&gt; &amp; {{x}}\n</code></pre>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown: headings get ids in their opening tag, at the level written") {
  auto p = parse_markdown("## What to do\n\n### If you are *worried*\n");
  CHECK(p.doc.html() ==
        "<h2 id=\"what-to-do\">What to do</h2>\n"
        "<h3 id=\"if-you-are-worried\">If you are <em>worried</em></h3>\n");
  REQUIRE(p.doc.headings().size() == 2);
  CHECK(p.doc.headings()[0].level == 2);
  CHECK(p.doc.headings()[0].text == "What to do");
  CHECK(p.doc.headings()[1].level == 3);
  CHECK(p.doc.headings()[1].text == "If you are worried");
  CHECK(p.doc.headings()[1].anchor == "if-you-are-worried");
}

TEST_CASE("markdown: heading lines count the front matter (line_offset)") {
  auto p = parse_markdown("Intro.\n\n## First\n\nText.\n\nSecond\n------\n", 4);
  REQUIRE(p.doc.headings().size() == 2);
  CHECK(p.doc.headings()[0].line == 7);
  CHECK(p.doc.headings()[1].line == 11);
  CHECK(p.doc.headings()[1].level == 2);
}

TEST_CASE("markdown: headings inside a quote get anchors too") {
  auto p = parse_markdown("> ## Quoted heading\n");
  CHECK(p.doc.html() == "<blockquote>\n<h2 id=\"quoted-heading\">Quoted heading</h2>\n</blockquote>\n");
}

TEST_CASE("markdown: sections split at ## with the lead text before the first") {
  auto p = parse_markdown(
      "A lead paragraph.\n\n## 01 Purpose\n\nWhy.\n\n### Detail\n\nMore.\n\n## 2. Background\n\n"
      "What happened.\n");
  std::string lead;
  auto sections = p.doc.sections(2, &lead);
  CHECK(lead == "<p>A lead paragraph.</p>\n");
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].number_hint == 1);
  CHECK(sections[0].heading.text == "01 Purpose");
  CHECK(sections[0].heading.anchor == "01-purpose");
  CHECK(sections[0].heading.line == 3);
  CHECK(sections[0].html == "<p>Why.</p>\n<h3 id=\"detail\">Detail</h3>\n<p>More.</p>\n");
  CHECK(sections[1].number_hint == 2);
  CHECK(sections[1].heading.text == "2. Background");
  CHECK(sections[1].html == "<p>What happened.</p>\n");
}

TEST_CASE("markdown: sections without lead text, and a higher heading starts a section too") {
  auto p = parse_markdown("## One\n\nA.\n\n# Top\n\nB.\n\n## Two\n");
  std::string lead = "unchanged?";
  auto sections = p.doc.sections(2, &lead);
  CHECK(lead == "");
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].heading.text == "One");
  CHECK(sections[0].number_hint == 0);
  CHECK(sections[0].html == "<p>A.</p>\n");
  CHECK(sections[1].heading.level == 1);
  CHECK(sections[1].html == "<p>B.</p>\n");
  CHECK(sections[2].heading.text == "Two");
  CHECK(sections[2].html == "");
  // A null lead pointer is allowed.
  CHECK(p.doc.sections(2, nullptr).size() == 3);
}

TEST_CASE("markdown: sections at level 3 split only at ### and higher") {
  auto p = parse_markdown("### a\n\nx\n\n#### b\n\ny\n\n### c\n");
  auto sections = p.doc.sections(3, nullptr);
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].html == "<p>x</p>\n<h4 id=\"b\">b</h4>\n<p>y</p>\n");
}

TEST_CASE("markdown: html_with_urls maps relative link and image URLs only") {
  auto p = parse_markdown(
      "![Team photo](photo.jpg) [About](/about/) [Part](#part) [Ext](https://nhs.uk/) "
      "[Mail](mailto:a@b.example) [Proto](//cdn.example/x)\n\n## See [more notes](notes/)\n");
  std::vector<std::string> seen;
  std::string html = p.doc.html_with_urls([&](std::string_view url) {
    seen.emplace_back(url);
    return "https://site.example/n/" + std::string(url);
  });
  CHECK(html ==
        "<p><img src=\"https://site.example/n/photo.jpg\" alt=\"Team photo\" /> "
        "<a href=\"https://site.example/n//about/\">About</a> "
        "<a href=\"https://site.example/n/#part\">Part</a> "
        "<a href=\"https://nhs.uk/\">Ext</a> <a href=\"mailto:a@b.example\">Mail</a> "
        "<a href=\"//cdn.example/x\">Proto</a></p>\n"
        "<h2 id=\"see-more-notes\">See <a href=\"https://site.example/n/notes/\">more notes</a></h2>\n");
  CHECK(seen == std::vector<std::string>{"photo.jpg", "/about/", "#part", "notes/"});
  // The document itself is unchanged.
  CHECK(p.doc.html() ==
        "<p><img src=\"photo.jpg\" alt=\"Team photo\" /> <a href=\"/about/\">About</a> "
        "<a href=\"#part\">Part</a> <a href=\"https://nhs.uk/\">Ext</a> "
        "<a href=\"mailto:a@b.example\">Mail</a> <a href=\"//cdn.example/x\">Proto</a></p>\n"
        "<h2 id=\"see-more-notes\">See <a href=\"notes/\">more notes</a></h2>\n");
}

TEST_CASE("markdown: mapped URLs are escaped exactly as cmark escapes them") {
  auto p = parse_markdown(
      "[a](<my file.pdf>) [b](a&b's.html?x=1&y=\"2\") [c](caf\xC3\xA9/%20ok/) "
      "![d](<img [1].png>) [e](q?a=<b>)\n");
  std::string same = p.doc.html_with_urls([](std::string_view url) { return std::string(url); });
  CHECK(same == p.doc.html());
  CHECK(same ==
        "<p><a href=\"my%20file.pdf\">a</a> "
        "<a href=\"a&amp;b&#x27;s.html?x=1&amp;y=%222%22\">b</a> "
        "<a href=\"caf%C3%A9/%20ok/\">c</a> <img src=\"img%20%5B1%5D.png\" alt=\"d\" /> "
        "<a href=\"q?a=%3Cb%3E\">e</a></p>\n");
  CHECK(p.doc.html_with_urls([](std::string_view) { return std::string("x y\"<'&"); }) ==
        "<p><a href=\"x%20y%22%3C&#x27;&amp;\">a</a> <a href=\"x%20y%22%3C&#x27;&amp;\">b</a> "
        "<a href=\"x%20y%22%3C&#x27;&amp;\">c</a> <img src=\"x%20y%22%3C&#x27;&amp;\" alt=\"d\" /> "
        "<a href=\"x%20y%22%3C&#x27;&amp;\">e</a></p>\n");
}

TEST_CASE("markdown: text that looks like herald's internal markers is left alone") {
  const std::string body =
      "## hx0123456789abcdefs0z\n\nhx0123456789abcdefu0z [l](hx0123456789abcdefqz) "
      "HX0123456789ABCDEFU0Z\n";
  auto p = parse_markdown(body);
  CHECK(p.doc.html() ==
        "<h2 id=\"hx0123456789abcdefs0z\">hx0123456789abcdefs0z</h2>\n"
        "<p>hx0123456789abcdefu0z <a href=\"hx0123456789abcdefqz\">l</a> "
        "HX0123456789ABCDEFU0Z</p>\n");
  CHECK(p.doc.html_with_urls([](std::string_view url) { return "/" + std::string(url); }) ==
        "<h2 id=\"hx0123456789abcdefs0z\">hx0123456789abcdefs0z</h2>\n"
        "<p>hx0123456789abcdefu0z <a href=\"/hx0123456789abcdefqz\">l</a> "
        "HX0123456789ABCDEFU0Z</p>\n");
  CHECK(p.doc.sections(2, nullptr).size() == 1);
}

TEST_CASE("markdown: sections can map URLs, including links in the heading's own section") {
  auto p = parse_markdown("Lead [a](a/).\n\n## See [b](b/)\n\n![c](c.png)\n\n## Next\n\n[d](d/)\n");
  std::function<std::string(std::string_view)> map = [](std::string_view url) {
    return "https://x.example/p/" + std::string(url);
  };
  std::string lead;
  auto sections = p.doc.sections(2, &lead, &map);
  CHECK(lead == "<p>Lead <a href=\"https://x.example/p/a/\">a</a>.</p>\n");
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].heading.text == "See b");
  CHECK(sections[0].html == "<p><img src=\"https://x.example/p/c.png\" alt=\"c\" /></p>\n");
  CHECK(sections[1].html == "<p><a href=\"https://x.example/p/d/\">d</a></p>\n");
  // Without a map, the URLs are as written.
  CHECK(p.doc.sections(2, nullptr)[1].html == "<p><a href=\"d/\">d</a></p>\n");
}

TEST_CASE("markdown: headings inside lists and quotes do not split sections") {
  auto p = parse_markdown("## A\n\n> ## Quoted\n\n- ## Listed\n\n## B\n");
  auto sections = p.doc.sections(2, nullptr);
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].html ==
        "<blockquote>\n<h2 id=\"quoted\">Quoted</h2>\n</blockquote>\n"
        "<ul>\n<li>\n<h2 id=\"listed\">Listed</h2>\n</li>\n</ul>\n");
  CHECK(p.doc.headings().size() == 4);
}

TEST_CASE("markdown: rendering leaves root() as it was") {
  auto p = parse_markdown("## Title [x](x/)\n\n![a](a.png)\n");
  cmark_node* heading = cmark_node_first_child(p.doc.root());
  REQUIRE(cmark_node_get_type(heading) == CMARK_NODE_HEADING);
  cmark_node* link = cmark_node_last_child(heading);
  REQUIRE(cmark_node_get_type(link) == CMARK_NODE_LINK);
  CHECK(std::string(cmark_node_get_url(link)) == "x/");
  cmark_node* image = cmark_node_first_child(cmark_node_next(heading));
  REQUIRE(cmark_node_get_type(image) == CMARK_NODE_IMAGE);
  CHECK(std::string(cmark_node_get_url(image)) == "a.png");
  CHECK(cmark_node_next(cmark_node_next(heading)) == nullptr);
}

TEST_CASE("markdown: the first paragraph as plain text, for a default summary") {
  auto p = parse_markdown(
      "## Heading first\n\n![A photo](p.jpg) The **new** [procedure](x/)\nstarts  in `May`.\n\n"
      "Second paragraph.\n");
  CHECK(p.doc.first_paragraph_text() == "The new procedure starts in May.");
}

TEST_CASE("markdown: the first paragraph prefers a top-level one and skips empty ones") {
  CHECK(parse_markdown("- a list item\n\nThe real summary.\n").doc.first_paragraph_text() ==
        "The real summary.");
  CHECK(parse_markdown("![only an image](a.png)\n\nText after.\n").doc.first_paragraph_text() ==
        "Text after.");
  CHECK(parse_markdown("> Quoted words.\n").doc.first_paragraph_text() == "Quoted words.");
  CHECK(parse_markdown("## Just a heading\n").doc.first_paragraph_text() == "");
}

TEST_CASE("markdown: the first paragraph leaves shortcodes out") {
  auto p = parse_markdown("Call {{phone team}} today.\n", 0, &testing::test_contacts());
  CHECK(p.doc.first_paragraph_text() == "Call today.");
}

TEST_CASE("markdown: word count counts the words of the text") {
  auto p = parse_markdown(
      "## Two words\n\nOne *two* three-four.\n\n- five\n- six\n\n| seven | eight |\n|---|---|\n"
      "| nine | ten |\n\n`eleven`\n");
  CHECK(p.doc.word_count() == 12);
  CHECK(parse_markdown("").doc.word_count() == 0);
  CHECK(parse_markdown("un*believ*able\n").doc.word_count() == 1);
}

TEST_CASE("markdown: root() is the checked tree, with headings as HEADING nodes") {
  auto p = parse_markdown("## A\n\n<div>x</div>\n\nText\n");
  cmark_node* root = p.doc.root();
  REQUIRE(root != nullptr);
  cmark_node* heading = cmark_node_first_child(root);
  REQUIRE(cmark_node_get_type(heading) == CMARK_NODE_HEADING);
  const Heading* info = p.doc.heading_at(heading);
  REQUIRE(info != nullptr);
  CHECK(info->anchor == "a");
  // The raw HTML block is gone: the paragraph follows the heading.
  cmark_node* next = cmark_node_next(heading);
  CHECK(cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH);
  CHECK(cmark_node_next(next) == nullptr);
  CHECK(p.doc.heading_at(next) == nullptr);
}

TEST_CASE("markdown: a document can be moved and still renders") {
  auto p = parse_markdown("## Moved\n\nBody.\n");
  Document moved = std::move(p.doc);
  CHECK(moved.html() == "<h2 id=\"moved\">Moved</h2>\n<p>Body.</p>\n");
  CHECK(moved.headings().size() == 1);
  CHECK(moved.heading_at(cmark_node_first_child(moved.root()))->anchor == "moved");
}

TEST_CASE("markdown: footnotes render at the end of a body without sections") {
  auto p = parse_markdown("Text.[^1]\n\n[^1]: The note.\n");
  std::string html = p.doc.html();
  CHECK(html.find("<sup class=\"footnote-ref\"><a href=\"#fn-1\"") != std::string::npos);
  CHECK(html.find("<section class=\"footnotes\"") == std::string::npos);
  CHECK(html.ends_with("<div class=\"herald-footnotes\">\n<ol class=\"herald-footnotes__list\">\n<li id=\"fn-1\">\n"
                       "<p>The note. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
                       "aria-label=\"Back to the text of note 1\">\u21a9</a></p>\n</li>\n</ol>\n</div>\n"));
}

}  // namespace
}  // namespace herald

TEST_CASE("markdown: every link and image published is kept, as written, with where it is") {
  herald::Diagnostics diags;
  herald::MarkdownOptions options;
  options.path = "content/pages/a.md";
  options.line_offset = 3;
  herald::Document doc = herald::Document::parse(
      "See [the toolkit](/procedures/toolkit/#part) and ![A chart](chart.png).\n\n"
      "Write to <mailto:team@x.example> or [here](javascript:alert(1)).\n",
      options, diags);
  std::vector<herald::LinkUse> links = doc.take_links();
  REQUIRE(links.size() == 3);
  CHECK(links[0].url == "/procedures/toolkit/#part");
  CHECK(links[0].line == 4);
  CHECK(links[0].column == 5);
  CHECK_FALSE(links[0].image);
  CHECK(links[1].url == "chart.png");
  CHECK(links[1].image);
  CHECK(links[1].column == 50);
  CHECK(links[2].url == "mailto:team@x.example");
  CHECK(links[2].line == 6);
  CHECK(doc.take_links().empty());  // taken once
}
