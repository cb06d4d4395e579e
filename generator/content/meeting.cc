// A board's members and a meeting's front matter: dates, status, attendance, papers, actions.
#include "content/meeting.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "content/front_matter.h"
#include "core/text.h"

namespace herald {
namespace {

/// Typed reading of the values inside a meeting's front matter, each
/// problem reported where it is written.
class Reader {
 public:
  Reader(const FrontMatter& fm, const TimeZone& zone, Diagnostics& diags) : fm_(fm), zone_(zone), diags_(diags) {}

  bool ok() const { return ok_; }
  SourceLocation at(const YamlValue& v) const { return fm_.location_of(v); }

  void error(SourceLocation where, std::string message) {
    ok_ = false;
    diags_.error(std::move(where), std::move(message));
  }
  void warning(SourceLocation where, std::string message) { diags_.warning(std::move(where), std::move(message)); }

  /// A scalar's text, trimmed ("" and an error for a list or map).
  std::string text(const YamlValue& v, const std::string& what) {
    if (v.is_null()) return "";
    if (!v.is_scalar()) {
      error(at(v), what + " must be text");
      return "";
    }
    return std::string(trim(v.scalar()));
  }

  std::optional<DateTime> date(const YamlValue& v) {
    if (!v.is_scalar()) {
      error(at(v), "a date must be written as YYYY-MM-DD, e.g. 2024-04-12, or with a time, 2024-04-12T10:00");
      return std::nullopt;
    }
    std::string why;
    auto d = parse_datetime(trim(v.scalar()), zone_, &why);
    if (!d) error(at(v), why);
    return d;
  }

  /// An item number: a whole number from 1.
  int item(const YamlValue& v, const std::string& what) {
    std::string written = v.is_scalar() ? std::string(trim(v.scalar())) : "";
    std::optional<int> n = parse_whole_number(written);
    if (!n || *n < 1) {
      error(at(v), fmt::format("{} must be an agenda item's number, such as 4", what));
      return 0;
    }
    return *n;
  }

  /// A list of names (a single name is a list of one).
  std::vector<std::string> names(const YamlValue& v, const std::string& what) {
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (v.is_scalar()) {
      out.push_back(std::string(trim(v.scalar())));
      return out;
    }
    if (!v.is_sequence()) {
      error(at(v), what + " must be a list of names, e.g. [Sam Patel, Jo Evans]");
      return out;
    }
    for (const YamlValue& item : v.items()) {
      std::string name = text(item, "each name of " + what);
      if (!name.empty()) out.push_back(std::move(name));
    }
    return out;
  }

  /// The entries of a list of maps, each checked for unknown keys.
  template <class Each>
  void maps(const std::string& key, std::initializer_list<const char*> keys, const std::string& example,
            const Each& each) {
    const YamlValue* list = fm_.get(key);
    if (!list || list->is_null()) return;
    if (!list->is_sequence()) {
      error(at(*list), fmt::format("'{}' must be a list, each item written as {}", key, example));
      return;
    }
    std::vector<std::string> known(keys.begin(), keys.end());
    for (const YamlValue& entry : list->items()) {
      if (!entry.is_map()) {
        error(at(entry), fmt::format("each item of '{}' must be written as {}", key, example));
        continue;
      }
      for (const auto& [k, value] : entry.entries()) {
        if (std::find(known.begin(), known.end(), k.scalar()) != known.end()) continue;
        std::string suggestion = closest_match(k.scalar(), known);
        warning(at(k), fmt::format("unknown field '{}' in '{}'{}", k.scalar(), key,
                                   suggestion.empty() ? fmt::format(" (expected {})", join(known))
                                                      : " (did you mean '" + suggestion + "'?)"));
      }
      each(entry);
    }
  }

  static std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i)
      out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return out;
  }

 private:
  const FrontMatter& fm_;
  const TimeZone& zone_;
  Diagnostics& diags_;
  bool ok_ = true;
};

/// Statuses people write, and the one each means.
const std::map<std::string, std::string>& status_synonyms() {
  static const std::map<std::string, std::string> words = {
      {"complete", "done"},          {"completed", "done"},        {"closed", "done"},
      {"finished", "done"},          {"achieved", "done"},         {"in progress", "in-progress"},
      {"inprogress", "in-progress"}, {"ongoing", "in-progress"},   {"started", "in-progress"},
      {"underway", "in-progress"},   {"cancelled", "dropped"},     {"canceled", "dropped"},
      {"withdrawn", "dropped"},      {"new", "open"},              {"not started", "open"},
      {"outstanding", "open"},       {"pending", "open"},
      {"planned", "scheduled"},      {"upcoming", "scheduled"},    {"took place", "held"},
      {"happened", "held"},          {"deferred", "postponed"},    {"moved", "postponed"},
      {"rescheduled", "postponed"},
  };
  return words;
}

std::string status_list(const std::vector<std::string>& allowed) {
  std::vector<std::string> quoted;
  for (const auto& s : allowed) quoted.push_back(s);
  return Reader::join(quoted);
}

}  // namespace

bool Meeting::is_restricted(int item) const {
  return item > 0 && std::find(restricted.begin(), restricted.end(), item) != restricted.end();
}

const std::vector<std::string>& meeting_statuses() {
  static const std::vector<std::string> statuses = {"scheduled", "held", "cancelled", "postponed"};
  return statuses;
}

const std::vector<std::string>& action_statuses() {
  static const std::vector<std::string> statuses = {"open", "in-progress", "done", "dropped"};
  return statuses;
}

std::string meeting_status(const Meeting& meeting, int64_t now) {
  if (!meeting.status.empty()) return meeting.status;
  return meeting.start && meeting.start->utc_seconds > now ? "scheduled" : "held";
}

std::optional<std::string> read_status(std::string_view text, const std::vector<std::string>& allowed,
                                       std::string* suggestion) {
  std::string word = to_lower(trim(text));
  std::string hyphened = word;
  std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
  std::replace(hyphened.begin(), hyphened.end(), '_', '-');
  for (const std::string& s : allowed)
    if (s == word || s == hyphened) {
      if (s != text && suggestion) *suggestion = s;
      return s == text ? std::optional<std::string>(s) : std::nullopt;
    }
  std::string spaced = word;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  if (suggestion) {
    suggestion->clear();
    auto it = status_synonyms().find(spaced);
    if (it != status_synonyms().end() &&
        std::find(allowed.begin(), allowed.end(), it->second) != allowed.end())
      *suggestion = it->second;
    else
      *suggestion = closest_match(hyphened, allowed);
  }
  return std::nullopt;
}

bool is_meeting_date_slug(std::string_view slug) {
  if (slug.size() != 10 || slug[4] != '-' || slug[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (slug[i] < '0' || slug[i] > '9') return false;
  std::string error;
  return parse_datetime(slug, TimeZone("UTC"), &error).has_value();
}

std::vector<std::string> meeting_fields(bool meeting) {
  if (!meeting) return {"order", "members"};
  return {"start",        "end",    "location", "online",     "status",  "chair",
          "attendance", "declarations", "papers", "restricted", "actions"};
}

bool read_board(const FrontMatter& fm, Meeting& board, Diagnostics& diags) {
  TimeZone utc("UTC");
  Reader r(fm, utc, diags);
  r.maps("members", {"name", "role"}, "{name: Sam Patel, role: Chair}", [&](const YamlValue& m) {
    BoardMember member;
    if (const YamlValue* v = m.get("name")) member.name = r.text(*v, "a member's name");
    if (const YamlValue* v = m.get("role")) member.role = r.text(*v, "a member's role");
    if (member.name.empty()) {
      r.error(r.at(m), "each member needs a 'name'");
      return;
    }
    board.members.push_back(std::move(member));
  });
  return r.ok();
}

bool read_meeting(const FrontMatter& fm, const TimeZone& zone, Meeting& m, Diagnostics& diags) {
  Reader r(fm, zone, diags);
  if (const YamlValue* v = fm.get("start"))
    m.start = r.date(*v);
  else
    r.error(fm.where("start"), "missing required field 'start': when the meeting begins, e.g. 2025-03-12T10:00");
  if (const YamlValue* v = fm.get("end")) {
    m.end = r.date(*v);
    if (m.start && m.end && m.end->utc_seconds < m.start->utc_seconds)
      r.error(r.at(*v), "the meeting ends before it starts");
  }
  if (const YamlValue* v = fm.get("online")) {
    std::string s = r.text(*v, "'online'");
    if (s == "true" || s == "yes")
      m.online = true;
    else if (s != "false" && s != "no")
      r.error(r.at(*v), "'online' must be true or false");
  }
  if (const YamlValue* v = fm.get("status")) {
    std::string written = r.text(*v, "'status'"), suggestion;
    if (auto s = read_status(written, meeting_statuses(), &suggestion))
      m.status = *s;
    else
      r.error(r.at(*v), fmt::format("unknown meeting status '{}' (expected {}){}", written,
                                    status_list(meeting_statuses()),
                                    suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
  }
  if (const YamlValue* v = fm.get("chair")) m.chair = r.text(*v, "'chair'");
  if (const YamlValue* a = fm.get("attendance"); a && !a->is_null()) {
    if (!a->is_map()) {
      r.error(r.at(*a), "'attendance' must have lists of names: present, apologies, absent, in_attendance");
    } else {
      for (const auto& [k, v] : a->entries()) {
        const std::string& key = k.scalar();
        if (key == "present") m.attendance.present = r.names(v, "'present'");
        else if (key == "apologies") m.attendance.apologies = r.names(v, "'apologies'");
        else if (key == "absent") m.attendance.absent = r.names(v, "'absent'");
        else if (key == "in_attendance") m.attendance.in_attendance = r.names(v, "'in_attendance'");
        else {
          std::string suggestion =
              closest_match(key, {"present", "apologies", "absent", "in_attendance"});
          r.warning(r.at(k), fmt::format("unknown field '{}' in 'attendance'{}", key,
                                         suggestion.empty() ? " (expected present, apologies, absent or in_attendance)"
                                                            : " (did you mean '" + suggestion + "'?)"));
        }
      }
    }
  }
  r.maps("declarations", {"name", "item", "interest"}, "{name: …, item: 4, interest: …}", [&](const YamlValue& d) {
    MeetingDeclaration decl;
    if (const YamlValue* v = d.get("name")) decl.name = r.text(*v, "a declaration's name");
    if (const YamlValue* v = d.get("interest")) decl.interest = r.text(*v, "a declaration's interest");
    if (const YamlValue* v = d.get("item")) decl.item = r.item(*v, "a declaration's 'item'");
    if (decl.name.empty() || decl.interest.empty()) {
      r.error(r.at(d), "each declaration needs a 'name' and an 'interest'");
      return;
    }
    m.declarations.push_back(std::move(decl));
  });
  r.maps("papers", {"title", "file", "item"}, "{title: …, file: report.pdf, item: 4}", [&](const YamlValue& p) {
    MeetingPaper paper;
    if (const YamlValue* v = p.get("title")) paper.title = r.text(*v, "a paper's title");
    if (const YamlValue* v = p.get("file")) {
      paper.file = r.text(*v, "a paper's file");
      paper.at = r.at(*v);
    }
    if (const YamlValue* v = p.get("item")) paper.item = r.item(*v, "a paper's 'item'");
    if (paper.title.empty() || paper.file.empty()) {
      r.error(r.at(p), "each paper needs a 'title' and a 'file'");
      return;
    }
    m.papers.push_back(std::move(paper));
  });
  if (const YamlValue* v = fm.get("restricted"); v && !v->is_null()) {
    if (v->is_scalar()) {
      if (int n = r.item(*v, "'restricted'")) m.restricted.push_back(n);
    } else if (v->is_sequence()) {
      for (const YamlValue& item : v->items())
        if (int n = r.item(item, "each item of 'restricted'")) m.restricted.push_back(n);
    } else {
      r.error(r.at(*v), "'restricted' must be a list of agenda item numbers, e.g. [9]");
    }
  }
  r.maps("actions", {"id", "action", "owner", "due", "status", "item", "note"},
         "{id: A1, action: …, owner: …, due: 2025-04-30, status: open, item: 4}", [&](const YamlValue& a) {
           MeetingAction action;
           action.at = r.at(a);
           if (const YamlValue* v = a.get("id")) action.id = r.text(*v, "an action's id");
           if (const YamlValue* v = a.get("action")) action.action = r.text(*v, "an action's text");
           if (const YamlValue* v = a.get("owner")) action.owner = r.text(*v, "an action's owner");
           if (const YamlValue* v = a.get("note")) action.note = r.text(*v, "an action's note");
           if (const YamlValue* v = a.get("item")) action.item = r.item(*v, "an action's 'item'");
           if (const YamlValue* v = a.get("due")) {
             action.due = r.date(*v);
             action.due_at = r.at(*v);
           }
           if (action.id.empty()) {
             r.error(action.at, "each action needs an 'id', such as A1, so that later meetings can update it");
             return;
           }
           action.update = action.action.empty();
           if (const YamlValue* v = a.get("status")) {
             std::string written = r.text(*v, "an action's status"), suggestion;
             if (auto s = read_status(written, action_statuses(), &suggestion)) {
               action.status = *s;
             } else {
               r.error(r.at(*v), fmt::format("action {} has the status '{}': a status is one of {}{}", action.id,
                                             written, status_list(action_statuses()),
                                             suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
               return;
             }
           } else if (action.update) {
             r.error(action.at, fmt::format("action {} has no 'action' and no 'status': give what is to be done, "
                                            "or, for an action of an earlier meeting, its new status",
                                            action.id));
             return;
           } else {
             action.status = "open";
           }
           m.actions.push_back(std::move(action));
         });
  return r.ok();
}

}  // namespace herald
