// Integration: reports (§10) built from a real repository: /reports/ by type, a report's page and PDF, notes and alerts in every kind.
#include <doctest/doctest.h>

#include <string>

#include "support/site_builder.h"

using herald::test::run_command;
using herald::test::TempSite;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

void write_report_site(TempSite& site) {
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") + "reports:\n  report_types:\n    needs-assessment: Needs assessment\n");
  std::string body = "An introduction[^1].\n\n## Foreword\n\nThanks to everyone.\n\n> [!CAUTION]\n> Figures are provisional.\n\n"
                     "## Our work\n\n### Training\n\n| Course | Attended |\n|---|--:|\n| Neglect | 40 |\n| Exploitation | 25 |\n"
                     "| **Total** | **65** |\n\n## Next year\n\nMore to do.\n\n[^1]: Partnership records.\n";
  site.write("content/reports/annual-report-2023-24/index.md",
             "---\ntitle: Annual report 2023 to 2024\ndate: 2024-06-30\nreport_type: annual-report\nperiod: 2023-2024\n"
             "summary: What the partnership did.\n---\n\n" + body);
  site.write("content/reports/annual-report-2022-23.md",
             "---\ntitle: Annual report 2022 to 2023\ndate: 2023-06-30\nreport_type: annual-report\nperiod: 2022-2023\n"
             "numbered: false\n---\n\n## Foreword\n\nLast year.\n");
  site.write("content/reports/needs.md",
             "---\ntitle: Children's needs assessment\ndate: 2024-02-01\nreport_type: needs-assessment\n---\n\nNeeds.\n");
  site.write("content/reports/strategy.md",
             "---\ntitle: Strategy 2024 to 2027\ndate: 2024-04-01\nreport_type: strategy\n---\n\n## Priorities\n\nThree.\n");
  // Notes and alerts in another kind.
  site.write("content/pages/notes.md",
             "---\ntitle: Notes and alerts\n---\n\n## One\n\nA claim[^a].\n\n> [!DECISION]\n> The board agreed.\n\n"
             "## Two\n\nMore.\n\n[^a]: The source.\n");
}

}  // namespace

TEST_CASE("/reports/ lists the reports by type (the built-in ones, then the site's own), newest first in each") {
  TempSite site;
  write_report_site(site);
  site.commit("reports");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string list = site.read("public/reports/index.html");
  size_t annual = list.find("<h2 class=\"govuk-heading-l\" id=\"annual-report\">Annual report</h2>");
  size_t strategy = list.find("id=\"strategy\">Strategy</h2>");
  size_t needs = list.find("id=\"needs-assessment\">Needs assessment</h2>");
  REQUIRE(annual != std::string::npos);
  CHECK(annual < strategy);
  CHECK(strategy < needs);
  CHECK(list.find("Annual report 2023 to 2024") < list.find("Annual report 2022 to 2023"));
  CHECK(list.find("Annual report 2022 to 2023") < strategy);
  CHECK(contains(list, "Annual report · 2023-2024 · <time datetime=\"2024-06-30\">"));
  // Feeds, embeds, the sitemap and the search filter.
  CHECK(contains(site.read("public/reports/feed.xml"), "<title>Annual report 2023 to 2024</title>"));
  CHECK(contains(site.read("public/feed.xml"), "/reports/strategy/"));
  CHECK(contains(site.read("public/embed/reports/index.html"), "Strategy 2024 to 2027"));
  CHECK(contains(site.read("public/sitemap.xml"), "https://safeguarding.testshire.example/reports/needs/"));
  CHECK(contains(site.read("public/reports/needs/index.html"),
                 "<span data-pagefind-filter=\"report type\">Needs assessment</span>"));
  CHECK(contains(site.read("public/index.html"), "href=\"reports/\">Reports</a>"));
}

TEST_CASE("a report's page: numbered headings, its contents, notes at the end of their section, an alert, a total") {
  TempSite site;
  write_report_site(site);
  site.commit("reports");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string html = site.read("public/reports/annual-report-2023-24/index.html");
  CHECK(contains(html, "<h2 id=\"foreword\"><span class=\"herald-heading-number\">1</span> Foreword</h2>"));
  CHECK(contains(html, "<h3 id=\"training\"><span class=\"herald-heading-number\">2.1</span> Training</h3>"));
  // The contents list links every ## and ###.
  for (const char* anchor : {"foreword", "our-work", "training", "next-year"}) {
    CAPTURE(anchor);
    CHECK(contains(html, std::string("<a class=\"govuk-link\" href=\"#") + anchor + "\">"));
  }
  // The lead's note before the first heading; the alert labelled in words; the total in the footer.
  CHECK(html.find("<li id=\"fn-1\">") < html.find("<h2 id=\"foreword\">"));
  CHECK(contains(html, "<div class=\"herald-alert herald-alert--caution\" role=\"note\">\n"
                       "<p class=\"herald-alert__title\"><strong>Caution</strong></p>"));
  CHECK(contains(html, "</tbody>\n<tfoot>\n<tr>\n<td><strong>Total</strong></td>"));
  // numbered: false keeps the headings as written.
  std::string old = site.read("public/reports/annual-report-2022-23/index.html");
  CHECK(contains(old, "<h2 id=\"foreword\">Foreword</h2>"));
  // Every kind: a page's notes and its DECISION alert.
  std::string notes = site.read("public/notes/index.html");
  CHECK(notes.find("<li id=\"fn-a\">") < notes.find("<h2 id=\"two\">"));
  CHECK(contains(notes, "<strong>Decision</strong>"));
}

TEST_CASE("a report's PDF: the contents page gives page numbers, the bookmarks mirror the headings") {
  TempSite site;
  write_report_site(site);
  site.commit("reports");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string pdf = site.dir() + "/public/reports/annual-report-2023-24/annual-report-2023-24.pdf";
  auto text = run_command("pdftotext -layout '" + pdf + "' -");
  REQUIRE(text.exit_code == 0);
  // Cover, contents, then the text from page 3.
  CHECK(contains(text.out, "Annual report · 2023-2024"));
  for (const char* entry : {"1 Foreword", "2 Our work", "2.1 Training", "3 Next year"}) {
    CAPTURE(entry);
    size_t at = text.out.find(entry);
    REQUIRE(at != std::string::npos);
    std::string line = text.out.substr(at, text.out.find('\n', at) - at);
    CHECK(line.ends_with(" 3"));
  }
  CHECK(contains(text.out, "Page 3 of 3"));
  CHECK(contains(text.out, "Caution"));
  CHECK(contains(text.out, "[1] Partnership records."));
  auto json = run_command("qpdf --json --json-key=outlines '" + pdf + "'");
  REQUIRE(json.exit_code == 0);
  for (const char* title : {"\"title\": \"1 Foreword\"", "\"title\": \"2 Our work\"", "\"title\": \"2.1 Training\"",
                            "\"title\": \"3 Next year\""}) {
    CAPTURE(title);
    CHECK(contains(json.out, title));
  }
  auto info = run_command("pdfinfo '" + pdf + "'");
  CHECK(contains(info.out, "Tagged:          yes"));
}
