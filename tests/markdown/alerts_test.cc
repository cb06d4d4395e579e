// Tests for markdown/alerts: `> [!NOTE]` and the others as labelled boxes, an unknown kind a warning.
#include "markdown/alerts.h"

#include <doctest/doctest.h>

#include <string>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;

TEST_CASE("alerts: each kind is a box labelled in words, its marker gone from the text") {
  for (const AlertKind& kind : alert_kinds()) {
    auto p = parse_markdown(std::string("> [!") + kind.marker + "]\n> Read this.\n");
    CAPTURE(kind.marker);
    CHECK(p.doc.html() == std::string("<div class=\"herald-alert herald-alert--") + kind.modifier +
                              "\" role=\"note\">\n<p class=\"herald-alert__title\"><strong>" + kind.label +
                              "</strong></p>\n<p>Read this.</p>\n</div>\n");
    CHECK(p.diags.empty());
    cmark_node* quote = cmark_node_first_child(p.doc.root());
    REQUIRE(alert_of(quote) != nullptr);
    CHECK(std::string(alert_of(quote)->label) == kind.label);
  }
  CHECK(alert_kinds().size() == 6);
}

TEST_CASE("alerts: any case; a marker on a line of its own before a blank line; text after it on its line kept") {
  auto p = parse_markdown("> [!warning]\n>\n> First.\n>\n> - a list\n");
  CHECK(p.doc.html() ==
        "<div class=\"herald-alert herald-alert--warning\" role=\"note\">\n<p class=\"herald-alert__title\">"
        "<strong>Warning</strong></p>\n<p>First.</p>\n<ul>\n<li>a list</li>\n</ul>\n</div>\n");
  auto inline_text = parse_markdown("> [!TIP] Ask the team.\n");
  CHECK(inline_text.doc.html().find("<strong>Tip</strong></p>\n<p>Ask the team.</p>") != std::string::npos);
}

TEST_CASE("alerts: the tree keeps the quote for the PDF, its marker gone") {
  auto p = parse_markdown("Before.\n\n> [!DECISION]\n> The board agreed the plan.\n");
  cmark_node* quote = cmark_node_next(cmark_node_first_child(p.doc.root()));
  REQUIRE(cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE);
  CHECK(std::string(alert_of(quote)->label) == "Decision");
  cmark_node* text = cmark_node_first_child(cmark_node_first_child(quote));
  CHECK(std::string(cmark_node_get_literal(text)) == "The board agreed the plan.");
  CHECK(alert_of(cmark_node_first_child(p.doc.root())) == nullptr);
}

TEST_CASE("alerts: an unknown kind is a warning naming the ones allowed, and stays a quotation") {
  auto p = parse_markdown("Text.\n\n> [!NOTES]\n> Hello.\n\n> [!FYI]\n> Hi.\n\n> [not] an alert\n", 5);
  CHECK(p.diags ==
        std::vector<std::string>{"8:3: warning: '[!NOTES]' is not an alert herald knows, so this is shown as a plain "
                                 "quotation (did you mean '[!NOTE]'?): an alert is [!NOTE], [!TIP], [!IMPORTANT], "
                                 "[!WARNING], [!CAUTION] or [!DECISION]",
                                 "11:3: warning: '[!FYI]' is not an alert herald knows, so this is shown as a plain "
                                 "quotation: an alert is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION] or "
                                 "[!DECISION]"});
  CHECK(p.doc.html().find("<blockquote>\n<p>[!NOTES]\nHello.</p>\n</blockquote>") != std::string::npos);
  CHECK(p.doc.html().find("herald-alert") == std::string::npos);
}

}  // namespace
}  // namespace herald
