// Tests for output/pdf/chart_pdf: a chart in a print PDF is vectors in a Figure whose /Alt is its description.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/library.h"
#include "markdown/document.h"
#include "output/pdf/pdf_outputs.h"
#include "pdf_test_support.h"

using namespace herald;
using namespace herald::pdf_test;

namespace {

TEST_CASE("chart pdf: a Figure described in words, its labels and title as text, nothing untagged") {
  PdfSite site;
  std::string md =
      "Numbers for the year.\n\n"
      "```chart\ntitle: Attendance at webinars\ntype: bar\nunit: attendees\nsource: Training records\n---\n"
      "Webinar,Attendees\nAn introduction,147\nMyth busting,59\n```\n\n"
      "```chart\ntitle: Referrals by quarter\ntype: line\n---\nQuarter,Police,Schools\nQ1,64,41\nQ2,72,38\n```\n\n"
      "After the charts.\n";
  Page& page = site.add_page(Kind::page, "pages", "numbers", "Our year in numbers", md);
  CHECK(site.parse_diags.count(Severity::error) == 0);
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Attendance at webinars"));
  CHECK(contains(text, "An introduction"));
  CHECK(contains(text, "147"));
  CHECK(contains(text, "Source: Training records"));
  CHECK(contains(text, "After the charts."));
  auto figures = only(structure_roles(bytes), "Figure");
  REQUIRE(figures.size() == 2);
  CHECK(figures[0] ==
        "Figure=Attendance at webinars. Bar chart with 2 bars. Values range from 59 to 147 attendees. Highest: An "
        "introduction (147 attendees). Lowest: Myth busting (59 attendees).");
  CHECK(contains(figures[1], "Figure=Referrals by quarter. Line chart of 2 series (Police, Schools)"));
  // No picture: the chart is drawn as vectors.
  std::string images = file.tool("pdfimages", "-list");
  CHECK(std::count(images.begin(), images.end(), '\n') == 2);  // the two header lines, no image
  CHECK(untagged_operators(bytes) == 0);
  CHECK(site.diags.count(Severity::warning) == 0);
}

}  // namespace
