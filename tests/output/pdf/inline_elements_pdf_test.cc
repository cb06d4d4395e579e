// Print PDFs of the inline elements allowed in Markdown: superscripts, keys, highlights, abbreviations.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "pdf_test_support.h"

using namespace herald;
using namespace herald::pdf_test;

namespace {

/// The /E of every Span of the structure tree, in order ("" for none).
std::vector<std::string> span_expansions(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  std::vector<std::string> out;
  std::function<void(QPDFObjectHandle)> walk = [&](QPDFObjectHandle e) {
    if (e.isArray()) {
      for (int i = 0; i < e.getArrayNItems(); ++i) walk(e.getArrayItem(i));
      return;
    }
    if (!e.isDictionary() || !e.getKey("/S").isName()) return;
    if (e.getKey("/S").getName() == "/Span") out.push_back(e.getKey("/E").isString() ? e.getKey("/E").getUTF8Value() : "");
    walk(e.getKey("/K"));
  };
  walk(pdf.getRoot().getKey("/StructTreeRoot").getKey("/K"));
  return out;
}

/// The sizes text is set in (cairo's `Tm` scale) and how many times each, over all pages.
std::map<double, int> text_sizes(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  std::map<double, int> out;
  for (auto& p : QPDFPageDocumentHelper(pdf).getAllPages()) {
    std::string content;
    Pl_String sink("content", nullptr, content);
    p.pipeContents(&sink);
    std::istringstream in(content);
    std::string token;
    std::vector<std::string> recent;
    while (in >> token) {
      if (token == "Tm" && recent.size() >= 6) ++out[std::round(std::stod(recent[recent.size() - 6]) * 100) / 100];
      recent.push_back(token);
      if (recent.size() > 8) recent.erase(recent.begin());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the inline elements allowed in Markdown are kept in the PDF: scripts, keys, highlights, abbreviations") {
  PdfSite site;
  Page& page = site.add_page(
      Kind::page, "annual-report", "annual-report", "Annual report",
      "Our 25<sup>th</sup> year: H<sub>2</sub>O, press <kbd>Ctrl</kbd>, <mark>note this</mark>, "
      "<small>fine print</small>, <s>withdrawn</s>.<br>A new line, and the <abbr title=\"Local Authority "
      "Designated Officer\">LADO</abbr> and the <abbr>MASH</abbr>.\n\n"
      "| Team | When |\n|---|---|\n| Front door<br>Out of hours | 1<sup>st</sup> |\n");
  page.url = "/annual-report/";
  CHECK(site.parse_diags.sorted().empty());
  std::string bytes = site.render(page);
  CHECK(site.diags.sorted().empty());
  PdfFile file(bytes);
  std::string text = file.tool("pdftotext", "-raw");
  INFO(text);
  // (pdftotext takes the raised "th" for the end of a line.)
  CHECK(contains(text, "Our 25th"));
  CHECK(contains(text, "year: H2O, press Ctrl, note this, fine print, withdrawn.\nA new line"));
  CHECK(contains(text, "the LADO and the MASH."));
  CHECK(contains(text, "Front door\nOut of hours"));
  CHECK_FALSE(contains(text, "<"));
  // The abbreviation's Span says what it stands for; the other Spans nothing.
  std::vector<std::string> expansions = span_expansions(bytes);
  CHECK(std::count(expansions.begin(), expansions.end(), "Local Authority Designated Officer") == 1);
  CHECK(std::count_if(expansions.begin(), expansions.end(), [](const std::string& e) { return !e.empty(); }) == 1);
  // Superscripts and subscripts are set smaller than the text, kbd in the
  // monospace font; everything stays tagged.
  std::map<double, int> sizes = text_sizes(bytes);
  INFO(sizes.size());
  for (auto [size, count] : sizes) INFO(size, count);
  CHECK(sizes.count(7.56) == 1);  // 10.5 pt × 0.72
  CHECK(contains(file.tool("pdffonts"), "DejaVuSansMono"));
  CHECK(untagged_operators(bytes) == 0);
}
