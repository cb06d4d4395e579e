// Tests for ViewModel::page_key: equal keys give equal template data, through
// every change a page shows that is not in its own source.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <tuple>

#include "cache/parse_cache.h"
#include "commands/pipeline.h"
#include "content/languages.h"
#include "output/site_renderer.h"
#include "support/site_builder.h"
#include "templates/data_hash.h"
#include "templates/view_model.h"

using namespace herald;
using herald::test::TempSite;

namespace {

struct Keyed {
  Hash128 key, data;
  std::string page;  ///< every member, as the parse cache stores it (none for a term)
};

/// Every published content page's key and the hash of its data, by URL.
/// `language` picks the library: 0 the default language's, 1 the next (a
/// bilingual site's Welsh).
std::map<std::string, Keyed> keyed_pages(const TempSite& site, const std::string& now, bool drafts = false,
                                         size_t language = 0) {
  BuildOptions options;
  options.repo = site.dir();
  options.now = now;
  options.drafts = drafts;
  options.write = false;
  Diagnostics diags;
  BuildResult result = run_pipeline(options, diags);
  INFO(diags.format_all());
  REQUIRE(result.library);
  std::vector<const Library*> languages = language_libraries(static_cast<const Library&>(*result.library));
  REQUIRE(language < languages.size());
  const Library& lib = *languages[language];
  ViewModel vm(lib);
  std::map<std::string, Keyed> out;
  for (const Page& p : lib.pages) {
    if (!p.published || p.kind == Kind::home || p.kind == Kind::section || p.kind == Kind::manual) continue;
    auto data = hash_template_data(template_for(p.kind), vm.page(p));
    REQUIRE(data);
    out[p.url] = {vm.page_key(p, template_for(p.kind)), *data, encode_page(p)};
  }
  for (const auto& [terms, kind, folder] : {std::tuple{&lib.topics, "topic", "/topics/"},
                                            std::tuple{&lib.audiences, "audience", "/audience/"},
                                            std::tuple{&lib.review_types, "review-type", "/briefings/review-type/"}})
    for (const Term& t : *terms) {
      auto data = hash_template_data("term", vm.term(t, kind));
      REQUIRE(data);
      out[folder + t.key + "/"] = {vm.term_key(t, kind), *data, ""};
    }
  auto list = [&](const std::string& url, const char* tmpl, const Hash128& key, const TemplateData& data) {
    auto hashed = hash_template_data(tmpl, data);
    REQUIRE(hashed);
    out[url] = {key, *hashed, ""};
  };
  list("/briefings/", "briefings", vm.briefings_key(), vm.briefings());
  list("/newsletters/", "newsletters", vm.newsletters_key(), vm.newsletters());
  list("/procedures/", "procedures", vm.procedures_key(), vm.procedures());
  list("/procedures/changes/", "changes", vm.changes_key(), vm.changes());
  for (const Manual& m : lib.manuals) {
    auto manual = hash_template_data("manual", vm.manual(m));
    REQUIRE(manual);
    out[m.index->url] = {vm.manual_key(m), *manual, ""};
  }
  return out;
}

/// Checks that a page whose key stayed has the same data, and returns the
/// pages whose key changed (every page of `after` that is new counts too).
std::set<std::string> changed_keys(const std::map<std::string, Keyed>& before,
                                   const std::map<std::string, Keyed>& after) {
  std::set<std::string> changed;
  for (const auto& [url, k] : after) {
    auto old = before.find(url);
    if (old == before.end() || old->second.key != k.key) {
      changed.insert(url);
      continue;
    }
    CAPTURE(url);
    CHECK(old->second.data == k.data);  // the same key, the same data
    CHECK(old->second.page == k.page);  // and the same page, every member
  }
  return changed;
}

/// Pages whose data changed: each must be among the changed keys.
std::set<std::string> changed_data(const std::map<std::string, Keyed>& before,
                                   const std::map<std::string, Keyed>& after) {
  std::set<std::string> changed;
  for (const auto& [url, k] : after)
    if (auto old = before.find(url); old == before.end() || old->second.data != k.data) changed.insert(url);
  return changed;
}

void write_chapter(TempSite& site, const std::string& slug, const std::string& title, int order,
                   const std::string& extra = "") {
  site.write("content/procedures/children/" + slug + ".md",
             "---\ntitle: " + title + "\norder: " + std::to_string(order) +
                 "\nowner: Testshire Partnership\namendment: First version of " + slug + ".\n" + extra +
                 "---\n\n## What to do\n\nText of " + slug + ".\n");
}

const char* kNow = "2024-07-01T12:00:00";

/// Gives the page at `path` (its title on the front matter's first line) a
/// new title, in a commit of its own.
void retitle(TempSite& site, const std::string& path, const std::string& title) {
  std::string source = site.read(path);
  site.write(path, "---\ntitle: " + title + source.substr(source.find('\n', 4)));
  site.commit("retitle " + path, "2024-01-11T10:00:00+00:00");
}

/// Amends the site's one commit with what is in the working tree, keeping
/// its time: the files' commit dates stay as they were.
void amend_at_same_time(TempSite& site) {
  site.git("add -A");
  REQUIRE(herald::test::run_command("cd '" + site.dir() +
                                    "' && GIT_COMMITTER_DATE=2024-01-10T10:00:00+00:00 git -c core.hooksPath=/dev/null "
                                    "commit -q --amend --no-edit --date 2024-01-10T10:00:00+00:00")
              .exit_code == 0);
}

}  // namespace

TEST_CASE("a page's key changes with everything its data shows besides its source, and only then") {
  TempSite site;
  site.write_minimal_site();
  write_chapter(site, "assessment", "Assessment", 2, "review_due: 2024-09-30\n");
  write_chapter(site, "strategy", "Strategy discussions", 3, "topics: [early help]\n");
  site.commit("the site", "2024-01-10T10:00:00+00:00");
  auto base = keyed_pages(site, kNow);
  REQUIRE(base.count("/topics/early-help/"));
  REQUIRE(base.count("/topics/neglect/"));
  REQUIRE(base.count("/briefings/review-type/lcspr/"));
  REQUIRE(base.count("/procedures/children/assessment/"));
  REQUIRE(base.count("/procedures/children/"));
  const std::string first = "/procedures/children/referrals/", middle = "/procedures/children/assessment/",
                    last = "/procedures/children/strategy/", about = "/about/", event = "/events/conference/",
                    manual = "/procedures/children/";

  SUBCASE("the same site again: every key and all data the same") {
    CHECK(changed_keys(base, keyed_pages(site, kNow)).empty());
  }
  SUBCASE("a page changed and changed back: the same bytes, committed later") {
    std::string source = site.read("content/pages/about.md");
    site.write("content/pages/about.md", source + "\nFor now.\n");
    site.commit("about: for now", "2024-03-01T10:00:00+00:00");
    site.write("content/pages/about.md", source);
    site.commit("about: as it was", "2024-04-01T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(about));  // "last updated"
    auto keys = changed_keys(base, after);
    CHECK(keys.count(about));
    CHECK_FALSE(keys.count(event));
  }
  SUBCASE("a page's new text, in a commit of the same time: only its bytes differ") {
    site.write("content/pages/about.md", site.read("content/pages/about.md") + "\nAnd more.\n");
    amend_at_same_time(site);
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(about));
    auto keys = changed_keys(base, after);
    CHECK(keys.count(about));
    CHECK_FALSE(keys.count(event));
  }
  SUBCASE("a chapter's new title: its neighbours show it") {
    write_chapter(site, "assessment", "Assessment of need", 2, "review_due: 2024-09-30\n");
    site.commit("retitle", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    auto keys = changed_keys(base, after);
    CHECK(keys.count(first));
    CHECK(keys.count(last));
    CHECK(changed_data(base, after).count(manual));  // and the manual's list
    CHECK(keys.count(manual));
    // and the changes of the procedures, which name it in this month's release
    CHECK(changed_data(base, after).count("/procedures/changes/"));
    CHECK(changed_data(base, after).count("/procedures/"));  // the newest release
    CHECK_FALSE(keys.count(about));
    for (const auto& url : changed_data(base, after)) CHECK(keys.count(url));
  }
  SUBCASE("a chapter's new title, in a commit of the same time: the manual's list shows it") {
    write_chapter(site, "strategy", "Strategy meetings", 3, "topics: [early help]\n");
    amend_at_same_time(site);
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(manual));
    CHECK(changed_keys(base, after).count(manual));
  }
  SUBCASE("a briefing's new title: the pages of its terms show it, other terms' pages do not") {
    retitle(site, "content/briefings/neglect.md", "Neglect, young carers and school");
    auto after = keyed_pages(site, kNow);
    auto keys = changed_keys(base, after);
    for (const char* url :
         {"/topics/neglect/", "/audience/practitioners/", "/briefings/review-type/lcspr/", "/briefings/"}) {
      CAPTURE(url);
      CHECK(changed_data(base, after).count(url));
      CHECK(keys.count(url));
    }
    CHECK_FALSE(keys.count("/topics/early-help/"));
    CHECK_FALSE(keys.count("/newsletters/"));
  }
  SUBCASE("a newsletter's new title: the newsletters list shows it, the briefings list does not") {
    retitle(site, "content/newsletters/spring-2024.md", "Spring news");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count("/newsletters/"));
    auto keys = changed_keys(base, after);
    CHECK(keys.count("/newsletters/"));
    CHECK_FALSE(keys.count("/briefings/"));
  }
  SUBCASE("a briefing's new topic: the briefings list counts it, though no card shows it") {
    std::string briefing = site.read("content/briefings/neglect.md");
    size_t at = briefing.find("topics:");
    REQUIRE(at != std::string::npos);
    site.write("content/briefings/neglect.md", briefing.substr(0, at) + "topics: [neglect, early help]\n" +
                                                   briefing.substr(briefing.find('\n', at) + 1));
    site.commit("briefing topic", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count("/briefings/"));
    CHECK(changed_keys(base, after).count("/briefings/"));
  }
  SUBCASE("the manual's new title: every chapter shows it") {
    site.write("content/procedures/children/_index.md",
               "---\ntitle: Procedures for children\norder: 1\n---\n\nThe manual.\n");
    site.commit("manual title", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    auto keys = changed_keys(base, after);
    CHECK(changed_data(base, after).count(first));
    for (const std::string& url : {first, middle, last}) CHECK(keys.count(url));
    CHECK_FALSE(keys.count(about));
  }
  SUBCASE("an urgent contact's new number: every page shows it") {
    site.write("data/contacts.yaml",
               "- id: front-door\n  name: Children's Front Door\n  organisation: Testshire Council\n"
               "  audience: [children]\n  urgent: true\n  phones:\n    - number: \"0116 496 0999\"\n"
               "      label: Office hours\n");
    site.commit("new number", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_keys(base, after).size() == after.size());
    CHECK(changed_data(base, after).count(about));
  }
  SUBCASE("a new page: the default footer lists it on every page") {
    site.write("content/pages/privacy.md", "---\ntitle: Privacy notice\n---\n\nHow we use your information.\n");
    site.commit("privacy", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    auto data = changed_data(base, after);
    for (const std::string& url : {about, event, middle, manual, std::string("/briefings/"), std::string("/topics/neglect/")}) {
      CAPTURE(url);
      CHECK(data.count(url));
    }
    CHECK(changed_keys(base, after).size() == after.size());
  }
  SUBCASE("a page's new title, in a commit of the same time: every footer shows it") {
    site.write("content/pages/about.md", "---\ntitle: About the partnership\n---\n\nWho we are.\n");
    amend_at_same_time(site);
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(event));
    CHECK(changed_keys(base, after).size() == after.size());
  }
  SUBCASE("a section's last page withdrawn: the default main menu no longer lists it") {
    std::string source = site.read("content/newsletters/spring-2024.md");
    site.write("content/newsletters/spring-2024.md", "---\ndraft: true\n" + source.substr(4));
    site.commit("withdraw the newsletter", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(about));
    CHECK(changed_keys(base, after).size() == after.size());
  }
  SUBCASE("herald.yaml's menu: every page") {
    site.write("herald.yaml", site.read("herald.yaml") + "menu:\n  main: [briefings, procedures]\n");
    site.commit("menu", "2024-01-11T10:00:00+00:00");
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(about));
    CHECK(changed_keys(base, after).size() == after.size());
  }
  SUBCASE("time passing: a session over, a review overdue") {
    auto before = keyed_pages(site, "2024-06-01T12:00:00");  // the conference is on 12 June
    auto after = keyed_pages(site, "2024-10-15T12:00:00");      // the review was due on 30 September
    auto keys = changed_keys(before, after);
    CHECK(changed_data(before, after).count(event));
    CHECK(changed_data(before, after).count(middle));
    CHECK(keys.count(event));
    CHECK(keys.count(middle));
    CHECK(changed_data(before, after).count(manual));  // the overdue review is flagged in the list
    CHECK(keys.count(manual));
    CHECK_FALSE(keys.count(about));
  }
  SUBCASE("a release tag: every chapter's history changes, no source does") {
    site.tag("procedures-2024-01");
    auto after = keyed_pages(site, kNow);
    auto keys = changed_keys(base, after);
    CHECK(changed_data(base, after).count("/procedures/changes/"));  // a release named by its tag
    CHECK(keys.count("/procedures/changes/"));
    CHECK(keys.count("/procedures/"));
    CHECK(changed_data(base, after).count(middle));
    for (const std::string& url : {first, middle, last}) CHECK(keys.count(url));
    CHECK_FALSE(keys.count(about));
  }
  SUBCASE("a draft between two chapters, published with --drafts") {
    write_chapter(site, "between", "Between", 2, "draft: true\n");
    site.commit("a draft", "2024-01-11T10:00:00+00:00");
    auto without = keyed_pages(site, kNow);
    CHECK_FALSE(changed_keys(base, without).count(about));  // the draft itself is not published
    auto with = keyed_pages(site, kNow, true);
    auto keys = changed_keys(without, with);
    CHECK(changed_data(without, with).count(middle));  // ordered Assessment, Between, Strategy
    CHECK(keys.count(middle));
    CHECK(keys.count(last));
    CHECK_FALSE(keys.count(first));
    CHECK_FALSE(keys.count(about));
  }
}

TEST_CASE("a page's key changes when its translation appears, moves or goes, and only its own") {
  TempSite site;
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, "languages: [en-GB, cy]\n");
  site.write("herald.yaml", config);
  site.write("content/pages/privacy.cy.md", "---\ntitle: Preifatrwydd\nslug: preifatrwydd\n---\n\nEich data.\n");
  site.commit("the site", "2024-01-10T10:00:00+00:00");
  const std::string about = "/about/", event = "/events/conference/", preifatrwydd = "/preifatrwydd/";
  auto base = keyed_pages(site, kNow);
  auto base_cy = keyed_pages(site, kNow, false, 1);
  REQUIRE(base.count(about));
  REQUIRE(base.count(event));
  REQUIRE(base_cy.count(preifatrwydd));
  const std::string amdanom = "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPwy ydym ni.\n";

  SUBCASE("a Welsh translation appears: the English page links to it") {
    site.write("content/pages/about.cy.md", amdanom);
    amend_at_same_time(site);  // the English page's own source and dates unchanged
    auto after = keyed_pages(site, kNow);
    CHECK(changed_data(base, after).count(about));
    auto keys = changed_keys(base, after);
    CHECK(keys.count(about));
    CHECK_FALSE(keys.count(event));
    for (const auto& url : changed_data(base, after)) CHECK(keys.count(url));

    SUBCASE("and moves to another slug") {
      site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: pwy-ydym-ni\n---\n\nPwy ydym ni.\n");
      amend_at_same_time(site);
      auto moved = keyed_pages(site, kNow);
      CHECK(changed_data(after, moved).count(about));
      CHECK(changed_keys(after, moved).count(about));
      CHECK_FALSE(changed_keys(after, moved).count(event));
    }
    SUBCASE("and goes again: the English page as it was") {
      site.remove("content/pages/about.cy.md");
      amend_at_same_time(site);
      auto gone = keyed_pages(site, kNow);
      CHECK(changed_data(after, gone).count(about));
      CHECK(changed_keys(after, gone).count(about));
      CHECK(gone.at(about).key == base.at(about).key);
      CHECK(gone.at(about).data == base.at(about).data);
    }
    SUBCASE("and becomes a draft: no translation to link to") {
      site.write("content/pages/about.cy.md", "---\ndraft: true\n" + amdanom.substr(4));
      amend_at_same_time(site);
      auto withdrawn = keyed_pages(site, kNow);
      CHECK(changed_keys(after, withdrawn).count(about));
      CHECK(withdrawn.at(about).data == base.at(about).data);
    }
  }
  SUBCASE("an English page appears: the Welsh page it translates links to it") {
    site.write("content/pages/privacy.md", "---\ntitle: Privacy\n---\n\nYour data.\n");
    amend_at_same_time(site);
    auto after_cy = keyed_pages(site, kNow, false, 1);
    CHECK(changed_data(base_cy, after_cy).count(preifatrwydd));
    CHECK(changed_keys(base_cy, after_cy).count(preifatrwydd));
  }
  SUBCASE("a Welsh briefing with a topic the Welsh site lacked: the English topic's page leads to it") {
    site.write("content/briefings/neglect.cy.md",
               "---\ntitle: Esgeulustod\nslug: esgeulustod\n" + site.read("content/briefings/neglect.md").substr(
                   site.read("content/briefings/neglect.md").find('\n', 4) + 1));
    amend_at_same_time(site);
    auto after = keyed_pages(site, kNow);
    REQUIRE(after.count("/topics/neglect/"));
    CHECK(changed_data(base, after).count("/topics/neglect/"));  // the language link: /cy/topics/neglect/
    CHECK(changed_keys(base, after).count("/topics/neglect/"));
  }
}
