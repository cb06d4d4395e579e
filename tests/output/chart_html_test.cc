// Tests for output/chart_html (with markdown/transform and the rendered body): a chart block on a page, in a feed, in plain text, and its errors at their places in the file.
#include "output/chart_html.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../markdown/markdown_test_support.h"
#include "markdown/plain_text.h"

namespace herald {
namespace {

using testing::parse_markdown;
using Strings = std::vector<std::string>;

const char* kBody =
    "Before.\n\n"
    "```chart\n"
    "title: Attendance at webinars\n"
    "type: column\n"
    "unit: attendees\n"
    "source: Training records\n"
    "---\n"
    "Webinar,Attendees\n"
    "Intro,147\n"
    "\"Myths, busted\",59\n"
    "```\n\n"
    "[Other](other.md) after.\n";

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("chart html: a figure with caption, SVG, the data as a table and the CSV linked") {
  auto p = parse_markdown(kBody, 3);
  CHECK(p.diags.empty());
  std::string html = p.doc.html();
  CHECK(html.find("<p>Before.</p>\n<figure class=\"herald-chart herald-chart--column\">\n"
                  "<figcaption class=\"herald-chart__caption\">Attendance at webinars</figcaption>\n") !=
        std::string::npos);
  CHECK(html.find("role=\"img\" aria-labelledby=\"herald-chart-1-title\" aria-describedby=\"herald-chart-1-desc\"") !=
        std::string::npos);
  CHECK(html.find("<details class=\"govuk-details herald-chart__data\"><summary class=\"govuk-details__summary\">"
                  "<span class=\"govuk-details__summary-text\">Show the data as a table</span></summary>") !=
        std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Myths, busted</th><td class=\"herald-chart__number\">59</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"herald-chart__meta\">Source: Training records. <a href=\"chart-1.csv\" download>"
                  "Download the data (CSV)</a></p>\n</figure>\n") != std::string::npos);
  CHECK(html.find("<code") == std::string::npos);
  CHECK(p.doc.chart_csvs() == Strings{"Webinar,Attendees\r\nIntro,147\r\n\"Myths, busted\",59\r\n"});
}

TEST_CASE("chart html: in a feed the table, without the picture, and the CSV's address mapped") {
  auto p = parse_markdown(kBody);
  auto absolute = [](std::string_view url) { return "https://x.example/pages/a/" + std::string(url); };
  std::string feed = p.doc.html_for_feed(absolute);
  CHECK(feed.find("<svg") == std::string::npos);
  CHECK(feed.find("<details") == std::string::npos);
  CHECK(feed.find("</details>") == std::string::npos);
  CHECK(feed.find("<figcaption class=\"herald-chart__caption\">Attendance at webinars</figcaption>\n"
                  "<table class=\"herald-chart__table\">") != std::string::npos);
  CHECK(feed.find("href=\"https://x.example/pages/a/chart-1.csv\"") != std::string::npos);
  CHECK(feed.find("href=\"https://x.example/pages/a/other.md\"") != std::string::npos);
  // The page keeps both, its links mapped too.
  std::string page = p.doc.html_with_urls(absolute);
  CHECK(count(page, "<svg") == 1);
  CHECK(page.find("href=\"https://x.example/pages/a/chart-1.csv\"") != std::string::npos);
}

TEST_CASE("chart html: charts are numbered in the order of the page") {
  std::string body = std::string(kBody) + "\n```chart\ntitle: Second\ntype: line\n---\nQ,A,B\nQ1,1,2\nQ2,3,4\n```\n";
  auto p = parse_markdown(body);
  std::string html = p.doc.html();
  CHECK(html.find("href=\"chart-2.csv\"") != std::string::npos);
  CHECK(html.find("id=\"herald-chart-2-title\"") != std::string::npos);
  CHECK(p.doc.chart_csvs().size() == 2);
}

TEST_CASE("chart html: plain text is the title, the description and the data") {
  auto p = parse_markdown("```chart\ntitle: Cases\ntype: column\n---\nMonth,Open\nApril,12\n```\n");
  CHECK(plain_text(p.doc.root(), false) ==
        "Cases. Column chart with 1 column. Values range from 12 to 12. Highest: April (12). Lowest: April (12). "
        "Month, Open April, 12");
}

TEST_CASE("chart html: errors at the line and column of the file, inside a list or a quote too") {
  auto p = parse_markdown(
      "Intro.\n\n"
      "```chart\n"
      "type: pie\n"
      "---\n"
      "A,B\n"
      "x,1,2\n"
      "y,ten\n"
      "```\n\n"
      "- item\n\n"
      "  ```chart\n"
      "  title: In a list\n"
      "  ---\n"
      "  A,B\n"
      "  x,1O\n"
      "  ```\n\n"
      "> ```chart\n"
      "> title: In a quote\n"
      "> ---\n"
      "> A,B\n"
      "> x\n"
      "> ```\n",
      5);
  CHECK(p.diags == Strings{
                       "8:1: error: this chart has no title: add a line 'title: …' before the '---'",
                       "9:7: error: unknown chart type 'pie': the types are bar, column, line and stacked-bar",
                       "12:5: error: this row has 3 cells but the header has 2: every row needs a label and one "
                       "number for each series",
                       "13:3: error: 'ten' is not a number: write digits only, such as 1250 or 12.5 (no units or "
                       "% sign: say the unit with 'unit:')",
                       "22:5: error: '1O' is not a number: write digits only, such as 1250 or 12.5 (no units or % "
                       "sign: say the unit with 'unit:')",
                       "29:4: error: this row has 1 cell but the header has 2: every row needs a label and one "
                       "number for each series",
                   });
  // A chart with a problem is not drawn.
  CHECK(p.doc.chart_csvs().empty());
}

TEST_CASE("chart html: a code block in another language is code") {
  auto p = parse_markdown("```csv\ntitle: x\n---\nA,B\n```\n");
  CHECK(p.doc.html() == "<pre><code class=\"language-csv\">title: x\n---\nA,B\n</code></pre>\n");
  CHECK(p.diags.empty());
}

}  // namespace
}  // namespace herald
