// Tests for output/pdf/pdf_document: the bound on a PDF's pages.
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/limits.h"
#include "output/pdf/pdf_document.h"

using namespace herald::pdf;

TEST_CASE("a PDF stops being drawn at the most pages herald draws") {
  PdfMetadata metadata;
  metadata.title = "Long";
  PdfDocument doc(metadata);
  for (int i = 1; i < herald::kMaxPdfPages; ++i) doc.next_page();
  CHECK(doc.page_number() == herald::kMaxPdfPages);
  CHECK_THROWS_WITH_AS(doc.next_page(), "it runs past 1000 pages, the most herald draws: split the page into several",
                       std::length_error);
}
