// Integration: a chart block in a real site becomes a figure with its SVG, table and CSV, a Figure in the PDF, a table in the feed, words in the search index.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const char* kNewsletter =
    "---\ntitle: Our year in numbers\ndate: 2024-05-01\npdf: true\n---\n\n"
    "The partnership's training, in numbers.\n\n"
    "```chart\n"
    "title: Attendance at partnership webinars, 2023-24\n"
    "type: bar\n"
    "unit: attendees\n"
    "source: Partnership training records\n"
    "---\n"
    "Webinar,Attendees\n"
    "An introduction to the partnership,147\n"
    "\"Neglect, and what to do about it\",112\n"
    "Child exploitation: myth busting,59\n"
    "```\n\n"
    "```chart\n"
    "title: Referrals by quarter\n"
    "type: line\n"
    "---\n"
    "Quarter,Police,Schools\n"
    "Q1,64,41\n"
    "Q2,72,38\n"
    "```\n";

herald::test::RunResult build(TempSite& site) {
  return run_command("cd " + site.dir() + " && env -u HERALD_PAGEFIND '" HERALD_BINARY
                     "' build --now 2024-07-01T12:00:00");
}

}  // namespace

TEST_CASE("a chart is drawn on its page with its table and CSV, in the PDF as a described Figure, in feeds as a table") {
  TempSite site;
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") + "feeds:\n  full_content: true\n");
  site.write("content/newsletters/numbers.md", kNewsletter);
  site.commit("numbers", "2024-05-01T10:00:00+01:00");
  run_command("ln -s '" HERALD_SOURCE_DIR "/node_modules' " + site.dir() + "/node_modules");
  auto r = build(site);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  std::string page = site.read("public/newsletters/numbers/index.html");
  CHECK(contains(page, "<figure class=\"herald-chart herald-chart--bar\">\n<figcaption class=\"herald-chart__caption\">"
                       "Attendance at partnership webinars, 2023-24</figcaption>"));
  CHECK(contains(page, "role=\"img\" aria-labelledby=\"herald-chart-1-title\""));
  CHECK(contains(page, "<desc id=\"herald-chart-1-desc\">Bar chart with 3 bars. Values range from 59 to 147 "
                       "attendees. Highest: An introduction to the partnership (147 attendees). Lowest: Child "
                       "exploitation: myth busting (59 attendees).</desc>"));
  CHECK(contains(page, "<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Show "
                       "the data as a table</span></summary>"));
  CHECK(contains(page, "<tr><th scope=\"row\">Neglect, and what to do about it</th><td class=\"herald-chart__number\">"
                       "112</td></tr>"));
  CHECK(contains(page, "<a href=\"chart-1.csv\" download>Download the data (CSV)</a>"));
  CHECK(contains(page, "<a href=\"chart-2.csv\" download>"));
  CHECK_FALSE(contains(page, "language-chart"));
  CHECK(site.read("public/newsletters/numbers/chart-1.csv") ==
        "Webinar,Attendees\r\nAn introduction to the partnership,147\r\n\"Neglect, and what to do about it\",112\r\n"
        "Child exploitation: myth busting,59\r\n");
  CHECK(site.read("public/newsletters/numbers/chart-2.csv") == "Quarter,Police,Schools\r\nQ1,64,41\r\nQ2,72,38\r\n");

  // The full-content feed shows the table, not the picture; the CSV's address is whole.
  std::string json = site.read("public/newsletters/feed.json");
  CHECK(contains(json, "<table class=\\\"herald-chart__table\\\">"));
  CHECK_FALSE(contains(json, "<svg"));
  CHECK(contains(json, "numbers/chart-1.csv"));

  // The PDF: the chart's words as text, and a Figure whose alternate text is its description.
  std::string pdf = site.dir() + "/public/newsletters/numbers/numbers.pdf";
  auto text = run_command("pdftotext '" + pdf + "' -");
  CHECK(contains(text.out, "Attendance at partnership webinars, 2023-24"));
  CHECK(contains(text.out, "Source: Partnership training records"));
  auto json_pdf = run_command("qpdf --json '" + pdf + "'");
  CHECK(contains(json_pdf.out, "\"/S\": \"/Figure\""));
  CHECK(contains(json_pdf.out, "u:Referrals by quarter. Line chart of 2 series (Police, Schools) over 2 points."));

  // Pagefind indexes the table's words.
  auto words = run_command("cd " + site.dir() +
                           "/public/pagefind && for f in fragment/*.pf_fragment; do gunzip -c < \"$f\"; echo; done");
  CHECK(contains(words.out, "myth busting"));

  // A second build keeps the CSV files (from the records of the first).
  auto again = build(site);
  REQUIRE(again.exit_code == 0);
  CHECK(site.read("public/newsletters/numbers/chart-2.csv") == "Quarter,Police,Schools\r\nQ1,64,41\r\nQ2,72,38\r\n");
}

TEST_CASE("a chart with a mistake stops the build, at the bad cell") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/numbers.md",
             "---\ntitle: Numbers\n---\n\n```chart\ntitle: Referrals\n---\nQuarter,Police\nQ1,sixty\n```\n");
  site.commit("numbers");
  auto r = build(site);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "content/pages/numbers.md:9:4: error: 'sixty' is not a number"));
}
