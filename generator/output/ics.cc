// Calendars: every session an event, times in the site's timezone with its VTIMEZONE.
#include "output/ics.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "templates/words.h"

namespace herald {
namespace {

struct Transition {
  int64_t at;  // UTC seconds
  int from, to;
  std::string name;
};

/// The zone's offset changes in the given years, found by sampling each day
/// and bisecting to the second.
std::vector<Transition> transitions(const TimeZone& zone, int first_year, int last_year) {
  std::vector<Transition> out;
  int64_t start = days_from_civil(first_year, 1, 1) * 86400;
  int64_t end = days_from_civil(last_year + 1, 1, 1) * 86400;
  int before = zone.offset_at(start - 1);
  for (int64_t t = start; t < end; t += 86400) {
    int now = zone.offset_at(t);
    if (now == before) continue;
    int64_t lo = t - 86400, hi = t;
    while (hi - lo > 1) {
      int64_t mid = lo + (hi - lo) / 2;
      if (zone.offset_at(mid) == before) lo = mid;
      else hi = mid;
    }
    out.push_back({hi, before, now, zone.abbreviation_at(hi)});
    before = now;
  }
  return out;
}

std::string offset_text(int offset) {
  char sign = offset < 0 ? '-' : '+';
  int a = std::abs(offset);
  return fmt::format("{}{:02}{:02}", sign, a / 3600, a / 60 % 60);
}

}  // namespace

std::string escape_ical_text(const std::string& text) {
  std::string out;
  for (char c : strip_control_characters(text)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string fold_ical_line(const std::string& line) {
  std::string out;
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(pos, cut - pos) + "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  return out + line.substr(pos) + "\r\n";
}

void begin_calendar(std::string& out, const Library& lib, const std::string& name, int first_year, int last_year) {
  const Config& config = lib.config;
  const TimeZone zone = config.zone();
  auto line = [&](const std::string& l) { out += fold_ical_line(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//herald//" + escape_ical_text(config.title) + "//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + escape_ical_text(name));
  line("X-WR-TIMEZONE:" + config.timezone_name);
  // A VTIMEZONE covering the years asked for (the commit's with none).
  if (first_year == 0) first_year = last_year = civil_time(in_zone(lib.commit_time, zone)).year;
  line("BEGIN:VTIMEZONE");
  line("TZID:" + config.timezone_name);
  auto found = transitions(zone, first_year, last_year);
  if (found.empty()) {
    int64_t t = days_from_civil(first_year, 1, 1) * 86400;
    int offset = zone.offset_at(t);
    line("BEGIN:STANDARD");
    line(fmt::format("DTSTART:{:04}0101T000000", first_year));
    line("TZOFFSETFROM:" + offset_text(offset));
    line("TZOFFSETTO:" + offset_text(offset));
    line("TZNAME:" + zone.abbreviation_at(t));
    line("END:STANDARD");
  }
  for (const auto& tr : found) {
    bool daylight = tr.to > tr.from;
    const char* kind = daylight ? "DAYLIGHT" : "STANDARD";
    line(fmt::format("BEGIN:{}", kind));
    // DTSTART is the local time before the change.
    line("DTSTART:" + format_ical_local(DateTime{tr.at, tr.from, true}));
    line("TZOFFSETFROM:" + offset_text(tr.from));
    line("TZOFFSETTO:" + offset_text(tr.to));
    line("TZNAME:" + tr.name);
    line(fmt::format("END:{}", kind));
  }
  line("END:VTIMEZONE");
}

std::string ical_language(const Library& lib) {
  return lib.config.languages.empty() ? "" : ";LANGUAGE=" + lib.config.language;
}

std::string make_calendar(const std::vector<const Page*>& events, const Library& lib) {
  const Config& config = lib.config;
  const TimeZone zone = config.zone();
  std::string host = config.host();
  std::string out;
  auto line = [&](const std::string& l) { out += fold_ical_line(l); };
  int first_year = 0, last_year = 0;
  for (const Page* e : events)
    for (const auto& s : e->sessions) {
      int y1 = civil_time(s.start).year, y2 = civil_time(s.end).year;
      first_year = first_year == 0 ? y1 : std::min(first_year, y1);
      last_year = std::max(last_year, y2);
    }
  begin_calendar(out, lib, fmt::format(fmt::runtime(tr("{} events")), config.title), first_year, last_year);
  const std::string in = ical_language(lib);

  for (const Page* e : events) {
    for (size_t i = 0; i < e->sessions.size(); ++i) {
      const auto& s = e->sessions[i];
      line("BEGIN:VEVENT");
      line(fmt::format("UID:{}-{}@{}", e->slug, i + 1, host));
      line("DTSTAMP:" + format_ical_utc(e->last_commit));
      line("DTSTART;TZID=" + config.timezone_name + ":" + format_ical_local(in_zone(s.start.utc_seconds, zone)));
      line("DTEND;TZID=" + config.timezone_name + ":" + format_ical_local(in_zone(s.end.utc_seconds, zone)));
      std::string summary = e->title;
      if (e->sessions.size() > 1)
        summary += " " + fmt::format(fmt::runtime(tr("(session {} of {})")), i + 1, e->sessions.size());
      line("SUMMARY" + in + ":" + escape_ical_text(summary));
      if (!e->summary.empty()) line("DESCRIPTION" + in + ":" + escape_ical_text(e->summary));
      if (!e->location.empty()) line("LOCATION:" + escape_ical_text(e->location));
      line("URL:" + config.absolute_url(e->url));
      line("END:VEVENT");
    }
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace herald
