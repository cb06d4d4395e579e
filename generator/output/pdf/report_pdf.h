// The print PDF of a report (§10): a cover, a contents page with page numbers, the text, a running footer.
#pragma once

#include <string>

#include "output/pdf/print_common.h"

namespace herald::pdf {

/// A report on A4: a cover page (the partnership's name and logo, the
/// report's type and period, its title, summary and date, the cover
/// picture); a contents page listing every numbered heading (`##` and `###`
/// when the report is not numbered) with the page it starts on; the text,
/// its headings numbered, each footnote at the foot of the page that first
/// refers to it, its
/// tables' header rows repeated on each page they run on to; "Page N of M"
/// and the title at the foot of every page but the cover. The headings are
/// the PDF's bookmarks.
std::string render_report_pdf(const PdfJob& job);

}  // namespace herald::pdf
