// iCalendar (RFC 5545): /events.ics and one file per event.
#pragma once

#include <string>
#include <vector>

#include "content/library.h"

namespace herald {

/// A calendar of `events` (one VEVENT per session) with the site's VTIMEZONE.
std::string make_calendar(const std::vector<const Page*>& events, const Library& library);

/// Starts a calendar called `name`: its properties and the site's
/// VTIMEZONE for the years `first_year` to `last_year` (0: the commit's year).
void begin_calendar(std::string& out, const Library& library, const std::string& name, int first_year, int last_year);

/// ";LANGUAGE=cy" for the text properties (SUMMARY, DESCRIPTION) of a site
/// in several languages, in the library's language (RFC 5545 §3.2.10); ""
/// for a site in one.
std::string ical_language(const Library& library);

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string fold_ical_line(const std::string& line);

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
std::string escape_ical_text(const std::string& text);

}  // namespace herald
