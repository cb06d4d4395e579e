// Reports (§10): their types, and the numbers authors type into headings that herald numbers itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/page.h"
#include "core/diagnostic.h"

namespace herald {

/// The length of a number typed at the start of a heading ("2.1 Neglect",
/// "3. Our priorities", "4) Risks", "01 Foreword"), up to and including the
/// spaces after it; 0 when there is none. A plain number followed by a word
/// ("10 things we learned", "2024 in numbers") is not taken for one.
size_t typed_heading_number(std::string_view heading);

/// "unknown report_type 'x' (did you mean 'y'?)" or, with no close one, the
/// list of `known` types.
std::string unknown_report_type_message(const std::string& written, const std::vector<std::string>& known);

/// In a report whose headings herald numbers, a warning at each heading
/// whose author typed a number too. Reads page.doc, page.body_markdown (for
/// the column) and page.report.
void check_report_headings(const Page& page, Diagnostics& diags);

}  // namespace herald
