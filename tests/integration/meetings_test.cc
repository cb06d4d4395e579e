// Integration: boards and meetings on real git repositories: calendars (SEQUENCE from git), restricted items, the action tracker.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::read_tree;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const std::string kSecret = "PAPAYA-LANTERN-4471";

void write_board(TempSite& site) {
  site.write_minimal_site();
  site.write("content/meetings/board/_index.md",
             "---\ntitle: Testshire Executive\nmembers:\n  - {name: Sam Patel, role: Chair}\n---\n\nThe board.\n");
}

const std::string kMarch =
    "---\ntitle: March meeting\nstart: 2024-03-07T10:00\nend: 2024-03-07T12:00\nlocation: Room 1\n"
    "restricted: [9]\n"
    "declarations:\n  - {name: Sam Patel, item: 9, interest: \"Knows " + kSecret + "\"}\n"
    "papers:\n  - {title: Open paper, file: open.pdf, item: 2}\n  - {title: \"Paper on " + kSecret + "\", file: secret.pdf, item: 9}\n"
    "actions:\n  - {id: A1, action: Write the plan, owner: Jo, due: 2024-04-30, item: 2}\n"
    "  - {id: A9, action: \"Act on " + kSecret + "\", owner: Jo, due: 2024-04-30, item: 9}\n---\n\n"
    "Opening words.\n\n## 1. Welcome\n\nHello.\n\n## 2. The plan\n\n> [!DECISION]\n> The board agreed the plan.\n\n"
    "## 9. The case of " + kSecret + "\n\nMinutes about " + kSecret + ".\n\n> [!DECISION]\n> Decided " + kSecret + ".\n\n"
    "## 10. Any other business\n\nNone.\n";

/// The calendar's events as "UID SEQUENCE STATUS" lines, read by Python's icalendar.
std::string calendar_events(const std::string& path) {
  auto r = run_command(
      "/usr/bin/python3 -c \"import icalendar,sys\n"
      "c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "for e in c.walk('VEVENT'): print(e['UID'], int(e['SEQUENCE']), e['STATUS'], e.decoded('DTSTART').isoformat())\" '" +
      path + "'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("a meeting's SEQUENCE counts the commits that changed it, its UID stays, a cancelled one is CANCELLED") {
  TempSite site;
  write_board(site);
  site.write("content/meetings/board/2024-03-07.md", "---\ntitle: March meeting\nstart: 2024-03-07T10:00\n---\n");
  site.write("content/meetings/board/2024-05-02.md",
             "---\ntitle: May meeting\nstart: 2024-05-02T10:00\nstatus: cancelled\n---\n");
  site.commit("two meetings", "2024-02-01T10:00:00+00:00");
  site.write("content/meetings/board/2024-03-07.md",
             "---\ntitle: March meeting\nstart: 2024-03-07T10:30\nlocation: Room 2\n---\n");
  site.commit("the March meeting moves", "2024-02-10T10:00:00+00:00");
  site.write("content/pages/about.md", "---\ntitle: About\n---\n\nAbout us.\n");
  site.commit("another file", "2024-02-11T10:00:00+00:00");
  site.write("content/meetings/board/2024-03-07.md",
             "---\ntitle: March meeting\nstart: 2024-03-07T11:00\nlocation: Room 2\n---\n");
  site.commit("the March meeting moves again", "2024-02-12T10:00:00+00:00");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  std::string all = calendar_events(site.dir() + "/public/meetings.ics");
  CHECK(contains(all, "meeting-board-2024-03-07@safeguarding.testshire.example 3 CONFIRMED 2024-03-07T11:00:00+00:00"));
  CHECK(contains(all, "meeting-board-2024-05-02@safeguarding.testshire.example 1 CANCELLED 2024-05-02T10:00:00+01:00"));
  CHECK(calendar_events(site.dir() + "/public/meetings/board.ics") == all);
  std::string ics = site.read("public/meetings.ics");
  CHECK(contains(ics, "URL:https://safeguarding.testshire.example/meetings/board/2024-03-07/"));
  CHECK(contains(ics, "SUMMARY:Cancelled: May meeting"));

  // A rebuild from the build cache (history kept, one commit added) counts the same.
  site.write("content/meetings/board/2024-05-02.md",
             "---\ntitle: May meeting\nstart: 2024-05-02T10:00\nstatus: cancelled\nsummary: Moved to June.\n---\n");
  site.commit("the May meeting's summary", "2024-02-13T10:00:00+00:00");
  build = site.herald("build --now 2024-07-01T12:00:00");
  REQUIRE(build.exit_code == 0);
  all = calendar_events(site.dir() + "/public/meetings.ics");
  CHECK(contains(all, "meeting-board-2024-03-07@safeguarding.testshire.example 3 CONFIRMED"));
  CHECK(contains(all, "meeting-board-2024-05-02@safeguarding.testshire.example 2 CANCELLED"));
}

TEST_CASE("a restricted item's text reaches no file the build writes") {
  TempSite site;
  write_board(site);
  site.write("content/meetings/board/2024-03-07/index.md", kMarch);
  site.write("content/meetings/board/2024-03-07/open.pdf", "%PDF-1.4 open paper");
  site.write("content/meetings/board/2024-03-07/secret.pdf", "%PDF-1.4 " + kSecret);
  site.write("content/meetings/board/2024-05-02.md",
             "---\ntitle: May meeting\nstart: 2024-05-02T10:00\nactions:\n  - {id: A9, status: done, note: \"Done: " +
                 kSecret + "\"}\n  - {id: A1, status: done, note: Written}\n---\n");
  site.commit("the meetings");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  auto files = read_tree(site.dir() + "/public");
  REQUIRE(files.count("meetings/board/2024-03-07/index.html"));
  REQUIRE(files.count("meetings/board/2024-03-07/2024-03-07.pdf"));
  CHECK(files.count("meetings/board/2024-03-07/open.pdf"));
  CHECK_FALSE(files.count("meetings/board/2024-03-07/secret.pdf"));
  size_t pdfs = 0;
  for (const auto& [path, content] : files) {
    CAPTURE(path);
    CHECK_FALSE(contains(content, kSecret));
    if (path.size() > 4 && path.substr(path.size() - 4) == ".pdf" && content.rfind("%PDF-1.4 open", 0) != 0) {
      auto text = run_command("pdftotext '" + site.dir() + "/public/" + path + "' -");
      CHECK(text.exit_code == 0);
      CHECK_FALSE(contains(text.out, kSecret));
      if (path == "meetings/board/2024-03-07/2024-03-07.pdf") CHECK(contains(text.out, "Item 9 is not published."));
      ++pdfs;
    }
  }
  CHECK(pdfs >= 2);  // the meetings' own, and the other kinds'
  std::string page = files["meetings/board/2024-03-07/index.html"];
  CHECK(contains(page, "Item 9 is not published."));
  CHECK(contains(page, "The board agreed the plan."));
  CHECK(contains(page, "Open paper"));
  CHECK(contains(page, "Any other business"));
  // The site's search index is made from the pages, which do not have the text.
  CHECK(contains(files["meetings/board/feed.xml"], "Item 9 is not published."));
}

TEST_CASE("the action tracker shows every action with its history, open first, overdue marked") {
  TempSite site;
  write_board(site);
  site.write("content/meetings/board/2024-03-07.md",
             "---\ntitle: March meeting\nstart: 2024-03-07T10:00\nactions:\n"
             "  - {id: A1, action: Write the plan, owner: Jo, due: 2024-04-30}\n"
             "  - {id: A2, action: Share the plan, owner: Kit, due: 2024-05-30}\n"
             "  - {id: A3, action: Review the plan, owner: Sam, due: 2024-12-31}\n---\n");
  site.write("content/meetings/board/2024-05-02.md",
             "---\ntitle: May meeting\nstart: 2024-05-02T10:00\nactions:\n"
             "  - {id: A1, status: in-progress, note: Half written}\n---\n");
  site.write("content/meetings/board/2024-06-06.md",
             "---\ntitle: June meeting\nstart: 2024-06-06T10:00\nactions:\n"
             "  - {id: A1, status: done, note: Written}\n---\n");
  site.commit("the meetings");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(contains(build.err, "content/meetings/board/2024-03-07.md:6:55: warning: action A2 is still open and was due on "
                            "30 May 2024"));
  std::string tracker = site.read("public/meetings/board/actions/index.html");
  // Open ones first (A2, overdue, then A3), then A1, done, with its three statuses in order.
  size_t a2 = tracker.find("A2: Share the plan"), a3 = tracker.find("A3: Review the plan"),
         a1 = tracker.find("A1: Write the plan");
  REQUIRE(a2 != std::string::npos);
  REQUIRE(a3 != std::string::npos);
  REQUIRE(a1 != std::string::npos);
  CHECK(a2 < a3);
  CHECK(a3 < a1);
  CHECK(contains(tracker.substr(a2, a3 - a2), "Overdue"));
  CHECK_FALSE(contains(tracker.substr(a3), "Overdue"));
  std::string history = tracker.substr(a1);
  size_t open = history.find("7 March 2024</a>: Open"), progress = history.find("2 May 2024</a>: In progress. Half written"),
         done = history.find("6 June 2024</a>: Done. Written");
  CHECK(open != std::string::npos);
  CHECK(progress != std::string::npos);
  CHECK(done != std::string::npos);
  CHECK(open < progress);
  CHECK(progress < done);
  // The May meeting's page names the action it updates.
  CHECK(contains(site.read("public/meetings/board/2024-05-02/index.html"), "Write the plan"));
}

TEST_CASE("a meeting is an agenda before its start and minutes after, by the build's clock") {
  TempSite site;
  write_board(site);
  site.write("content/meetings/board/2024-03-07.md",
             "---\ntitle: March meeting\nstart: 2024-03-07T10:00\n---\n\n## 1. Welcome\n");
  site.commit("a meeting");
  REQUIRE(site.herald("build --now 2024-03-01T12:00:00 --out before").exit_code == 0);
  REQUIRE(site.herald("build --now 2024-03-08T12:00:00 --out after").exit_code == 0);
  CHECK(contains(site.read("before/meetings/board/2024-03-07/index.html"), ">Agenda</strong>"));
  CHECK(contains(site.read("after/meetings/board/2024-03-07/index.html"), ">Minutes</strong>"));
  CHECK(contains(site.read("before/meetings/board/index.html"), "Upcoming meetings"));
  // The same commit and clock build the same bytes.
  REQUIRE(site.herald("build --now 2024-03-08T12:00:00 --out again").exit_code == 0);
  CHECK(read_tree(site.dir() + "/after") == read_tree(site.dir() + "/again"));
}

TEST_CASE("a meeting's page carries schema.org's Event: name, times, status, attendance mode, place and board") {
  TempSite site;
  write_board(site);
  site.write("content/meetings/board/2024-03-07.md",
             "---\ntitle: March meeting\nstart: 2024-03-07T10:00\nend: 2024-03-07T12:00\nlocation: Room 2\n---\n");
  site.write("content/meetings/board/2024-05-02.md",
             "---\ntitle: May meeting\nstart: 2024-05-02T10:00\nstatus: cancelled\nonline: true\n---\n");
  site.commit("two meetings");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  std::string held = site.read("public/meetings/board/2024-03-07/index.html");
  CHECK(contains(held, "<div itemscope itemtype=\"https://schema.org/Event\">"));
  CHECK(contains(held, "itemprop=\"name\">March meeting</h1>"));
  CHECK(contains(held, "<meta itemprop=\"startDate\" content=\"2024-03-07T10:00:00+00:00\">"));
  CHECK(contains(held, "<meta itemprop=\"endDate\" content=\"2024-03-07T12:00:00+00:00\">"));
  CHECK(contains(held, "<link itemprop=\"eventStatus\" href=\"https://schema.org/EventScheduled\">"));
  CHECK(contains(held, "href=\"https://schema.org/OfflineEventAttendanceMode\""));
  CHECK(contains(held, "<link itemprop=\"url\" href=\"https://safeguarding.testshire.example/meetings/board/2024-03-07/\">"));
  CHECK(contains(held, "itemtype=\"https://schema.org/Place\" hidden><meta itemprop=\"name\" content=\"Room 2\">"));
  CHECK(contains(held, "itemtype=\"https://schema.org/Organization\" hidden><meta itemprop=\"name\" content=\""));
  std::string cancelled = site.read("public/meetings/board/2024-05-02/index.html");
  CHECK(contains(cancelled, "<link itemprop=\"eventStatus\" href=\"https://schema.org/EventCancelled\">"));
  CHECK(contains(cancelled, "href=\"https://schema.org/OnlineEventAttendanceMode\""));
  CHECK_FALSE(contains(cancelled, "schema.org/Place"));
}
