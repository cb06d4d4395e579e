// 7-minute briefings: the seven numbered sections and the reading time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/page.h"
#include "core/diagnostic.h"

namespace herald {

/// Reading speed used for the seven-minute rule.
constexpr int kWordsPerMinute = 200;

/// Splits "01 Purpose", "1. Purpose" or "01. Purpose of this briefing" into
/// its number and title; nullopt when the heading has no leading number.
std::optional<std::pair<int, std::string>> parse_section_heading(std::string_view heading);

/// Fills page.sections (in number order), page.lead_html and
/// page.reading_minutes from page.doc (and page.body_markdown, for where a
/// missing section would go: at the heading of the next section there is,
/// or at the end of the file), reporting missing, repeated, extra and
/// out-of-order sections and a reading time over seven minutes.
void read_briefing_sections(Page& page, Diagnostics& diags);

}  // namespace herald
