// Dates, labels and the parts of the keys that the view model's files share.
#include "templates/words.h"
#include "templates/view_models/shared.h"

#include "cache/parse_cache.h"

namespace herald::view_models {

data date_data(const std::optional<DateTime>& d) {
  if (!d) return data(false);
  data out;
  put(out, "human", format_human_date(*d));
  put(out, "iso", d->has_time ? format_rfc3339(*d) : format_iso_date(*d));
  return out;
}

data date_from_git(int64_t seconds, const TimeZone& zone) {
  if (seconds == 0) return data(false);
  DateTime t = in_zone(seconds, zone, false);
  data out;
  put(out, "human", format_human_date(t));
  put(out, "iso", format_iso_date(t));
  return out;
}

std::string tel_href(const PhoneNumber& n) { return "tel:" + n.e164; }

std::string kind_label(Kind kind) {
  switch (kind) {
    case Kind::newsletter: return tr("Newsletter");
    case Kind::briefing: return tr("7-minute briefing");
    case Kind::chapter: return tr("Procedure");
    case Kind::manual: return tr("Procedures manual");
    case Kind::event: return tr("Event");
    case Kind::report: return tr("Report");
    case Kind::board: return tr("Board");
    case Kind::meeting: return tr("Meeting");
    default: return tr("Page");
  }
}

std::string section_title(const std::string& section) {
  static const std::pair<const char*, const char*> titles[] = {
      {"newsletters", "Newsletters"}, {"briefings", "7-minute briefings"}, {"procedures", "Procedures"},
      {"reports", "Reports"},
      {"events", "Events"},           {"contacts", "Contacts"},            {"search", "Search"},
      {"meetings", "Meetings"},
      {"topics", "Topics"},           {"audience", "Audiences"},           {"feeds", "Feeds"},
  };
  for (const auto& [name, title] : titles)
    if (section == name) return tr(title);
  return "";
}

void add_date(KeyInput& in, const std::optional<DateTime>& d) {
  in.flag(d.has_value());
  if (d) {  // all that its formats are made from
    in.number(d->utc_seconds);
    in.number(d->offset_seconds);
    in.flag(d->has_time);
  }
}

void add_card(KeyInput& in, const Page& page) {
  in.text(page.title);
  in.text(page.url);
  in.text(page.summary);
  in.text(kind_name(page.kind));
  std::optional<DateTime> date = page.date;
  if (!date && page.kind == Kind::event && !page.sessions.empty()) date = page.sessions.front().start;
  if (page.kind == Kind::meeting) date = page.meeting.start;
  add_date(in, date);
  in.text(page.kind == Kind::briefing ? page.review_type : "");
  in.flag(page.issue.has_value());
  if (page.issue) in.number(*page.issue);
  in.flag(page.report != nullptr);
  if (page.report) {
    in.text(page.report->report_type);
    in.text(page.report->period);
  }
}

/// A page parsed from a source is what parsing that file's bytes gives, with
/// the site's inputs (`Library::inputs`, in every key) and herald's build (in
/// the output records' stamp): its path and git blob id stand for all that,
/// with what Assemble sets (its URL, its commit dates, whether and why not it
/// is published). Hashing those is far cheaper than hashing every member.
void add_page(KeyInput& in, const Page& p) {
  in.flag(p.source_blob.empty());
  if (p.source_blob.empty()) {
    in.text(encode_page(p));
    return;
  }
  in.text(p.source_path);
  in.text(p.source_blob);
  in.text(p.url);
  in.number(p.first_commit);
  in.number(p.last_commit);
  in.flag(p.published);
  in.text(p.withheld_reason);
}

}  // namespace herald::view_models
