// The PDF module's entry point: a page's print PDF in the layout of its kind.
#include <mutex>
#include <string>

#include "content/library.h"
#include "core/diagnostic.h"
#include "output/pdf/briefing_pdf.h"
#include "output/pdf/chapter_pdf.h"
#include "output/pdf/minutes_pdf.h"
#include "output/pdf/newsletter_pdf.h"
#include "output/pdf/pdf_module.h"
#include "output/pdf/print_common.h"
#include "output/pdf/report_pdf.h"

namespace herald {
namespace {

/// The briefing, chapter, report, minutes or newsletter layout by kind (any other kind like a newsletter).
std::string draw_page_pdf(const Library& library, const Page& page, const pdf::FileIndex& files, Diagnostics& diags,
                          size_t* warned) {
  pdf::PdfWarnings warnings;
  std::string logo_problem;
  const pdf::PrintLogo logo = pdf::load_print_logo(library, &logo_problem);
  pdf::PdfJob job{library, page, files, warnings, logo ? &logo : nullptr};
  std::string bytes;
  switch (page.kind) {
    case Kind::briefing:
      bytes = pdf::render_briefing_pdf(job);
      break;
    case Kind::chapter:
      bytes = pdf::render_chapter_pdf(job);
      break;
    case Kind::report:
      bytes = pdf::render_report_pdf(job);
      break;
    case Kind::meeting:
      bytes = pdf::render_minutes_pdf(job);
      break;
    default:
      bytes = pdf::render_newsletter_pdf(job);
      break;
  }
  warnings.report(diags, page.source_path);
  if (warned) *warned = warnings.size();
  if (!logo_problem.empty()) {
    // Said once a build (every PDF has the same logo); each PDF is drawn
    // again next time, so that the logo is there once the problem is fixed.
    static std::once_flag said;
    std::call_once(said, [&] {
      diags.warning(library.config.logo_at, "the logo '" + library.config.logo + "' " + logo_problem +
                                                ": the print PDFs are made without it");
    });
    if (warned) *warned += 1;
  }
  return bytes;
}

const PdfModule kModule{HERALD_VERSION, sizeof(Library), sizeof(Page), sizeof(Diagnostics), &draw_page_pdf};

}  // namespace
}  // namespace herald

extern "C" const herald::PdfModule* herald_pdf_module() { return &herald::kModule; }
