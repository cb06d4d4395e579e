// Print PDFs of briefings, newsletters, chapters and pages, checked with poppler-utils and libqpdf.
#include <cairo.h>
#include <doctest/doctest.h>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "content/library.h"
#include "markdown/document.h"
#include "output/pdf/chapter_pdf.h"
#include "output/pdf/pdf_outputs.h"
#include "support/site_builder.h"
#include "pdf_test_support.h"

using namespace herald;
using namespace herald::pdf_test;

namespace {

const char* kMarks[] = {"PURPOSEMARK",   "BACKGROUNDMARK", "FINDINGSMARK", "PRACTICEMARK",
                        "QUESTIONSMARK", "RESOURCESMARK",  "FURTHERMARK"};

/// A baseline 8x8 grey JPEG, built by hand: one quantisation table, one
/// Huffman code each for DC and AC, one block of zeros.
std::string tiny_jpeg() {
  std::string j = "\xFF\xD8";
  j += std::string("\xFF\xDB\x00\x43\x00", 5) + std::string(64, '\x01');
  j += std::string("\xFF\xC0\x00\x0B\x08\x00\x08\x00\x08\x01\x01\x11\x00", 13);
  j += std::string("\xFF\xC4\x00\x14\x00\x01", 6) + std::string(15, '\0') + std::string(1, '\0');
  j += std::string("\xFF\xC4\x00\x14\x10\x01", 6) + std::string(15, '\0') + std::string(1, '\0');
  j += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
  j += "\x3F";
  j += "\xFF\xD9";
  return j;
}



/// Share of non-white pixels of page `page` rendered at 20 dpi.
double ink(const PdfFile& file, int page) {
  auto r = herald::test::run_command("pdftoppm -gray -r 20 -f " + std::to_string(page) + " -l " +
                                     std::to_string(page) + " '" + file.path() + "'");
  REQUIRE(r.exit_code == 0);
  // A binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
  std::istringstream in(r.out);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  REQUIRE(magic == "P5");
  std::string pixels((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(pixels.size() >= static_cast<size_t>(w * h));
  int dark = 0;
  for (int i = 0; i < w * h; ++i)
    if (static_cast<unsigned char>(pixels[i]) < 200) ++dark;
  return static_cast<double>(dark) / (w * h);
}

std::string words(int n) {
  static const char* vocabulary[] = {"the",    "family",   "was",      "seen",   "by",
                                     "health", "visitors", "and",      "school", "staff",
                                     "who",    "shared",   "concerns", "about",  "neglect"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += vocabulary[(i * 7) % 15];
    out += (i % 12 == 11) ? ". " : " ";
  }
  return out;
}

}  // namespace

TEST_CASE("a normal briefing is one tagged A4 page with its title, fonts embedded with Unicode maps") {
  PdfSite site;
  const Page& page = site.add_briefing("sudi");
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  std::string info = file.tool("pdfinfo");
  CHECK(info_field(info, "Tagged") == "yes");
  CHECK(info_field(info, "Title") == "Learning from the review of baby Alfie");
  CHECK(info_field(info, "Pages") == "1");
  CHECK(contains(info_field(info, "Page size"), "(A4)"));
  CHECK(info_field(info, "PDF version") == "1.7");
  CHECK(info_field(info, "CreationDate") != "");

  std::string fonts = file.tool("pdffonts");
  std::istringstream lines(fonts);
  std::string line;
  int count = 0;
  std::getline(lines, line);  // header
  std::getline(lines, line);  // ----
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++count;
    CAPTURE(line);
    CHECK(contains(line, " yes yes yes "));  // embedded, subset, Unicode map
  }
  CHECK(count >= 2);
  CHECK(site.diags.count(Severity::warning) == 0);
}

TEST_CASE("pdftotext of a briefing reads the seven sections in number order") {
  PdfSite site;
  // Written out of order: printed in number order.
  std::string md = kBriefing;
  size_t three = md.find("## 3 Key findings"), four = md.find("## 4 What");
  std::string section3 = md.substr(three, four - three);
  md.erase(three, four - three);
  md += "\n" + section3;
  const Page& page = site.add_briefing("order", md);
  PdfFile file(site.render(page));
  for (const char* options : {"", "-raw"}) {
    std::string text = file.tool("pdftotext", options);
    CAPTURE(options);
    size_t previous = 0;
    for (const char* mark : kMarks) {
      size_t at = text.find(mark);
      CAPTURE(mark);
      REQUIRE(at != std::string::npos);
      CHECK(at > previous);
      previous = at;
    }
    CHECK(contains(text, "Purpose"));
    CHECK(contains(text, "Drawn from"));
    CHECK(contains(text, "https://safeguarding.northbrook.example/briefings/order/"));
  }
}

TEST_CASE("a briefing's structure tree has the title, seven numbered headings, lists and links") {
  PdfSite site;
  const Page& page = site.add_briefing("tree");
  std::string bytes = site.render(page);
  auto roles = structure_roles(bytes);
  REQUIRE(!roles.empty());
  CHECK(roles.front() == "Document");
  CHECK(only(roles, "H1").size() == 1);
  auto h2 = only(roles, "H2");
  CHECK(h2.size() == 7);
  CHECK(only(roles, "Sect").size() == 7);
  CHECK(only(roles, "L").size() >= 2);
  CHECK(only(roles, "LI").size() == 4);  // two lists of two (the contact card's lines are paragraphs)
  CHECK(only(roles, "Lbl").size() == only(roles, "LI").size());
  CHECK(only(roles, "Link").size() >= 4);  // early help, guidance, phone, source, web address
  // H1 before the first H2; no skipped level.
  auto first_h1 = std::find(roles.begin(), roles.end(), "H1");
  auto first_h2 = std::find(roles.begin(), roles.end(), "H2");
  CHECK(first_h1 < first_h2);
  CHECK(untagged_operators(bytes) == 0);
}

TEST_CASE(
    "the catalogue has /Lang, DisplayDocTitle, XMP with the title and PDF/UA id, and every page /Tabs /S") {
  PdfSite site;
  site.lib.config.language = "en-GB";
  const Page& page = site.add_briefing("catalogue");
  std::string bytes = site.render(page);
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  QPDFObjectHandle root = pdf.getRoot();
  CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
  CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
  CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
  QPDFObjectHandle metadata = root.getKey("/Metadata");
  REQUIRE(metadata.isStream());
  auto data = metadata.getStreamData();
  std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK(contains(xmp, "<rdf:li xml:lang=\"x-default\">Learning from the review of baby Alfie</rdf:li>"));
  CHECK(contains(xmp, "<pdfuaid:part>1</pdfuaid:part>"));
  CHECK(contains(xmp, "<xmp:CreateDate>2024-03-20T10:00:00Z</xmp:CreateDate>"));
  CHECK(pdf.getTrailer().getKey("/Info").getKey("/CreationDate").getStringValue() == "D:20240320100000Z");
  CHECK(pdf.getTrailer().getKey("/ID").isArray());
  for (auto& p : QPDFPageDocumentHelper(pdf).getAllPages()) {
    CHECK(p.getObjectHandle().getKey("/Tabs").getName() == "/S");
    for (auto& annot : p.getAnnotations("/Link")) {
      QPDFObjectHandle a = annot.getObjectHandle();
      CHECK(a.getKey("/Contents").isString());
      CHECK(!a.getKey("/Contents").getUTF8Value().empty());
      CHECK(a.hasKey("/StructParent"));
    }
  }
  CHECK(root.getKey("/Outlines").isDictionary());
  int cid_fonts = 0;
  for (QPDFObjectHandle object : pdf.getAllObjects())
    if (object.isDictionary() && object.getKey("/Subtype").isNameAndEquals("/CIDFontType2")) {
      ++cid_fonts;
      CHECK(object.getKey("/CIDToGIDMap").isNameAndEquals("/Identity"));
    }
  CHECK(cid_fonts > 0);
}

TEST_CASE("links in a briefing go to absolute addresses; tel: links stay links") {
  PdfSite site;
  const Page& page = site.add_briefing("links");
  std::string bytes = site.render(page);
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  std::vector<std::string> uris;
  for (auto& p : QPDFPageDocumentHelper(pdf).getAllPages())
    for (auto& annot : p.getAnnotations("/Link"))
      if (annot.getObjectHandle().getKey("/A").getKey("/URI").isString())
        uris.push_back(annot.getObjectHandle().getKey("/A").getKey("/URI").getStringValue());
  auto has = [&](const std::string& u) { return std::find(uris.begin(), uris.end(), u) != uris.end(); };
  CHECK(has("https://safeguarding.northbrook.example/early-help/"));
  CHECK(has("https://www.lullabytrust.org.uk/safer-sleep-advice/"));
  CHECK(has("tel:+441164960000"));
  CHECK(has("https://example.org/alfie.pdf"));
  CHECK(has("https://safeguarding.northbrook.example/briefings/links/"));
  PdfFile file(bytes);
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "0116 496 0000"));
  CHECK(contains(text, "Children's Front Door"));
  CHECK_FALSE(contains(text, "<a"));
  CHECK_FALSE(contains(text, "{{"));
}

TEST_CASE("a briefing page rendered by pdftoppm is not blank") {
  PdfSite site;
  PdfFile file(site.render(site.add_briefing("ink")));
  double share = ink(file, 1);
  CHECK(share > 0.05);  // the title band alone is more
  CHECK(share < 0.9);
}

TEST_CASE("the same page gives byte-identical PDFs, also when rendered on several threads at once") {
  PdfSite site;
  const Page& page = site.add_briefing("same");
  std::string first = site.render(page);
  std::string second = site.render(page);
  CHECK(first == second);
  std::vector<std::string> results(6);
  std::vector<std::thread> threads;
  auto files = make_file_index(site.lib);
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = render_page_pdf(site.lib, page, files, site.diags); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == first);
  // A different page gets a different /ID.
  std::string other = site.render(site.add_briefing("other"));
  QPDF a, b;
  a.processMemoryFile("a", first.data(), first.size());
  b.processMemoryFile("b", other.data(), other.size());
  CHECK(a.getTrailer().getKey("/ID").unparse() != b.getTrailer().getKey("/ID").unparse());
}

TEST_CASE("a 3,000-word briefing runs on to more pages with a warning, text never below 9 pt") {
  PdfSite site;
  std::string md;
  for (int n = 1; n <= 7; ++n) md += "## " + std::to_string(n) + " Section\n\n" + words(430) + "\n\n";
  std::string bytes = site.render(site.add_briefing("long", md));
  PdfFile file(bytes);
  int pages = std::stoi(info_field(file.tool("pdfinfo"), "Pages"));
  CHECK(pages >= 2);
  CHECK(site.diags.count(Severity::warning) == 1);
  auto diags = site.diags.sorted();
  REQUIRE(!diags.empty());
  CHECK(contains(diags[0].message, "does not fit on one A4 page"));
  CHECK(diags[0].where.path == "content/briefings/long.md");
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Page 2 of"));
  // cairo sets text with `1 Tf` and the size in the text matrix: every Tm
  // outside an artifact (page numbers are 8.5 pt furniture) scales by 9 or more.
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  int matrices = 0;
  for (auto& p : QPDFPageDocumentHelper(pdf).getAllPages()) {
    std::string content;
    Pl_String sink("content", nullptr, content);
    p.pipeContents(&sink);
    std::istringstream in(content);
    std::string token;
    std::vector<std::string> recent;
    bool artifact = false;
    while (in >> token) {
      if (token == "/Artifact") artifact = true;
      if (token == "EMC") artifact = false;
      if (token == "Tm" && !artifact && recent.size() >= 6) {
        ++matrices;
        CHECK(std::abs(std::stod(recent[recent.size() - 6])) >= 9.0 - 1e-6);
      }
      recent.push_back(token);
      if (recent.size() > 8) recent.erase(recent.begin());
    }
  }
  CHECK(matrices > 10);
}

TEST_CASE(
    "broken input gives warnings and a usable PDF: missing image, not an image, a table wider than the "
    "page") {
  PdfSite site;
  site.add_file("images/bad.png", "GIF89a, not a PNG at all");
  std::string table =
      "| " + std::string("a | ") + "b | c | d | e | f | g | h | i | j | k | l | m | n | o | p |\n|";
  for (int i = 0; i < 16; ++i) table += "---|";
  table += "\n| antidisestablishmentarianism | pneumonoultramicroscopicsilicovolcanoconiosis |";
  for (int i = 0; i < 14; ++i) table += " 12345 |";
  std::string md =
      "## Article\n\n![Chart of referrals](/images/missing.png)\n\n![Not a picture](/images/bad.png)\n\n" +
      table + "\n\nAfter the table.\n";
  const Page& page = site.add_page(Kind::newsletter, "newsletters", "broken", "Broken", md);
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  CHECK(info_field(file.tool("pdfinfo"), "Tagged") == "yes");
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Image not available: Chart of referrals"));
  CHECK(contains(text, "Image not available: Not a picture"));
  CHECK(contains(text, "After the table."));
  std::vector<std::string> messages;
  for (const auto& d : site.diags.sorted()) messages.push_back(d.message);
  REQUIRE(messages.size() == 3);
  CHECK(contains(messages[0], "image '/images/missing.png' is missing"));
  CHECK(contains(messages[1], "image '/images/bad.png' is not a PNG or JPEG image"));
  CHECK(contains(messages[2], "wider than the printed page"));
  CHECK(untagged_operators(bytes) == 0);
}

TEST_CASE(
    "a newsletter has its masthead, In this issue, every article, images with alt text, and page numbers") {
  PdfSite site;
  site.add_file("images/photo.png", tiny_png());
  site.add_file("newsletters/spring/chart.jpg", tiny_jpeg());
  std::string md =
      "## Welcome from the chair\n\nWelcome to the spring issue. Jump to [training](#training-dates).\n\n"
      "![Families at the spring event](/images/photo.png)\n\n### A new website\n\n" +
      words(700) +
      "\n\n## Neglect strategy\n\n1. Early recognition\n2. Listening to children\n\n"
      "| Priority | Lead |\n|---|---|\n| Early recognition | Health |\n\n![Referrals by month](chart.jpg)\n\n"
      "## Training dates\n\n" +
      words(900) + "\n";
  Page& page = site.add_page(Kind::newsletter, "newsletters", "spring", "Spring 2024", md);
  page.series = "Safeguarding Matters";
  page.issue = 12;
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  std::string info = file.tool("pdfinfo");
  int pages = std::stoi(info_field(info, "Pages"));
  CHECK(pages >= 2);
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Safeguarding Matters"));
  CHECK(contains(text, "Issue 12"));
  CHECK(contains(text, "12 April 2024"));
  CHECK(contains(text, "In this issue"));
  CHECK(contains(text, "Page 1 of " + std::to_string(pages)));
  CHECK(contains(text, "Page " + std::to_string(pages) + " of " + std::to_string(pages)));
  auto roles = structure_roles(bytes);
  CHECK(only(roles, "H1").size() == 1);
  CHECK(only(roles, "H2").size() == 4);  // In this issue + three articles
  CHECK(only(roles, "H3").size() == 1);
  CHECK(only(roles, "Table").size() == 1);
  CHECK(std::count(roles.begin(), roles.end(), "TH") == 2);  // THead groups them
  auto figures = only(roles, "Figure");
  REQUIRE(figures.size() == 2);
  CHECK(figures[0] == "Figure=Families at the spring event");
  CHECK(figures[1] == "Figure=Referrals by month");
  std::string images = file.tool("pdfimages", "-list");
  CHECK(contains(images, "jpeg"));
  CHECK(site.diags.count(Severity::warning) == 0);
  // Bookmarks from the headings, and the internal link resolved to a destination.
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  CHECK(pdf.getRoot().getKey("/Outlines").getKey("/Count").getIntValue() >= 3);
  bool internal = false;
  for (auto& p : QPDFPageDocumentHelper(pdf).getAllPages())
    for (auto& annot : p.getAnnotations("/Link"))
      if (annot.getObjectHandle().hasKey("/Dest")) internal = true;
  CHECK(internal);
  CHECK(ink(file, 1) > 0.03);
}

TEST_CASE("a procedures chapter says on every page that printed copies may be out of date") {
  PdfSite site;
  Page& index = site.add_page(Kind::manual, "procedures", "children", "Children's procedures", "");
  index.pdf = false;
  Manual manual;
  manual.slug = "children";
  manual.index = &index;
  site.lib.manuals.push_back(manual);
  Page& page = site.add_page(Kind::chapter, "procedures/children", "referrals", "Referrals",
                             "## When to refer\n\n" + words(1600) + "\n");
  page.manual = "children";
  page.owner = "Northbrook Safeguarding Children Board";
  page.reviewed = DateTime{1704067200, 0, false};
  page.review_due = DateTime{1735689600, 0, false};
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  int pages = std::stoi(info_field(file.tool("pdfinfo"), "Pages"));
  REQUIRE(pages >= 2);
  const std::string warning =
      pdf::printed_copy_warning("https://safeguarding.northbrook.example/procedures/children/referrals/");
  for (int p = 1; p <= pages; ++p) {
    std::string text = file.tool("pdftotext", "-f " + std::to_string(p) + " -l " + std::to_string(p));
    std::string flat;
    for (char c : text) flat += (c == '\n') ? ' ' : c;
    CAPTURE(p);
    CHECK(contains(flat, "Printed copies may be out of date. Check the current version at"));
    CHECK(contains(flat, "https://safeguarding.northbrook.example/procedures/children/referrals/"));
  }
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Children's procedures"));
  CHECK(contains(text, "Owner: Northbrook Safeguarding Children Board"));
  CHECK(contains(text, "Last updated: 20 March 2024"));
  CHECK(contains(text, "Last reviewed: 1 January 2024"));
  CHECK(contains(text, "Review due: 1 January 2025"));
  CHECK(untagged_operators(bytes) == 0);
}

TEST_CASE("a page with pdf: true is laid out like a newsletter, with its contents when it asks for them") {
  PdfSite site;
  Page& page =
      site.add_page(Kind::page, "annual-report", "annual-report", "Annual report 2023–24",
                    "## Foreword\n\n" + words(200) + "\n\n## Our priorities\n\n" + words(200) + "\n");
  page.url = "/annual-report/";
  page.toc = true;
  std::string bytes = site.render(page);
  PdfFile file(bytes);
  std::string text = file.tool("pdftotext");
  CHECK(contains(text, "Annual report 2023–24"));
  CHECK(contains(text, "Contents"));
  CHECK(contains(text, "Foreword"));
  CHECK(contains(text, "Page 1 of"));
  CHECK(pdf_output_path(page) == "annual-report/annual-report.pdf");
}

