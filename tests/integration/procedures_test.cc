// Integration: procedure releases from tags (new, updated, moved, removed), months without tags, `herald changes`.
#include <doctest/doctest.h>

#include <cstdlib>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::TempSite;

namespace {


std::string chapter(const std::string& title, int order, const std::string& amendment, const std::string& body,
                    bool reread = false) {
  return "---\ntitle: " + title + "\norder: " + std::to_string(order) + "\nowner: Testshire Partnership\n" +
         "amendment: " + amendment + "\n" + (reread ? "reread: true\n" : "") + "---\n\n" + body + "\n";
}

const std::string kLong = std::string(
    "## Purpose\n\nThis chapter explains the steps practitioners take when they are worried about a child, "
    "who to contact, what to record and how the partnership agencies work together to respond.\n");

/// Three releases: the first adds three chapters; the second updates one,
/// renames one (unchanged) and removes one; the third updates with an
/// unchanged amendment.
void write_history(TempSite& site) {
  site.write_minimal_site();
  site.remove("content/procedures/children/referrals.md");
  site.write("content/procedures/children/referrals.md", chapter("Making a referral", 1, "First version.", kLong));
  site.write("content/procedures/children/strategy.md", chapter("Strategy discussions", 2, "First version.", kLong + "Strategy."));
  site.write("content/procedures/children/old-chapter.md", chapter("Private fostering", 3, "First version.", kLong + "Fostering."));
  site.commit("procedures: first release", "2024-01-10T10:00:00+00:00");
  site.tag("procedures-2024-01");
  site.write("content/procedures/children/referrals.md",
             chapter("Making a referral", 1, "Adds the new online referral form.", kLong + "Use the online form.", true));
  site.move("content/procedures/children/strategy.md", "content/procedures/children/strategy-meetings.md");
  site.remove("content/procedures/children/old-chapter.md");
  site.commit("procedures: second release", "2024-03-10T10:00:00+00:00");
  site.tag("procedures-2024-03");
}

}  // namespace

TEST_CASE("each release lists new, updated, moved and removed chapters") {
  TempSite site;
  write_history(site);
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string changes = site.read("public/procedures/changes/index.html");
  size_t second = changes.find("id=\"procedures-2024-03\"");
  size_t first = changes.find("id=\"procedures-2024-01\"");
  REQUIRE(second != std::string::npos);
  REQUIRE(first != std::string::npos);
  CHECK(second < first);  // newest first
  std::string newest = changes.substr(second, first - second);
  std::string oldest = changes.substr(first);
  CHECK(contains(newest, "Updated chapters"));
  CHECK(contains(newest, "Making a referral</a> <span class=\"govuk-body-s\">(Children&apos;s procedures)</span>: Adds the new online referral form."));
  CHECK(contains(newest, "Revised throughout: this chapter should be re-read."));
  CHECK(contains(newest, "Strategy discussions</a> <span class=\"govuk-body-s\">(Children&apos;s procedures)</span>: moved from content/procedures/children/strategy.md"));
  CHECK(contains(newest, "Removed chapters"));
  CHECK(contains(newest, "Private fostering"));
  CHECK_FALSE(contains(newest, "New chapters"));
  CHECK(contains(oldest, "New chapters"));
  CHECK(contains(oldest, "Making a referral"));
  CHECK(contains(oldest, "Strategy discussions"));
  CHECK(contains(oldest, "Private fostering"));
  // The chapter's own history.
  std::string referral = site.read("public/procedures/children/referrals/index.html");
  CHECK(contains(referral, "procedures-2024-03</a>"));
  CHECK(contains(referral, "procedures-2024-01</a>"));
  CHECK(contains(referral, "Last updated"));
  // One item per release in the procedure-changes feed.
  std::string feed = site.read("public/procedures/changes/feed.xml");
  CHECK(contains(feed, "<title>Changes to the procedures: procedures-2024-03</title>"));
  CHECK(contains(feed, "<title>Changes to the procedures: procedures-2024-01</title>"));
}

TEST_CASE("an updated chapter whose amendment did not change is warned about") {
  TempSite site;
  write_history(site);
  site.write("content/procedures/children/referrals.md",
             chapter("Making a referral", 1, "Adds the new online referral form.", kLong + "Changed again."));
  site.commit("procedures: third release", "2024-05-10T10:00:00+01:00");
  site.tag("procedures-2024-05");
  auto r = site.herald("check --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/procedures/children/referrals.md:5:1: warning: the chapter changed in release "
                        "'procedures-2024-05' but its 'amendment' did not: say in one sentence what changed"));
  CHECK(site.herald("check --strict --now 2024-07-01T12:00:00").exit_code == 1);
}

TEST_CASE("herald changes prints the releases between two refs") {
  TempSite site;
  write_history(site);
  auto r = site.herald("changes --from procedures-2024-01 --to procedures-2024-03");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "procedures-2024-03 (10 March 2024)\n"
        "  Updated chapters:\n"
        "    - Making a referral (children/referrals): Adds the new online referral form. [revised throughout: should be re-read]\n"
        "    - Strategy discussions (children/strategy-meetings): moved from content/procedures/children/strategy.md\n"
        "  Removed chapters:\n"
        "    - Private fostering (children/old-chapter)\n"
        "\n");
  auto all = site.herald("changes");
  CHECK(contains(all.out, "procedures-2024-01 (10 January 2024)\n  New chapters:\n"));
  CHECK(site.herald("changes --from nowhere").exit_code == 2);
}

TEST_CASE("without release tags, changes are grouped by calendar month") {
  TempSite site;
  site.write_minimal_site();
  site.commit("January", "2024-01-10T10:00:00+00:00");
  site.write("content/procedures/children/escalation.md", chapter("Escalation", 2, "New chapter on escalation.", kLong));
  site.commit("February", "2024-02-05T10:00:00+00:00");
  site.write("content/procedures/children/escalation.md", chapter("Escalation", 2, "Clarifies who to call.", kLong + "More."));
  site.commit("February again", "2024-02-20T10:00:00+00:00");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string changes = site.read("public/procedures/changes/index.html");
  CHECK(contains(changes, "id=\"2024-02\">February 2024</h2>"));
  CHECK(contains(changes, "id=\"2024-01\">January 2024</h2>"));
  size_t feb = changes.find("id=\"2024-02\"");
  size_t jan = changes.find("id=\"2024-01\"");
  std::string february = changes.substr(feb, jan - feb);
  CHECK(contains(february, "New chapters"));
  CHECK(contains(february, "Escalation"));
  CHECK_FALSE(contains(february, "Updated chapters"));
}

TEST_CASE("a chapter past its review date is flagged on the page and warned about") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/procedures/children/referrals.md",
             "---\ntitle: Making a referral\norder: 1\nreview_due: 2024-03-31\n---\n\nRefer early.\n");
  site.commit("the site");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/procedures/children/referrals.md:4:13: warning: this chapter was due for review on 31 March 2024: review it, or give a new review_due"));
  CHECK(contains(site.read("public/procedures/children/referrals/index.html"), "This chapter is due for review."));
}

TEST_CASE("a draft or scheduled chapter is in no release until it is shown; withdrawing it is a removal") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/procedures/children/secret.md",
             "---\ntitle: Secret chapter\norder: 2\nowner: Testshire Partnership\namendment: First version.\n"
             "draft: true\n---\n\nText.\n");
  site.write("content/procedures/children/later.md",
             "---\ntitle: Later chapter\norder: 3\nowner: Testshire Partnership\namendment: First version.\n"
             "date: 2024-09-01\n---\n\nText.\n");
  site.commit("procedures: drafts", "2024-01-10T10:00:00+00:00");
  site.tag("procedures-2024-01");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string first = site.read("public/procedures/changes/index.html");
  CHECK_FALSE(contains(first, "Secret chapter"));
  CHECK_FALSE(contains(first, "Later chapter"));
  CHECK(contains(first, "Making a referral"));
  CHECK_FALSE(contains(site.herald("changes").out, "Secret chapter"));

  // Published in the next release: it is new there, not in the first.
  site.write("content/procedures/children/secret.md",
             "---\ntitle: Secret chapter\norder: 2\nowner: Testshire Partnership\namendment: First version.\n---\n\nText.\n");
  site.commit("procedures: publish", "2024-03-10T10:00:00+00:00");
  site.tag("procedures-2024-03");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string second = site.read("public/procedures/changes/index.html");
  size_t newest = second.find("id=\"procedures-2024-03\"");
  size_t oldest = second.find("id=\"procedures-2024-01\"");
  REQUIRE(newest != std::string::npos);
  REQUIRE(oldest != std::string::npos);
  CHECK(contains(second.substr(newest, oldest - newest), "Secret chapter"));
  CHECK(contains(second.substr(newest, oldest - newest), "New chapters"));
  CHECK_FALSE(contains(second.substr(oldest), "Secret chapter"));

  // Made a draft again: withdrawn, so listed as removed.
  site.write("content/procedures/children/secret.md",
             "---\ntitle: Secret chapter\norder: 2\nowner: Testshire Partnership\namendment: First version.\n"
             "draft: true\n---\n\nText.\n");
  site.commit("procedures: withdraw", "2024-05-10T10:00:00+00:00");
  site.tag("procedures-2024-05");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string third = site.read("public/procedures/changes/index.html");
  size_t withdrawn = third.find("id=\"procedures-2024-05\"");
  size_t before = third.find("id=\"procedures-2024-03\"");
  REQUIRE(withdrawn != std::string::npos);
  REQUIRE(before != std::string::npos);
  std::string release = third.substr(withdrawn, before - withdrawn);
  CHECK(contains(release, "Removed chapters"));
  CHECK(contains(release, "Secret chapter"));
}

TEST_CASE("releases worked out from the build cache's chapter facts are the releases read from git") {
  TempSite site;
  write_history(site);
  auto first = site.herald("build --now 2024-07-01T12:00:00");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(site.exists(".herald-cache/chapters"));
  std::string changes = site.read("public/procedures/changes/index.html");
  std::string feed = site.read("public/procedures/changes/feed.xml");
  std::string referral = site.read("public/procedures/children/referrals/index.html");

  // A third release: the facts of the first two come from the cache, and the
  // amendment warning (which needs the line of `amendment`) still points at it.
  SUBCASE("a new release") {
    site.write("content/procedures/children/referrals.md",
               chapter("Making a referral", 1, "Adds the new online referral form.", kLong + "Changed again."));
    site.commit("procedures: third release", "2024-05-10T10:00:00+01:00");
    site.tag("procedures-2024-05");
    auto warm = site.herald("build --now 2024-07-01T12:00:00");
    std::string chapters = site.read(".herald-cache/chapters");
    std::system(("rm -rf " + site.dir() + "/.herald-cache").c_str());
    auto cold = site.herald("build --out out-cold --now 2024-07-01T12:00:00");
    REQUIRE(warm.exit_code == 0);
    REQUIRE(cold.exit_code == 0);
    CHECK(contains(warm.err, "content/procedures/children/referrals.md:5:1: warning: the chapter changed in release "
                             "'procedures-2024-05'"));
    auto messages = [](const std::string& err) { return err.substr(0, err.find("herald: published")); };
    CHECK(messages(warm.err) == messages(cold.err));
    CHECK(site.read("public/procedures/changes/index.html") == site.read("out-cold/procedures/changes/index.html"));
    CHECK(site.read("public/procedures/changes/feed.xml") == site.read("out-cold/procedures/changes/feed.xml"));
    CHECK(contains(chapters, "Adds the new online referral form."));
  }
  // A chapter's draft flag is kept as written, so the same facts give another
  // answer when `now` or --drafts changes.
  SUBCASE("with --drafts, from the cache") {
    auto r = site.herald("build --drafts --out with-drafts --now 2024-07-01T12:00:00");
    REQUIRE(r.exit_code == 0);
    CHECK(site.read("with-drafts/procedures/changes/index.html") == changes);
  }
  SUBCASE("a damaged chapter cache is refused") {
    std::string chapters = site.read(".herald-cache/chapters");
    size_t at = chapters.find("Making a referral");
    REQUIRE(at != std::string::npos);
    chapters.replace(at, 6, "Taking");
    site.write(".herald-cache/chapters", chapters);
    auto r = site.herald("build --now 2024-07-01T12:00:00");
    REQUIRE(r.exit_code == 0);
    CHECK(site.read("public/procedures/changes/index.html") == changes);
    CHECK(site.read("public/procedures/changes/feed.xml") == feed);
    CHECK(site.read("public/procedures/children/referrals/index.html") == referral);
  }
}
