// iCalendar (RFC 5545): /events.ics and one file per event.
#pragma once

#include <string>
#include <vector>

#include "content/library.h"

namespace herald {

/// A calendar of `events` (one VEVENT per session) with the site's VTIMEZONE.
std::string make_calendar(const std::vector<const Page*>& events, const Library& library);

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string fold_ical_line(const std::string& line);

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
std::string escape_ical_text(const std::string& text);

}  // namespace herald
