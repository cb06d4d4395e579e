// Integration: the repository's own example site builds cleanly and every feed and calendar reads back.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::read_tree;
using herald::test::run_command;
using herald::test::contains;
using herald::test::TempSite;


TEST_CASE("the example site builds with only its three deliberate warnings") {
  TempSite out;
  auto r = run_command(std::string("'") + HERALD_BINARY + "' build --repo '" HERALD_SOURCE_DIR "' --out '" + out.dir() +
                       "/public' --now 2026-11-24T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "0 errors, 3 warnings"));
  CHECK(contains(r.err, "content/meetings/executive/2026-09-17/index.md:24:10: warning: action E3 is still open"));
  CHECK(contains(r.err, "content/briefings/exploitation-rapid-review.md:24:1: warning: briefing sections are out of order"));
  CHECK(contains(r.err, "content/procedures/children/allegations-against-staff.md:6:13: warning: this chapter was due for review"));
  auto files = read_tree(out.dir() + "/public");
  // Every kind of page of the contract.
  for (const char* path : {"index.html", "newsletters/index.html", "newsletters/autumn-2026/index.html",
                           "newsletters/autumn-2026/photo.png", "briefings/index.html",
                           "briefings/professional-curiosity-and-neglect/index.html", "procedures/index.html",
                           "procedures/children/index.html", "procedures/adults/self-neglect/index.html",
                           "procedures/changes/index.html", "events/index.html", "events.ics",
                           "events/professional-curiosity-masterclass/professional-curiosity-masterclass.ics",
                           "contacts/index.html", "contacts/childrens-front-door.vcf", "topics/neglect/index.html",
                           "audience/practitioners/index.html", "briefings/review-type/sar/index.html",
                           "about/index.html", "reports/annual-report-2025-26/index.html", "accessibility/index.html",
                           "reports/index.html", "reports/annual-report-2023-24/index.html",
                           "reports/annual-report-2023-24/annual-report-2023-24.pdf",
                           "reports/annual-report-2023-24/cover.png",
                           "reports/safeguarding-strategy-2024-2027/index.html", "embed/reports/index.html",
                           "feeds/index.html", "embed/briefings/index.html", "embed/topics/neglect/index.html",
                           "search/index.html", "404.html", "sitemap.xml", "robots.txt", "logo.svg",
                           "meetings/index.html", "meetings/executive/index.html",
                           "meetings/executive/2026-09-17/index.html", "meetings/executive/2026-09-17/2026-09-17.pdf",
                           "meetings/executive/2026-09-17/health-visiting-audit.pdf",
                           "meetings/executive/2027-01-21/index.html", "meetings/executive/actions/index.html",
                           "meetings/executive/feed.xml", "meetings/executive.ics", "meetings.ics",
                           "meetings/learning-and-improvement/index.html"}) {
    CAPTURE(path);
    CHECK(files.count(path) == 1);
  }
  // The out-of-order briefing is shown in number order.
  std::string kai = files["briefings/exploitation-rapid-review/index.html"];
  CHECK(kai.find("id=\"section-3\"") < kai.find("id=\"section-4\""));
  // The restricted item's paper is not published.
  CHECK(files.count("meetings/executive/2026-09-17/case-review-briefing.pdf") == 0);
  // Retired numbers and the restricted item's minutes appear nowhere.
  for (const auto& [path, content] : files) {
    CAPTURE(path);
    CHECK_FALSE(contains(content, "Child M"));
    CHECK_FALSE(contains(content, "0116 496 0123"));
    CHECK_FALSE(contains(content, "0116 496 0777"));
  }
}

TEST_CASE("every feed and calendar of the example site is read by real clients") {
  TempSite out;
  REQUIRE(run_command(std::string("'") + HERALD_BINARY + "' build --repo '" HERALD_SOURCE_DIR "' --out '" + out.dir() +
                      "/public' --now 2026-11-24T12:00:00")
              .exit_code == 0);
  auto r = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/check_feeds.py' '" + out.dir() +
                       "/public' https://safeguarding.northbrook.example/");
  INFO(r.out.substr(0, 3000));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"problems\": []"));
  // Both sessions of the masterclass: one in winter (GMT), one in summer (BST).
  CHECK(contains(r.out, "\"2027-01-20T09:30:00+00:00\""));
  CHECK(contains(r.out, "\"2027-06-03T13:30:00+01:00\""));
  CHECK(contains(r.out, "\"2027-06-15T09:30:00+01:00\""));
  auto lint = run_command("cd '" + out.dir() + "/public' && find . -name '*.xml' -print0 | xargs -0 xmllint --noout");
  INFO(lint.err);
  CHECK(lint.exit_code == 0);
}
