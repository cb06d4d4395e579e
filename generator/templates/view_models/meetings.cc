// Boards and meetings: the list of boards, a board's page, a meeting's agenda or minutes, and the action tracker.
#include <fmt/format.h>

#include "content/meeting_body.h"
#include "core/text.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

namespace {

/// What a reader calls a meeting's page in each status.
std::string status_label(const std::string& status) {
  if (status == "held") return word("status_minutes");
  if (status == "cancelled") return word("status_cancelled");
  if (status == "postponed") return word("status_postponed");
  return word("status_agenda");
}

std::string action_status_label(const std::string& status) {
  if (status == "in-progress") return word("action_in_progress");
  if (status == "done") return word("action_done");
  if (status == "dropped") return word("action_dropped");
  return word("action_open");
}

std::string item_text(int item) { return item ? word("agenda_item", {{"number", std::to_string(item)}}) : ""; }

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

}  // namespace

const Board* ViewModel::board_of(const Page& p) const {
  for (const Board& b : lib_.boards)
    if (b.slug == p.meeting.board) return &b;
  return nullptr;
}

TemplateData ViewModel::meeting_card(const Page& p, const std::string& root) const {
  data c = card(p, root);
  const Meeting& m = p.meeting;
  std::string status = meeting_status(m, lib_.now);
  put(c, "status_label", status_label(status));
  if (m.start) {
    put(c, "date", date_data(m.start));
    put(c, "time", format_human_time(*m.start));
  }
  put(c, "cancelled", data(status == "cancelled" || status == "postponed"));
  return c;
}

void ViewModel::meeting_data(const Page& p, const std::string& root, TemplateData& pg) const {
  const Meeting& m = p.meeting;
  const std::string status = meeting_status(m, lib_.now);
  if (const Board* b = board_of(p)) {
    put(pg, "board_title", b->index->title);
    put(pg, "board_url", root + b->index->url.substr(1));
    put(pg, "actions_url", root + b->index->url.substr(1) + "actions/");
    put(pg, "ics_url", root + "meetings/" + b->slug + ".ics");
  }
  put(pg, "status", status);
  put(pg, "status_label", status_label(status));
  put(pg, "is_minutes", data(status == "held"));
  put(pg, "is_agenda", data(status == "scheduled"));
  put(pg, "cancelled", data(status == "cancelled"));
  put(pg, "postponed", data(status == "postponed"));
  if (m.start) {
    put(pg, "start", date_data(m.start));
    put(pg, "start_time", format_human_time(*m.start));
    put(pg, "start_iso", format_rfc3339(*m.start));
  }
  if (m.end) {
    put(pg, "end_time", format_human_time(*m.end));
    put(pg, "end_iso", format_rfc3339(*m.end));
  } else {
    put(pg, "end_time", data(false));
  }
  put(pg, "location", opt(m.online ? (p.location.empty() ? word("online") : word("place_and_online", {{"place", p.location}})) : p.location));
  // schema.org's Event, as microdata (no script: the pages' CSP allows none).
  put(pg, "schema_status", status == "cancelled"   ? "https://schema.org/EventCancelled"
                           : status == "postponed" ? "https://schema.org/EventPostponed"
                                                   : "https://schema.org/EventScheduled");
  put(pg, "schema_attendance", m.online ? (p.location.empty() ? "https://schema.org/OnlineEventAttendanceMode"
                                                              : "https://schema.org/MixedEventAttendanceMode")
                                        : "https://schema.org/OfflineEventAttendanceMode");
  put(pg, "schema_place", opt(p.location));
  put(pg, "chair", opt(m.chair));

  list attendance;
  auto group = [&](const std::string& label, const std::vector<std::string>& names) {
    if (names.empty()) return;
    data g;
    put(g, "label", label);
    put(g, "names", join_names(names));
    attendance.push_back(std::move(g));
  };
  group(word("present"), m.attendance.present);
  group(word("apologies"), m.attendance.apologies);
  group(word("absent"), m.attendance.absent);
  group(word("in_attendance"), m.attendance.in_attendance);
  put(pg, "has_attendance", data(!attendance.empty()));
  put(pg, "attendance", std::move(attendance));

  // Whatever is under a restricted item is withheld with it.
  list declarations;
  for (const MeetingDeclaration& d : m.declarations) {
    if (m.is_restricted(d.item)) continue;
    data item;
    put(item, "name", d.name);
    put(item, "item", opt(item_text(d.item)));
    put(item, "interest", d.interest);
    declarations.push_back(std::move(item));
  }
  put(pg, "has_declarations", data(!declarations.empty()));
  put(pg, "declarations", std::move(declarations));

  list papers;
  for (const MeetingPaper& paper : m.papers) {
    if (m.is_restricted(paper.item) || paper.url.empty()) continue;
    data item;
    put(item, "title", paper.title);
    put(item, "url", paper.url[0] == '/' && starts_with(paper.url, p.url)
                         ? paper.url.substr(p.url.size())
                         : root + paper.url.substr(1));
    put(item, "type", opt(paper.type));
    put(item, "size", file_size_text(paper.bytes));
    put(item, "item", opt(item_text(paper.item)));
    papers.push_back(std::move(item));
  }
  put(pg, "has_papers", data(!papers.empty()));
  put(pg, "papers", std::move(papers));

  list items;
  for (const AgendaItem& a : m.items) {
    data item;
    put(item, "number", a.number ? data(std::to_string(a.number)) : data(false));
    put(item, "title", a.restricted ? word("item_not_published", {{"number", std::to_string(a.number)}}) : a.title);
    put(item, "anchor", a.anchor);
    put(item, "restricted", data(a.restricted));
    items.push_back(std::move(item));
  }
  put(pg, "has_items", data(!items.empty()));
  put(pg, "items", std::move(items));

  list decisions;
  for (const MeetingDecision& d : m.decisions) {
    if (m.is_restricted(d.item)) continue;
    data item;
    put(item, "item", opt(item_text(d.item)));
    put(item, "text", d.text);
    decisions.push_back(std::move(item));
  }
  put(pg, "has_decisions", data(!decisions.empty()));
  put(pg, "decisions", std::move(decisions));

  list actions;
  const Board* board = board_of(p);
  for (const MeetingAction& a : m.actions) {
    if (m.is_restricted(a.item)) continue;
    // An update shows what the action is, as the meeting that set it gave it.
    const TrackedAction* set = nullptr;
    if (a.update && board)
      for (const TrackedAction& t : board->actions)
        if (t.id == a.id && !t.withheld) set = &t;
    if (a.update && !set) continue;  // an update of a withheld action is withheld with it
    data item;
    put(item, "id", a.id);
    put(item, "action", opt(set ? set->action : a.action));
    put(item, "owner", opt(set ? set->owner : a.owner));
    put(item, "due", date_data(set ? set->due : a.due));
    put(item, "status", a.status);
    put(item, "status_label", action_status_label(a.status));
    put(item, "note", opt(a.note));
    put(item, "item", opt(item_text(a.item)));
    put(item, "update", data(a.update));
    actions.push_back(std::move(item));
  }
  put(pg, "has_actions", data(!actions.empty()));
  put(pg, "actions", std::move(actions));
  list restricted;
  for (int n : m.restricted) restricted.push_back(data(word("item_not_published", {{"number", std::to_string(n)}})));
  put(pg, "restricted", std::move(restricted));
}

void ViewModel::add_meeting_key(KeyInput& in, const Page& p) const {
  in.text(meeting_status(p.meeting, lib_.now));
  if (const Board* b = board_of(p)) {
    in.text(b->index->title);
    for (const MeetingAction& a : p.meeting.actions)  // an update shows the action as it was set
      for (const TrackedAction& t : b->actions)
        if (a.update && t.id == a.id) {
          in.text(t.action);
          in.text(t.owner);
          add_date(in, t.due);
          in.flag(t.withheld);
        }
  }
  for (const MeetingPaper& paper : p.meeting.papers) {  // found in Assemble, from the files
    in.text(paper.url);
    in.number(paper.bytes);
  }
}

TemplateData ViewModel::meetings() const {
  data d = base("/meetings/", tr("Boards and meetings"));
  std::string root = root_from("/meetings/");
  if (auto it = lib_.section_intros.find("meetings"); it != lib_.section_intros.end() && it->second->doc)
    put(d, "intro", opt(it->second->doc->html()));
  list boards;
  for (const Board& b : lib_.boards) {
    data c = card(*b.index, root);
    put(c, "kind_label", tr("Board"));
    const Page* next = nullptr;
    for (const Page* m : b.meetings)
      if (m->meeting.start && m->meeting.start->utc_seconds >= lib_.now &&
          meeting_status(m->meeting, lib_.now) == "scheduled") {
        next = m;
        break;
      }
    put(c, "next", next ? meeting_card(*next, root) : data(false));
    put(c, "meeting_count", std::to_string(b.meetings.size()));
    boards.push_back(std::move(c));
  }
  put(d, "boards", std::move(boards));
  return d;
}

TemplateData ViewModel::board(const Board& b) const {
  const Page& index = *b.index;
  data d = base(index.url, index.title);
  std::string root = root_from(index.url);
  data pg = terms_of(index, root);
  put(pg, "title", index.title);
  put(pg, "summary", opt(index.summary));
  put(pg, "lead", opt(index.summary_written ? index.summary : ""));
  put(pg, "html", index.doc ? index.doc->html() : "");
  put(pg, "last_updated", date_from_git(index.last_commit, lib_.config.zone()));
  list members;
  for (const BoardMember& m : index.meeting.members) {
    data item;
    put(item, "name", m.name);
    put(item, "role", opt(m.role));
    members.push_back(std::move(item));
  }
  put(pg, "has_members", data(!members.empty()));
  put(pg, "members", std::move(members));
  list upcoming, past;
  for (const Page* m : b.meetings) {
    bool ahead = m->meeting.start && m->meeting.start->utc_seconds >= lib_.now;
    (ahead ? upcoming : past).push_back(meeting_card(*m, root));
  }
  std::reverse(past.begin(), past.end());  // the latest first
  put(pg, "has_upcoming", data(!upcoming.empty()));
  put(pg, "has_past", data(!past.empty()));
  put(pg, "upcoming", std::move(upcoming));
  put(pg, "past", std::move(past));
  put(pg, "ics_url", "../" + b.slug + ".ics");
  put(pg, "has_actions", data(std::any_of(b.actions.begin(), b.actions.end(),
                                          [](const TrackedAction& t) { return !t.withheld; })));
  put(d, "page", std::move(pg));
  return d;
}

TemplateData ViewModel::actions(const Board& b) const {
  std::string url = b.index->url + "actions/";
  data d = base(url, word("actions_of", {{"board", b.index->title}}));
  std::string root = root_from(url);
  data pg;
  put(pg, "board_title", b.index->title);
  put(pg, "board_url", "../");
  list open, closed;
  size_t overdue = 0;
  for (const TrackedAction& t : b.actions) {
    if (t.withheld) continue;
    data item;
    put(item, "id", t.id);
    put(item, "action", t.action);
    put(item, "owner", opt(t.owner));
    put(item, "due", date_data(t.due));
    put(item, "status_label", action_status_label(t.status));
    put(item, "status", t.status);
    put(item, "overdue", data(t.overdue));
    put(item, "item", opt(item_text(t.item)));
    overdue += t.overdue ? 1 : 0;
    list history;
    for (const ActionStatus& s : t.history) {
      data h;
      put(h, "meeting", s.meeting->meeting.start ? format_human_date(*s.meeting->meeting.start) : s.meeting->title);
      put(h, "url", root + s.meeting->url.substr(1));
      put(h, "status_label", action_status_label(s.status));
      put(h, "note", opt(s.note));
      history.push_back(std::move(h));
    }
    put(item, "history", std::move(history));
    bool pending = t.status == "open" || t.status == "in-progress";
    (pending ? open : closed).push_back(std::move(item));
  }
  put(pg, "has_open", data(!open.empty()));
  put(pg, "has_closed", data(!closed.empty()));
  put(pg, "open", std::move(open));
  put(pg, "closed", std::move(closed));
  put(pg, "overdue_count", overdue ? data(overdue == 1 ? word("one_action_overdue")
                                                      : word("actions_overdue", {{"count", std::to_string(overdue)}}))
                                   : data(false));
  put(d, "page", std::move(pg));
  return d;
}

}  // namespace herald
