// Styled text: ranges, trimming, and Pango line layout.
#include "output/pdf/rich_text.h"

#include <doctest/doctest.h>

using namespace herald::pdf;

TEST_CASE("rich text merges ranges of one format and keeps ranges right when trimmed") {
  RichText t;
  t.append("  Call ", {});
  t.append("the ", {});
  InlineFormat bold;
  bold.bold = true;
  int link = t.add_link(LinkTarget{"tel:+441164960000", ""});
  t.append("advice line", bold, link);
  t.append(" now.\n", {});
  CHECK(t.ranges().size() == 3);
  t.trim();
  CHECK(t.text() == "Call the advice line now.");
  REQUIRE(t.ranges().size() == 3);
  CHECK(t.ranges()[1].start == 9);
  CHECK(t.ranges()[1].end == 20);
  CHECK(t.link_text(link) == "advice line");
  CHECK(t.has_links());
  CHECK_FALSE(t.blank());
  CHECK(RichText(" \n ").blank());
}

TEST_CASE("a paragraph wraps into more lines in a narrower column; run extents are inside the width") {
  PdfMetadata metadata;
  metadata.title = "t";
  PdfDocument doc(metadata);
  std::string text;
  for (int i = 0; i < 40; ++i) text += "safeguarding ";
  TextStyle style;
  style.size = 10;
  TextBlock wide(doc, RichText(text), style, 500);
  TextBlock narrow(doc, RichText(text), style, 200);
  CHECK(narrow.line_count() > wide.line_count());
  CHECK(narrow.height() > wide.height());
  CHECK(narrow.used_width() <= 200.5);
  double x = -1, w = -1;
  REQUIRE(narrow.run_extent(0, 0, &x, &w));
  CHECK(x >= 0);
  CHECK(w > 0);
  CHECK_FALSE(narrow.run_extent(0, 99, &x, &w));
  // Baselines sit inside their lines.
  CHECK(narrow.line_baseline(0) > 0);
  CHECK(narrow.line_baseline(0) < narrow.line_height(0));
  CHECK(widest_word(doc, "a bb safeguarding c", style) ==
        doctest::Approx(text_width(doc, "safeguarding", style)));
  doc.finish();
}
