// The print PDF of a procedures chapter, with the printed-copy warning on every page.
#pragma once

#include <string>

#include "output/pdf/print_common.h"

namespace herald::pdf {

/// "Printed copies may be out of date. Check the current version at <URL>."
std::string printed_copy_warning(const std::string& url);

/// The manual's and the chapter's titles, owner, last-updated and review
/// dates, the warning as a linked notice, the chapter, and on every page the
/// warning and the page number.
std::string render_chapter_pdf(const PdfJob& job);

}  // namespace herald::pdf
