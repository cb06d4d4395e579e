// Tests for output/pdf/report_pdf: cover, contents with page numbers, numbered headings, notes, totals, bookmarks.
#include "output/pdf/report_pdf.h"

#include <doctest/doctest.h>

#include <qpdf/QPDFOutlineDocumentHelper.hh>

#include <algorithm>

#include "pdf_test_support.h"

namespace herald::pdf_test {
namespace {

std::string sentences(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "The partnership reviewed its work with families and schools this year. ";
  return out;
}

/// A numbered annual report of several pages: a footnote, an alert, a long table with a total.
Page& add_report(PdfSite& site, bool numbered = true) {
  std::string md = "An introduction.\n\n## Foreword\n\nThanks to everyone[^1].\n\n> [!IMPORTANT]\n> Read the plan.\n\n";
  md += "## Our work\n\n" + sentences(40) + "\n\n### Training\n\n" + sentences(30) + "\n\n";
  md += "### Referrals\n\n| Month | Referrals |\n|---|--:|\n";
  for (int i = 1; i <= 70; ++i) md += "| Month " + std::to_string(i) + " | " + std::to_string(i * 3) + " |\n";
  md += "| **Total** | **7455** |\n\n## Next year\n\nMore to do.\n\n[^1]: Partners, staff and volunteers.\n";
  Page& page = site.add_page(Kind::report, "reports", "annual-report-2024", "Annual report 2023 to 2024", md);
  auto report = std::make_shared<ReportInfo>();
  report->report_type = "annual-report";
  report->period = "2023-2024";
  report->numbered = numbered;
  page.report = report;
  page.summary = "What the partnership did.";
  MarkdownOptions options;
  options.path = page.source_path;
  options.line_offset = page.body_line_offset;
  options.number_headings = numbered;
  page.doc = std::make_shared<Document>(Document::parse(md, options, site.parse_diags));
  site.lib.config.report_types = builtin_report_types();
  return page;
}

size_t exactly(const std::vector<std::string>& roles, const std::string& role) {
  return static_cast<size_t>(std::count(roles.begin(), roles.end(), role));
}

int page_of(const std::vector<std::string>& pages, const std::string& text) {
  for (size_t i = 0; i < pages.size(); ++i)
    if (contains(pages[i], text)) return static_cast<int>(i) + 1;
  return 0;
}

std::vector<std::string> text_pages(const PdfFile& file) {
  std::string text = file.tool("pdftotext", "-layout");
  std::vector<std::string> pages;
  size_t from = 0;
  for (size_t at = text.find('\f'); at != std::string::npos; at = text.find('\f', from)) {
    pages.push_back(text.substr(from, at - from));
    from = at + 1;
  }
  return pages;
}

TEST_CASE("a report's PDF: a cover, a contents page giving the page each numbered heading starts on, the text") {
  PdfSite site;
  const Page& page = add_report(site);
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  auto pages = text_pages(file);
  REQUIRE(pages.size() >= 4);
  // The cover: the partnership, type and period, title, summary; no footer.
  CHECK(contains(pages[0], "Northbrook Safeguarding Partnership"));
  CHECK(contains(pages[0], "Annual report · 2023-2024"));
  CHECK(contains(pages[0], "What the partnership did."));
  CHECK_FALSE(contains(pages[0], "Page 1 of"));
  // The contents: each numbered heading and the page it is on.
  const std::string& contents = pages[1];
  CHECK(contains(contents, "Contents"));
  for (const char* heading : {"1  Foreword", "2  Our work", "2.1  Training", "2.2  Referrals", "3  Next year"}) {
    CAPTURE(heading);
    std::string title = std::string(heading).substr(std::string(heading).find("  ") + 2);
    std::string number = std::string(heading).substr(0, std::string(heading).find("  "));
    int where = 0;
    for (size_t i = 2; i < pages.size() && !where; ++i)
      if (contains(pages[i], number + " " + title)) where = static_cast<int>(i) + 1;
    REQUIRE(where > 2);
    size_t line_start = contents.find(number + " " + title);
    REQUIRE(line_start != std::string::npos);
    std::string line = contents.substr(line_start, contents.find('\n', line_start) - line_start);
    CHECK(line.ends_with(" " + std::to_string(where)));
  }
  // The running footer, from the contents page on.
  CHECK(contains(pages[1], "Annual report 2023 to 2024"));
  CHECK(contains(pages[1], "Page 2 of " + std::to_string(pages.size())));
  // The alert's label, the note, the total.
  CHECK(contains(pages[2], "Important"));
  CHECK(contains(pages[2], "[1] Partners, staff and volunteers."));
  // The note at the foot of the page that refers to it: below its text, above the running footer.
  CHECK(pages[2].find("[1] Partners") > pages[2].find("2 Our work"));
  CHECK(pages[2].find("[1] Partners") < pages[2].find("Page 3 of"));
  CHECK(contains(pages.back() + pages[pages.size() - 2], "Total"));
  CHECK(site.diags.count(Severity::warning) == 0);
}

TEST_CASE("a report's table running over a page repeats its header row, as an artifact") {
  PdfSite site;
  const Page& page = add_report(site);
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  auto pages = text_pages(file);
  int first = page_of(pages, "Month 1 "), last = page_of(pages, "Month 70");
  REQUIRE(first > 0);
  REQUIRE(last > first);
  for (int p = first; p <= last; ++p) {
    CAPTURE(p);
    CHECK(contains(pages[p - 1], "Month") );
    CHECK(contains(pages[p - 1], "Referrals"));
  }
  // Tagged once: one header row of two TH in the structure tree; the rows in THead, TBody and TFoot.
  auto roles = structure_roles(bytes);
  CHECK(exactly(roles, "TH") == 2);
  CHECK(exactly(roles, "THead") == 1);
  CHECK(exactly(roles, "TBody") == 1);
  CHECK(exactly(roles, "TFoot") == 1);
  CHECK(untagged_operators(bytes) == 0);
}

TEST_CASE("a report's PDF is tagged: one H1, a TOC of every numbered heading, bookmarks mirroring the headings") {
  PdfSite site;
  const Page& page = add_report(site);
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  CHECK(info_field(file.tool("pdfinfo"), "Tagged") == "yes");
  auto roles = structure_roles(bytes);
  CHECK(exactly(roles, "H1") == 1);
  CHECK(exactly(roles, "TOC") == 1);
  CHECK(exactly(roles, "TOCI") == 5);
  CHECK(exactly(roles, "H2") == 4);  // Contents and three sections
  CHECK(exactly(roles, "H3") == 2);
  CHECK(untagged_operators(bytes) == 0);
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  QPDFOutlineDocumentHelper outlines(pdf);
  std::vector<std::string> top;
  for (auto& o : outlines.getTopLevelOutlines()) {
    top.push_back(o.getTitle());
    if (o.getTitle() == "2 Our work") {
      std::vector<std::string> kids;
      for (auto& k : o.getKids()) kids.push_back(k.getTitle());
      CHECK(kids == std::vector<std::string>{"2.1 Training", "2.2 Referrals"});
    }
  }
  CHECK(top == std::vector<std::string>{"1 Foreword", "2 Our work", "3 Next year"});
}

TEST_CASE("a report with numbered: false lists its ## and ### headings, as written") {
  PdfSite site;
  const Page& page = add_report(site, false);
  PdfFile file(site.render(page));
  auto pages = text_pages(file);
  CHECK(contains(pages[1], "Foreword"));
  CHECK(contains(pages[1], "Training"));
  CHECK_FALSE(contains(pages[1], "2.1"));
}

}  // namespace
}  // namespace herald::pdf_test
