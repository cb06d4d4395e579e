// Tests for content/meeting: a board's members and a meeting's fields, statuses and their suggestions.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "content/meeting.h"
#include "content/page_parser.h"
#include "markdown/document.h"

using namespace herald;
using herald::test::messages;

namespace {

struct Parsed {
  std::optional<Page> page;
  std::vector<std::string> messages;
};

Parsed parse(const std::string& path, const std::string& text) {
  static Config config;
  Diagnostics diags;
  std::string problem;
  auto where = classify_content_path(path, &problem);
  REQUIRE(where);
  ParseContext context{&config, nullptr};
  Parsed out;
  out.page = parse_page(path, text, *where, context, diags);
  out.messages = messages(diags);
  return out;
}

}  // namespace

TEST_CASE("a status is read as written, and one written otherwise gets a suggestion") {
  std::string suggestion;
  CHECK(read_status("done", action_statuses(), &suggestion) == "done");
  CHECK_FALSE(read_status("Completed", action_statuses(), &suggestion));
  CHECK(suggestion == "done");
  CHECK_FALSE(read_status("in progress", action_statuses(), &suggestion));
  CHECK(suggestion == "in-progress");
  CHECK_FALSE(read_status("Done", action_statuses(), &suggestion));
  CHECK(suggestion == "done");
  CHECK_FALSE(read_status("canceled", meeting_statuses(), &suggestion));
  CHECK(suggestion == "cancelled");
  CHECK_FALSE(read_status("withdrawn", action_statuses(), &suggestion));
  CHECK(suggestion == "dropped");
  CHECK_FALSE(read_status("banana", action_statuses(), &suggestion));
  CHECK(suggestion.empty());
}

TEST_CASE("a meeting's file name is its date") {
  CHECK(is_meeting_date_slug("2025-03-12"));
  CHECK_FALSE(is_meeting_date_slug("2025-02-30"));
  CHECK_FALSE(is_meeting_date_slug("march"));
  CHECK_FALSE(is_meeting_date_slug("2025-3-12"));
}

TEST_CASE("the status by the clock: scheduled before the start, held after, as written otherwise") {
  Meeting m;
  m.start = DateTime{1000, 0, true};
  CHECK(meeting_status(m, 999) == "scheduled");
  CHECK(meeting_status(m, 1000) == "held");
  m.status = "cancelled";
  CHECK(meeting_status(m, 999) == "cancelled");
}

TEST_CASE("a meeting's fields") {
  auto r = parse("content/meetings/executive/2025-03-12/index.md",
                 "---\ntitle: March\nstart: 2025-03-12T10:00\nend: 2025-03-12T12:00\nlocation: Room 1\nonline: true\n"
                 "chair: Sam\nattendance:\n  present: [Sam, Jo]\n  apologies: Kit\n"
                 "declarations:\n  - {name: Jo, item: 2, interest: Her team}\n"
                 "papers:\n  - {title: Plan, file: plan.pdf, item: 2}\n"
                 "actions:\n  - {id: A1, action: Write it, owner: Jo, due: 2025-04-01, item: 2}\n"
                 "  - {id: A0, status: done, note: Sent}\n---\n\n## 1. Welcome\n\n## 2. Plan\n\n"
                 "> [!DECISION]\n> The board **agreed** the plan.\n");
  REQUIRE(r.page);
  CHECK(r.messages.empty());
  const Page& p = *r.page;
  CHECK(p.kind == Kind::meeting);
  CHECK(p.slug == "2025-03-12");
  CHECK(p.pdf);
  const Meeting& m = p.meeting;
  CHECK(m.board == "executive");
  CHECK(p.location == "Room 1");
  CHECK(m.online);
  CHECK(m.chair == "Sam");
  CHECK(m.attendance.present == std::vector<std::string>{"Sam", "Jo"});
  CHECK(m.attendance.apologies == std::vector<std::string>{"Kit"});
  REQUIRE(m.declarations.size() == 1);
  CHECK(m.declarations[0].item == 2);
  REQUIRE(m.papers.size() == 1);
  CHECK(m.papers[0].file == "plan.pdf");
  REQUIRE(m.actions.size() == 2);
  CHECK(m.actions[0].status == "open");  // the default for an action set here
  CHECK_FALSE(m.actions[0].update);
  CHECK(m.actions[1].update);
  CHECK(m.actions[1].note == "Sent");
  REQUIRE(m.items.size() == 2);
  CHECK(m.items[1].number == 2);
  CHECK(m.items[1].title == "Plan");
  REQUIRE(m.decisions.size() == 1);
  CHECK(m.decisions[0].item == 2);
  CHECK(m.decisions[0].text == "The board agreed the plan.");
}

TEST_CASE("a board's members") {
  auto r = parse("content/meetings/executive/_index.md",
                 "---\ntitle: Executive\norder: 2\nmembers:\n  - {name: Sam, role: Chair}\n  - {name: Jo}\n---\n");
  REQUIRE(r.page);
  CHECK(r.messages.empty());
  CHECK(r.page->kind == Kind::board);
  CHECK(r.page->order == 2);
  REQUIRE(r.page->meeting.members.size() == 2);
  CHECK(r.page->meeting.members[0].role == "Chair");
  CHECK(r.page->meeting.members[1].role.empty());
}

TEST_CASE("a meeting's problems, each where it is written") {
  auto r = parse("content/meetings/executive/2025-03-12.md",
                 "---\ntitle: March\nstart: 2025-03-12T10:00\nend: 2025-03-12T09:00\n"
                 "actions:\n  - {action: No id}\n  - {id: A2, owner: Jo}\n  - {id: A3, action: X, stauts: done}\n---\n");
  CHECK_FALSE(r.page);
  CHECK(r.messages == std::vector<std::string>{
                          "content/meetings/executive/2025-03-12.md:4:6: error: the meeting ends before it starts",
                          "content/meetings/executive/2025-03-12.md:6:5: error: each action needs an 'id', such as "
                          "A1, so that later meetings can update it",
                          "content/meetings/executive/2025-03-12.md:7:5: error: action A2 has no 'action' and no "
                          "'status': give what is to be done, or, for an action of an earlier meeting, its new status",
                          "content/meetings/executive/2025-03-12.md:8:25: warning: unknown field 'stauts' in "
                          "'actions' (did you mean 'status'?)"});
}
