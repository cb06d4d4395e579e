// Integration: herald build on real temporary git repositories, asserting on the files written.
#include <doctest/doctest.h>

#include <cstdlib>

#include "support/site_builder.h"

using herald::test::read_tree;
using herald::test::contains;
using herald::test::TempSite;

namespace {
const char* kNow = "--now 2024-07-01T12:00:00";

}  // namespace

TEST_CASE("a minimal site builds every page of the contract") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site", "2024-03-20T10:00:00+00:00");
  auto r = site.herald(std::string("build ") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* path : {"index.html", "newsletters/index.html", "newsletters/spring-2024/index.html",
                           "briefings/index.html", "briefings/neglect/index.html", "procedures/index.html",
                           "procedures/children/index.html", "procedures/children/referrals/index.html",
                           "procedures/changes/index.html", "events/index.html", "events/conference/index.html",
                           "contacts/index.html", "contacts/front-door.vcf", "topics/neglect/index.html",
                           "audience/practitioners/index.html", "briefings/review-type/lcspr/index.html",
                           "about/index.html", "accessibility/index.html", "search/index.html", "404.html",
                           "sitemap.xml", "robots.txt", "assets/herald.css"}) {
    CAPTURE(path);
    CHECK(site.exists(std::string("public/") + path));
  }
  std::string briefing = site.read("public/briefings/neglect/index.html");
  CHECK(contains(briefing, "<html lang=\"en-GB\""));
  CHECK(contains(briefing, "Skip to main content"));
  CHECK(contains(briefing, "<main"));
  CHECK(contains(briefing, "id=\"section-7\""));
  CHECK(contains(briefing, "href=\"tel:+441164960000\""));
  CHECK(contains(briefing, "Worried about someone?"));
  // A label without hours has no dangling colon; an empty summary leaves no empty paragraph.
  CHECK(contains(briefing, "0116 496 0000</a> (Office hours)"));
  CHECK_FALSE(contains(site.read("public/about/index.html"), "<p class=\"govuk-body-l\"></p>"));
  // A summary not written is the body's first paragraph: shown once, in the body, not again above it.
  CHECK_FALSE(contains(site.read("public/about/index.html"), "class=\"govuk-body-l\""));
  CHECK(contains(briefing, "Last updated <time datetime=\"2024-03-20\">20 March 2024</time>"));
  // One h1 on every page.
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    size_t h1 = 0;
    for (size_t pos = content.find("<h1"); pos != std::string::npos; pos = content.find("<h1", pos + 1)) ++h1;
    CAPTURE(path);
    CHECK(h1 == 1);
  }
}

TEST_CASE("the same commit builds byte-identical output") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build --out out1 ") + kNow).exit_code == 0);
  REQUIRE(site.herald(std::string("build --out out2 ") + kNow).exit_code == 0);
  auto a = read_tree(site.dir() + "/out1");
  auto b = read_tree(site.dir() + "/out2");
  CHECK(a.size() > 20);
  CHECK(a == b);
}

TEST_CASE("uncommitted files and drafts never reach the output") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/briefings/secret.md",
             "---\ntitle: Embargoed review DRAFTMARKER\ndate: 2024-01-01\ndraft: true\nreview_type: sar\n"
             "audience: [adults]\n---\n\nDRAFTMARKER\n\n## 1. A\n\nx\n\n## 2. B\n\nx\n\n## 3. C\n\nx\n\n## 4. D\n\nx\n\n## 5. E\n\nx\n\n## 6. F\n\nx\n\n## 7. G\n\nx\n");
  site.commit("the site");
  site.write("content/pages/uncommitted.md", "---\ntitle: UNCOMMITTEDMARKER\n---\n\nUNCOMMITTEDMARKER\n");
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nEDITEDMARKER\n");
  auto r = site.herald(std::string("build ") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) {
    CAPTURE(path);
    CHECK_FALSE(contains(content, "DRAFTMARKER"));
    CHECK_FALSE(contains(content, "UNCOMMITTEDMARKER"));
    CHECK_FALSE(contains(content, "EDITEDMARKER"));
  }
  auto drafts = site.herald(std::string("build --drafts --out with-drafts ") + kNow);
  REQUIRE(drafts.exit_code == 0);
  CHECK(contains(site.read("with-drafts/briefings/secret/index.html"), "DRAFTMARKER"));
}

TEST_CASE("scheduled and expired pages are withheld until their time") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/newsletters/future.md",
             "---\ntitle: Future issue\ndate: 2024-09-01\n---\n\nSCHEDULEDMARKER\n");
  site.write("content/pages/old-campaign.md", "---\ntitle: Old campaign\nexpires: 2024-05-01\n---\n\nEXPIREDMARKER\n");
  site.commit("the site");
  REQUIRE(site.herald("build --now 2024-07-01").exit_code == 0);
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) {
    CAPTURE(path);
    CHECK_FALSE(contains(content, "SCHEDULEDMARKER"));
    CHECK_FALSE(contains(content, "EXPIREDMARKER"));
  }
  REQUIRE(site.herald("build --now 2024-09-02").exit_code == 0);
  CHECK(contains(site.read("public/newsletters/future/index.html"), "SCHEDULEDMARKER"));
}

TEST_CASE("a failed build leaves the previous site exactly as it was") {
  TempSite site;
  site.write_minimal_site();
  site.commit("good");
  REQUIRE(site.herald(std::string("build ") + kNow).exit_code == 0);
  auto before = read_tree(site.dir() + "/public");
  site.write("content/briefings/broken.md", "---\ntitle: Broken\ndate: 2024-13-45\n---\n");
  site.commit("bad");
  auto r = site.herald(std::string("build ") + kNow);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "herald: nothing was written: the previous site in " + site.dir() + "/public is unchanged\n"));
  CHECK(read_tree(site.dir() + "/public") == before);
  // With no previous site, the message does not speak of one.
  auto first = site.herald(std::string("build --out never-built ") + kNow);
  CHECK(first.exit_code == 1);
  CHECK(contains(first.err, "herald: nothing was written (never-built does not exist yet)\n"));
  CHECK_FALSE(site.exists("never-built"));
}

TEST_CASE("bundles publish their files beside the page; static files at the same path") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/newsletters/summer/index.md",
             "---\ntitle: Summer\ndate: 2024-06-01\n---\n\n![A team meeting](photo.png)\n");
  site.write("content/newsletters/summer/photo.png", "PNGDATA");
  site.write("static/images/logo.png", "LOGODATA");
  site.commit("the site");
  REQUIRE(site.herald(std::string("build ") + kNow).exit_code == 0);
  CHECK(site.read("public/newsletters/summer/photo.png") == "PNGDATA");
  CHECK(site.read("public/images/logo.png") == "LOGODATA");
  CHECK(contains(site.read("public/newsletters/summer/index.html"), "src=\"photo.png\""));
}

TEST_CASE("dot-files are never published, but .well-known/ is; HTML with script is published with a warning") {
  TempSite site;
  site.write_minimal_site();
  site.write("static/.env", "SMTP_PASSWORD=x\n");
  site.write("static/.htaccess", "Options +Indexes\n");
  site.write("static/images/.DS_Store", "x");
  site.write("static/.well-known/security.txt", "Contact: mailto:security@testshire.example\n");
  site.write("static/.well-known/.hidden", "x");
  site.write("static/forms/old.html", "<p>Old form</p>\n<script>alert(1)</script>\n");
  site.write("content/newsletters/summer/index.md", "---\ntitle: Summer\ndate: 2024-06-01\n---\n\nText.\n");
  site.write("content/newsletters/summer/.notes.txt", "drafting notes");
  site.commit("the site");
  auto r = site.herald(std::string("build ") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(site.read("public/.well-known/security.txt") == "Contact: mailto:security@testshire.example\n");
  for (const char* hidden : {"public/.env", "public/.htaccess", "public/images/.DS_Store", "public/.well-known/.hidden",
                             "public/newsletters/summer/.notes.txt"}) {
    CAPTURE(hidden);
    CHECK_FALSE(site.exists(hidden));
  }
  CHECK(contains(r.err, "static/.env:1:1: note: not published"));
  CHECK(site.exists("public/forms/old.html"));
  CHECK(contains(r.err, "static/forms/old.html:2:1: warning: this file has script in it (a <script> element)"));
  // --strict fails on the script, not on the notes.
  auto strict = site.herald(std::string("check --strict ") + kNow);
  CHECK(strict.exit_code == 1);
  site.remove("static/forms/old.html");
  site.commit("no script");
  CHECK(site.herald(std::string("check --strict ") + kNow).exit_code == 0);
}

TEST_CASE("a site's theme overrides the built-in theme file by file") {
  TempSite site;
  site.write_minimal_site();
  site.write("themes/default/templates/page.mustache", "<h1>{{page.title}}</h1><p>OVERRIDDEN</p>");
  site.commit("the site");
  REQUIRE(site.herald(std::string("build ") + kNow).exit_code == 0);
  CHECK(contains(site.read("public/about/index.html"), "OVERRIDDEN"));
  CHECK(contains(site.read("public/about/index.html"), "Skip to main content"));  // layout still built-in
}

TEST_CASE("aliases become redirect pages") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/about.md", "---\ntitle: About us\naliases: [/old/about-us/, /who-we-are.html]\n---\n\nWho.\n");
  site.commit("the site");
  REQUIRE(site.herald(std::string("build ") + kNow).exit_code == 0);
  std::string redirect = site.read("public/old/about-us/index.html");
  CHECK(contains(redirect, "<meta http-equiv=\"refresh\" content=\"0; url=https://safeguarding.testshire.example/about/\">"));
  CHECK(contains(redirect, "<link rel=\"canonical\" href=\"https://safeguarding.testshire.example/about/\">"));
  CHECK(site.exists("public/who-we-are.html"));
  // The site's language and the same Content-Security-Policy as every page.
  CHECK(contains(redirect, "<html lang=\"en-GB\">"));
  std::string page = site.read("public/about/index.html");
  size_t csp = page.find("<meta http-equiv=\"Content-Security-Policy\"");
  REQUIRE(csp != std::string::npos);
  std::string policy = page.substr(csp, page.find('>', csp) + 1 - csp);
  CHECK(contains(policy, "default-src 'self'"));
  CHECK(contains(redirect, policy));
}

TEST_CASE("--verbose prints each stage's time") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  auto r = site.herald(std::string("build --verbose ") + kNow);
  REQUIRE(r.exit_code == 0);
  for (const char* stage : {"load", "parse", "assemble", "render", "write", "total"}) {
    CAPTURE(stage);
    CHECK(contains(r.err, std::string("  ") + stage));
  }
}

TEST_CASE("the accessibility statement says fully compliant, or lists the known issues from herald.yaml") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site", "2024-03-20T10:00:00+00:00");
  REQUIRE(site.herald(std::string("build ") + kNow).exit_code == 0);
  std::string full = site.read("public/accessibility/index.html");
  CHECK(contains(full, "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA"));
  CHECK_FALSE(contains(full, "Non-accessible content"));

  site.write("herald.yaml", site.read("herald.yaml") +
                                "accessibility:\n  known_issues:\n    - Briefing PDFs before 2024 are not tagged <for now>.\n");
  site.commit("known issues", "2024-03-21T10:00:00+00:00");
  auto r = site.herald(std::string("build ") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string partial = site.read("public/accessibility/index.html");
  CHECK(contains(partial, "This website is partially compliant"));
  CHECK(contains(partial, "<h2 class=\"govuk-heading-l\">Non-accessible content</h2>"));
  CHECK(contains(partial, "<li>Briefing PDFs before 2024 are not tagged &lt;for now&gt;.</li>"));
}

TEST_CASE("a mistyped command is named, with the nearest real one") {
  TempSite site;
  auto r = site.herald("bulid");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: unknown command 'bulid' (did you mean build?): herald build, check, changes, email, init, new or serve\n");
  auto far = site.herald("publish");
  CHECK(far.exit_code == 2);
  CHECK(far.err == "error: unknown command 'publish': herald build, check, changes, email, init, new or serve\n");
}

TEST_CASE("a shallow clone is built with a warning that its dates come only from the commits it has") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site", "2024-01-10T10:00:00+00:00");
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and where.\n");
  site.commit("about: where", "2024-03-01T10:00:00+00:00");
  const std::string clones = herald::test::make_temp_dir("herald-clones-");
  struct Removed {
    std::string dir;
    ~Removed() { std::system(("rm -rf '" + dir + "'").c_str()); }
  } removed{clones};
  auto build = [&](const std::string& clone, const std::string& depth) {
    auto cloned = herald::test::run_command("git clone -q " + depth + " 'file://" + site.dir() + "' '" +
                                            clones + "/" + clone + "' 2>&1");
    INFO(cloned.out);
    REQUIRE(cloned.exit_code == 0);
    return herald::test::run_command("cd '" + clones + "/" + clone + "' && '" HERALD_BINARY "' build " + kNow);
  };
  const std::string warning =
      ".git/shallow:1:1: warning: the repository is a shallow clone, so each page's dates (\"First published\", "
      "\"Last updated\") and the procedures' changes come only from the commits it has: clone its whole history "
      "(with actions/checkout, `fetch-depth: 0`)\n";
  auto shallow = build("shallow", "--depth 1");
  INFO(shallow.err);
  CHECK(shallow.exit_code == 0);
  CHECK(contains(shallow.err, warning));
  auto whole = build("whole", "");
  INFO(whole.err);
  CHECK(whole.exit_code == 0);
  CHECK_FALSE(contains(whole.err, "shallow"));
}
