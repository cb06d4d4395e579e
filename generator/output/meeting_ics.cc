// Meetings as calendar events: times in the site's zone, a stable UID, SEQUENCE from git.
#include "output/meeting_ics.h"

#include <algorithm>

#include <fmt/format.h>

#include "output/ics.h"
#include "templates/words.h"

namespace herald {

std::string make_meetings_calendar(const std::vector<const Board*>& boards, const std::string& name,
                                   const Library& lib) {
  const Config& config = lib.config;
  const TimeZone zone = config.zone();
  std::vector<std::pair<const Board*, const Page*>> meetings;
  int first_year = 0, last_year = 0;
  for (const Board* b : boards)
    for (const Page* m : b->meetings) {
      if (!m->meeting.start) continue;
      meetings.emplace_back(b, m);
      int y1 = civil_time(*m->meeting.start).year;
      int y2 = m->meeting.end ? civil_time(*m->meeting.end).year : y1;
      first_year = first_year == 0 ? y1 : std::min(first_year, y1);
      last_year = std::max(last_year, y2);
    }
  std::stable_sort(meetings.begin(), meetings.end(), [](const auto& a, const auto& b) {
    return a.second->meeting.start->utc_seconds < b.second->meeting.start->utc_seconds;
  });
  std::string out;
  auto line = [&](const std::string& l) { out += fold_ical_line(l); };
  begin_calendar(out, lib, name, first_year, last_year);
  const std::string host = config.host();
  const std::string in = ical_language(lib);
  for (const auto& [board, page] : meetings) {
    const Meeting& m = page->meeting;
    const std::string status = meeting_status(m, lib.now);
    const std::string url = config.absolute_url(page->url);
    line("BEGIN:VEVENT");
    // The board and the date: the same meeting keeps its UID however often it is changed.
    line(fmt::format("UID:meeting-{}-{}@{}", board->slug, page->slug, host));
    line("DTSTAMP:" + format_ical_utc(page->last_commit));
    line(fmt::format("SEQUENCE:{}", std::max(page->commits, 0)));
    line("DTSTART;TZID=" + config.timezone_name + ":" + format_ical_local(in_zone(m.start->utc_seconds, zone)));
    if (m.end)
      line("DTEND;TZID=" + config.timezone_name + ":" + format_ical_local(in_zone(m.end->utc_seconds, zone)));
    std::string summary = page->title;
    if (status == "cancelled") summary = tr("Cancelled:") + " " + summary;
    if (status == "postponed") summary = tr("Postponed:") + " " + summary;
    line("SUMMARY" + in + ":" + escape_ical_text(summary));
    line(fmt::format("STATUS:{}", status == "cancelled" || status == "postponed" ? "CANCELLED" : "CONFIRMED"));
    std::string where = page->location;
    if (m.online) where = where.empty() ? tr("Online") : where + " " + tr("and online");
    if (!where.empty()) line("LOCATION:" + escape_ical_text(where));
    std::string description = board->index->title + "\n";
    if (!page->summary.empty()) description += page->summary + "\n";
    description += (status == "held" ? tr("Minutes:") : tr("Agenda and papers:")) + " " + url;
    line("DESCRIPTION" + in + ":" + escape_ical_text(description));
    line("URL:" + url);
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace herald
