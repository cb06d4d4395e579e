// Integration: `herald new` writes a file from the archetype that the build accepts without warnings.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::TempSite;

TEST_CASE("herald new makes each kind from its archetype, never overwriting") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  for (const char* kind : {"briefing", "newsletter", "chapter", "report", "event", "page"}) {
    CAPTURE(kind);
    std::string title = std::string("Neglect and young carers ") + kind;
    auto made = site.herald(std::string("new ") + kind + " \"" + title + "\" --date 2024-06-01");
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    std::string path = made.out.substr(0, made.out.size() - 1);
    CHECK(site.exists(path));
    CHECK(site.read(path).find("title: \"" + title + "\"") != std::string::npos);
    CHECK(site.read(path).find("draft: true") != std::string::npos);
    auto again = site.herald(std::string("new ") + kind + " \"" + title + "\"");
    CHECK(again.exit_code == 1);
    CHECK(again.err == "error: " + path + " already exists: herald new never overwrites a file\n");
  }
  CHECK(site.read("content/briefings/neglect-and-young-carers-briefing.md").find("## 7. ") != std::string::npos);
  site.commit("new files");
  auto check = site.herald("check --now 2024-07-01T12:00:00");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err == "herald: the site has no errors\n");
  // Published with --drafts, the new briefing has its seven sections.
  auto drafts = site.herald("build --drafts --now 2024-07-01T12:00:00");
  CHECK(drafts.exit_code == 0);
  CHECK(site.read("public/briefings/neglect-and-young-carers-briefing/index.html").find("id=\"section-7\"") !=
        std::string::npos);
}

TEST_CASE("herald new chapter on a site with several manuals: the manual is named first") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/procedures/adults/_index.md", "---\ntitle: Adults\n---\n");
  site.write("content/procedures/children/_index.md", "---\ntitle: Children\n---\n");
  site.commit("two manuals");
  auto unnamed = site.herald("new chapter \"Allegations against staff\"");
  CHECK(unnamed.exit_code == 2);
  CHECK(unnamed.err == "error: say which manual the chapter belongs to, as in herald new chapter "
                       "\"adults/Allegations against staff\" (manuals: adults, children)\n");
  auto unknown = site.herald("new chapter \"schools/Allegations against staff\"");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "error: there is no manual 'schools' in content/procedures/ (manuals: adults, children)\n");
  auto made = site.herald("new chapter \"children / Allegations against staff\" --date 2024-06-01");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.out == "content/procedures/children/allegations-against-staff.md\n");
  CHECK(site.read("content/procedures/children/allegations-against-staff.md").find(
            "title: \"Allegations against staff\"") != std::string::npos);
}

TEST_CASE("herald new writes nothing of another site: a newsletter's series is the site's own, or none") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  auto made = site.herald("new newsletter \"Summer 2024\" --date 2024-06-01");
  REQUIRE(made.exit_code == 0);
  std::string text = site.read("content/newsletters/summer-2024.md");
  for (const char* foreign : {"Safeguarding Matters", "Northbrook", "northbrook"}) {
    CAPTURE(foreign);
    CHECK_FALSE(herald::test::contains(text, foreign));
  }
  CHECK(herald::test::contains(text, "\nseries: \"\""));
  // Published, the issue is captioned with the partnership's name.
  std::string published = text;
  published.replace(published.find("draft: true"), 11, "draft: false");
  published.replace(published.find("issue:  "), 8, "issue: 2");
  site.write("content/newsletters/summer-2024.md", published);
  site.commit("summer issue");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(herald::test::contains(site.read("public/newsletters/summer-2024/index.html"),
                               "<p class=\"govuk-caption-l\">Testshire Safeguarding Partnership · Issue 2</p>"));
}

TEST_CASE("herald new meeting: named by its board and its date, an agenda the build accepts") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/meetings/executive/_index.md", "---\ntitle: \"The Executive\"\n---\n");
  site.write("content/meetings/subgroup/_index.md", "---\ntitle: Learning subgroup\n---\n");
  site.commit("two boards");
  auto made = site.herald("new meeting executive --date 2024-06-13");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.out == "content/meetings/executive/2024-06-13.md\n");
  std::string text = site.read("content/meetings/executive/2024-06-13.md");
  CHECK(text.find("title: \"The Executive meeting, June 2024\"") != std::string::npos);
  CHECK(text.find("start: 2024-06-13T10:00:00") != std::string::npos);
  CHECK(text.find("draft: true") != std::string::npos);
  // By the board's title, too.
  auto by_title = site.herald("new meeting \"learning SUBGROUP\" --date 2024-07-04");
  CHECK(by_title.out == "content/meetings/subgroup/2024-07-04.md\n");
  auto unknown = site.herald("new meeting scrutiny --date 2024-06-13");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "error: there is no board 'scrutiny' in content/meetings/ (boards: executive, subgroup)\n");
  auto undated = site.herald("new meeting executive --date soon");
  CHECK(undated.exit_code == 2);
  CHECK(undated.err ==
        "error: a meeting's file is named by its date: give --date YYYY-MM-DD, such as --date 2027-01-21\n");
  site.commit("new meetings");
  auto check = site.herald("check --now 2024-06-01T12:00:00");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err == "herald: the site has no errors\n");
  auto drafts = site.herald("build --drafts --now 2024-06-01T12:00:00");
  INFO(drafts.err);
  CHECK(drafts.exit_code == 0);
  CHECK(site.read("public/meetings/executive/2024-06-13/index.html").find("Welcome and apologies") !=
        std::string::npos);
}
