// iCalendar for boards: /meetings.ics and /meetings/<board>.ics, one VEVENT per meeting.
#pragma once

#include <string>
#include <vector>

#include "content/library.h"

namespace herald {

/// A calendar of the meetings of `boards`, called `name`: one VEVENT per
/// meeting, its UID stable (the board and the date), its SEQUENCE the number
/// of commits that changed the meeting's file, STATUS:CANCELLED for a
/// meeting cancelled or postponed, and the page's address in its URL and
/// DESCRIPTION. Nothing of a meeting's text is in it but its title and summary.
std::string make_meetings_calendar(const std::vector<const Board*>& boards, const std::string& name,
                                   const Library& library);

}  // namespace herald
