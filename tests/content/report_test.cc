// Tests for content/report: numbered headings, numbers typed by hand, unknown report types.
#include "content/report.h"

#include <doctest/doctest.h>

#include "markdown/document.h"
#include "../markdown/markdown_test_support.h"

namespace herald {
namespace {

TEST_CASE("a number typed at the start of a heading is found; words and years are not numbers") {
  CHECK(typed_heading_number("2.1 Neglect") == 4);
  CHECK(typed_heading_number("3. Our priorities") == 3);
  CHECK(typed_heading_number("4) Risks") == 3);
  CHECK(typed_heading_number("01 Foreword") == 3);
  CHECK(typed_heading_number("1.2.3  Deep") == 7);
  CHECK(typed_heading_number("10 things we learned") == 0);
  CHECK(typed_heading_number("2024 in numbers") == 0);
  CHECK(typed_heading_number("2023.24 figures") == 0);
  CHECK(typed_heading_number("Foreword") == 0);
  CHECK(typed_heading_number("2.1") == 0);  // nothing after it: the heading is the number
}

TEST_CASE("numbered headings: 1, 1.1, 1.1.1 for ##, ### and ####, on the page and in the headings") {
  MarkdownOptions options;
  options.path = "content/reports/a.md";
  options.number_headings = true;
  Diagnostics diags;
  Document doc = Document::parse(
      "### Before any\n\n## One\n\n### One a\n\n#### Deeper\n\n### One b\n\n## Two\n\n### Two a\n\n> ## In a quote\n",
      options, diags);
  std::vector<std::string> numbers;
  for (const Heading& h : doc.headings()) numbers.push_back(h.number);
  CHECK(numbers == std::vector<std::string>{"", "1", "1.1", "1.1.1", "1.2", "2", "2.1", ""});
  CHECK(doc.html().find("<h3 id=\"one-b\"><span class=\"herald-heading-number\">1.2</span> One b</h3>") !=
        std::string::npos);
  CHECK(doc.html().find("<h3 id=\"before-any\">Before any</h3>") != std::string::npos);
}

TEST_CASE("an unknown report type suggests the closest, or lists them all") {
  std::vector<std::string> known = {"annual-report", "strategy", "audit"};
  CHECK(unknown_report_type_message("anual-report", known) ==
        "unknown report_type 'anual-report' (did you mean 'annual-report'?)");
  CHECK(unknown_report_type_message("newsletter", known) ==
        "unknown report_type 'newsletter' (expected annual-report, strategy or audit)");
}

}  // namespace
}  // namespace herald
