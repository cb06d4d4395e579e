// An event's page and the list of events: upcoming by their next session, then past ones.
#include <algorithm>

#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

void ViewModel::event_data(const Page& p, const std::string&, TemplateData& pg) const {
  list sessions;
  bool upcoming = false;
  for (const auto& s : p.sessions) {
    data item;
    put(item, "date", format_human_date(s.start));
    put(item, "start_time", format_human_time(s.start));
    put(item, "end_time", format_human_time(s.end));
    put(item, "end_date", opt(format_iso_date(s.start) != format_iso_date(s.end) ? format_human_date(s.end) : ""));
    put(item, "start_iso", format_rfc3339(s.start));
    put(item, "end_iso", format_rfc3339(s.end));
    put(item, "past", data(s.end.utc_seconds < lib_.now));
    upcoming = upcoming || s.end.utc_seconds >= lib_.now;
    sessions.push_back(std::move(item));
  }
  put(pg, "sessions", std::move(sessions));
  put(pg, "several_sessions", data(p.sessions.size() > 1));
  put(pg, "location", opt(p.location));
  put(pg, "upcoming", data(upcoming));
  put(pg, "ics_url", p.slug + ".ics");
}

TemplateData ViewModel::events() const {
  data d = base("/events/", tr("Events and training"));
  std::string root = root_from("/events/");
  list upcoming, past;
  std::vector<std::pair<int64_t, const Page*>> next;
  for (const Page* e : lib_.events) {
    int64_t when = 0;
    for (const auto& s : e->sessions)
      if (s.end.utc_seconds >= lib_.now) {
        when = s.start.utc_seconds;
        break;
      }
    if (when) next.emplace_back(when, e);
  }
  std::stable_sort(next.begin(), next.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [when, e] : next) {
    data c = card(*e, root);
    put(c, "date", date_data(in_zone(when, lib_.config.zone())));
    put(c, "location", opt(e->location));
    upcoming.push_back(std::move(c));
  }
  std::vector<const Page*> done;
  for (const Page* e : lib_.events)
    if (std::none_of(next.begin(), next.end(), [&](auto& n) { return n.second == e; })) done.push_back(e);
  std::reverse(done.begin(), done.end());  // most recent first
  for (const Page* e : done) {
    data c = card(*e, root);
    put(c, "location", opt(e->location));
    past.push_back(std::move(c));
  }
  put(d, "upcoming", std::move(upcoming));
  put(d, "past", std::move(past));
  put(d, "has_upcoming", data(!next.empty()));
  put(d, "has_past", data(!done.empty()));
  return d;
}

}  // namespace herald
