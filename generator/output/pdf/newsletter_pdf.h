// The print PDF of a newsletter issue, and of any long page with `pdf: true` (laid out the same way).
#pragma once

#include <string>

#include "output/pdf/print_common.h"

namespace herald::pdf {

/// Title band (series, issue number, date), "In this issue", every article,
/// page numbers. For other kinds: the title band, a contents list when the
/// page asks for one (`toc: true`), the body.
std::string render_newsletter_pdf(const PdfJob& job);

}  // namespace herald::pdf
