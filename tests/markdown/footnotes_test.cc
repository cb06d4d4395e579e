// Tests for markdown/footnotes: each note at the end of the section that first refers to it, on the page.
#include "markdown/footnotes.h"

#include <doctest/doctest.h>

#include <string>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST_CASE("footnotes: each note goes at the end of the section of its first reference, numbered on") {
  auto p = parse_markdown(
      "Lead[^a].\n\n## One\n\nFirst[^b] and second[^c].\n\n### Part\n\nMore.\n\n## Two\n\nAgain[^b], new[^d].\n\n"
      "[^d]: Note d.\n[^c]: Note c.\n[^b]: Note b.\n[^a]: Note a.\n");
  std::string html = p.doc.html();
  size_t one = html.find("<h2 id=\"one\">"), two = html.find("<h2 id=\"two\">");
  REQUIRE(one != std::string::npos);
  REQUIRE(two != std::string::npos);
  // The lead's note before `## One`; b and c after `### Part`, before `## Two`; d at the end.
  size_t a = html.find("<li id=\"fn-a\">"), b = html.find("<li id=\"fn-b\">"), c = html.find("<li id=\"fn-c\">"),
         d = html.find("<li id=\"fn-d\">");
  CHECK(a < one);
  CHECK((one < b && b < c && c < two));
  CHECK(html.find("<h3 id=\"part\">") < b);
  CHECK(two < d);
  CHECK(count(html, "<div class=\"herald-footnotes\">") == 3);
  // The lists go on numbering as the references do.
  CHECK(html.find("<ol class=\"herald-footnotes__list\" start=\"2\">\n<li id=\"fn-b\">") != std::string::npos);
  CHECK(html.find("<ol class=\"herald-footnotes__list\" start=\"4\">\n<li id=\"fn-d\">") != std::string::npos);
  // A note referred to twice leads back to each reference, each named.
  CHECK(html.find("aria-label=\"Back to reference 2 of note 2\"") != std::string::npos);
  CHECK(html.find("Back to content") == std::string::npos);
}

TEST_CASE("footnotes: the tree is as parsed once the page is rendered (for the PDF and the email)") {
  auto p = parse_markdown("## One\n\nText[^1].\n\n## Two\n\nMore.\n\n[^1]: The note.\n");
  cmark_node* last = cmark_node_last_child(p.doc.root());
  CHECK(cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION);
  auto groups = place_footnotes(p.doc.root());
  REQUIRE(groups.size() == 1);
  cmark_node* two = nullptr;
  for (cmark_node* n = cmark_node_first_child(p.doc.root()); n; n = cmark_node_next(n))
    if (const Heading* h = p.doc.heading_at(n); h && h->text == "Two") two = n;
  CHECK(two != nullptr);
  CHECK(groups[0].before == two);
  CHECK(groups[0].numbers == std::vector<int>{1});
}

TEST_CASE("footnotes: a note referred to only from another note goes with it; a body without notes has none") {
  auto p = parse_markdown("## One\n\nText[^1].\n\n## Two\n\nMore.\n\n[^1]: See also[^2].\n[^2]: The other.\n");
  auto groups = place_footnotes(p.doc.root());
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].numbers == std::vector<int>{1, 2});
  CHECK(place_footnotes(parse_markdown("## One\n\nText.\n").doc.root()).empty());
}

}  // namespace
}  // namespace herald
