// The PDF module's entry point: a page's print PDF in the layout of its kind.
#include <string>

#include "content/library.h"
#include "core/diagnostic.h"
#include "output/pdf/briefing_pdf.h"
#include "output/pdf/chapter_pdf.h"
#include "output/pdf/newsletter_pdf.h"
#include "output/pdf/pdf_module.h"
#include "output/pdf/print_common.h"

namespace herald {
namespace {

/// The briefing, chapter or newsletter layout by kind (any other kind like a newsletter).
std::string draw_page_pdf(const Library& library, const Page& page, const pdf::FileIndex& files, Diagnostics& diags,
                          size_t* warned) {
  pdf::PdfWarnings warnings;
  pdf::PdfJob job{library, page, files, warnings};
  std::string bytes;
  switch (page.kind) {
    case Kind::briefing:
      bytes = pdf::render_briefing_pdf(job);
      break;
    case Kind::chapter:
      bytes = pdf::render_chapter_pdf(job);
      break;
    default:
      bytes = pdf::render_newsletter_pdf(job);
      break;
  }
  warnings.report(diags, page.source_path);
  if (warned) *warned = warnings.size();
  return bytes;
}

const PdfModule kModule{HERALD_VERSION, sizeof(Library), sizeof(Page), sizeof(Diagnostics), &draw_page_pdf};

}  // namespace
}  // namespace herald

extern "C" const herald::PdfModule* herald_pdf_module() { return &herald::kModule; }
