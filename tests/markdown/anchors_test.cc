// Tests for markdown/anchors: unique heading ids, the id in the tag, section numbers.
#include "markdown/anchors.h"

#include <doctest/doctest.h>

#include <string>

#include "markdown_test_support.h"

namespace herald {
namespace {

// The anchors of a body's headings, joined by spaces (readable when a check fails).
std::string anchors_of(std::string_view markdown) {
  auto parsed = testing::parse_markdown(markdown);
  std::string out;
  for (const Heading& h : parsed.doc.headings()) out += (out.empty() ? "" : " ") + h.anchor;
  return out;
}

TEST_CASE("markdown anchors: the slug of the heading text, punctuation dropped") {
  CHECK(anchors_of("## Domestic abuse & MARAC\n") == "domestic-abuse-marac");
  CHECK(anchors_of("## What's *new* in `v2`?\n") == "whats-new-in-v2");
  CHECK(anchors_of("## Children\xE2\x80\x99s services\n") == "childrens-services");
  CHECK(anchors_of("## [Linked](x.html) heading\n") == "linked-heading");
}

TEST_CASE("markdown anchors: repeated headings get -2, -3") {
  CHECK(anchors_of("## Summary\n\n## Summary\n\n### Summary\n") == "summary summary-2 summary-3");
}

TEST_CASE("markdown anchors: a heading that looks like a suffixed one does not collide") {
  CHECK(anchors_of("## Intro\n\n## Intro 2\n\n## Intro\n") == "intro intro-2 intro-3");
  CHECK(anchors_of("## Intro 2\n\n## Intro\n\n## Intro\n") == "intro-2 intro intro-3");
}

TEST_CASE("markdown anchors: headings without letters or digits become section, section-2") {
  CHECK(anchors_of("## ***\n\n## ???\n\n## Section\n") == "section section-2 section-3");
}

TEST_CASE("markdown anchors: non-ASCII letters are dropped by the slug rules") {
  // herald::slugify keeps ASCII letters and digits only.
  CHECK(anchors_of("## Café culture\n\n## 日本語\n\n## Über 18s\n") == "caf-culture section ber-18s");
}

TEST_CASE("markdown anchors: the same anchors in html(), sections() and headings()") {
  auto p = testing::parse_markdown("## Risk\n\nA\n\n## Risk\n\nB\n");
  CHECK(p.doc.html() == "<h2 id=\"risk\">Risk</h2>\n<p>A</p>\n<h2 id=\"risk-2\">Risk</h2>\n<p>B</p>\n");
  auto sections = p.doc.sections(2, nullptr);
  REQUIRE(sections.size() == 2);
  CHECK(sections[1].heading.anchor == "risk-2");
}

TEST_CASE("markdown anchors: AnchorSet hands out unique anchors") {
  AnchorSet set;
  CHECK(set.make("A b") == "a-b");
  CHECK(set.make("a-b") == "a-b-2");
  CHECK(set.make("") == "section");
  CHECK(set.make("!") == "section-2");
  for (int i = 3; i < 1000; ++i) CHECK(set.make("A b") == "a-b-" + std::to_string(i));
}

TEST_CASE("markdown anchors: the id goes into the opening tag") {
  CHECK(add_heading_id("<h2>Hi <em>there</em></h2>\n", "hi-there") ==
        "<h2 id=\"hi-there\">Hi <em>there</em></h2>\n");
  CHECK(add_heading_id("<h6>x</h6>", "x") == "<h6 id=\"x\">x</h6>");
  CHECK(add_heading_id("<p>not a heading</p>", "x") == "<p>not a heading</p>");
}

TEST_CASE("markdown anchors: the number an author wrote at the start of a heading") {
  CHECK(heading_number_hint("01 Purpose") == 1);
  CHECK(heading_number_hint("1. Purpose") == 1);
  CHECK(heading_number_hint("7: Learning") == 7);
  CHECK(heading_number_hint("3) Risks") == 3);
  CHECK(heading_number_hint("12") == 12);
  CHECK(heading_number_hint("Purpose") == 0);
  CHECK(heading_number_hint("2024 review") == 0);
  CHECK(heading_number_hint("1st steps") == 0);
  CHECK(heading_number_hint("") == 0);
}

}  // namespace
}  // namespace herald
