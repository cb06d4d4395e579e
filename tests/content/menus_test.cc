// Tests for content/menus: each menu's default, and each entry of herald.yaml checked against what is
// published.
#include <doctest/doctest.h>

#include "content/library.h"
#include "git/repository.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

namespace {

const int64_t kNow = 1'720'000'000;  // 3 July 2024

Page page(Kind kind, const std::string& slug, const std::string& title) {
  Page p;
  p.kind = kind;
  p.slug = slug;
  p.title = title;
  p.source_path = kind == Kind::page ? "content/pages/" + slug + ".md" : "content/briefings/" + slug + ".md";
  p.date = DateTime{kNow - 86400, 0, false};
  p.first_commit = kNow - 86400;
  return p;
}

/// A library of `pages`, published at kNow as they say, and the menus of
/// herald.yaml `menu` (empty: no `menu:`), assembled.
struct Site {
  Library lib;
  Diagnostics diags;

  explicit Site(std::vector<Page> pages, const std::string& menu = "", std::vector<SourceFile> files = {}) {
    Diagnostics config_diags;
    auto config = parse_config("title: T\n" + menu, "herald.yaml", config_diags);
    REQUIRE(config);
    lib.config = *config;
    lib.now = kNow;
    for (Page& p : pages) decide_publication(p, kNow, false);
    lib.pages = std::move(pages);
    files_ = std::move(files);
    assemble(lib, {&files_}, diags);
  }

  /// "title -> url" of each link of a menu.
  static std::vector<std::string> shown(const std::vector<MenuLink>& links) {
    std::vector<std::string> out;
    for (const MenuLink& l : links) out.push_back(l.title + " -> " + l.url);
    return out;
  }

 private:
  std::vector<SourceFile> files_;
};

/// The messages, one a line, so that a failing check shows them.
std::string lines(const Diagnostics& diags) {
  std::string out;
  for (const std::string& m : messages(diags)) out += m + "\n";
  return out;
}

std::string lines(const std::vector<std::string>& expected) {
  std::string out;
  for (const std::string& m : expected) out += m + "\n";
  return out;
}

}  // namespace

TEST_CASE(
    "without menu: the sections that have something, in order; the pages by title, the statement, the "
    "feeds") {
  Page draft = page(Kind::page, "draft", "A draft page");
  draft.draft = true;
  Site site({page(Kind::briefing, "neglect", "Neglect"), page(Kind::page, "privacy", "Privacy notice"),
             page(Kind::page, "about", "about us"), page(Kind::page, "zebra", "Zebra crossings"), draft});
  CHECK(messages(site.diags).empty());
  CHECK(Site::shown(site.lib.main_menu) ==
        std::vector<std::string>{"7-minute briefings -> /briefings/", "Search -> /search/"});
  // Alphabetical whatever the case of the first letter.
  CHECK(Site::shown(site.lib.footer_menu) ==
        std::vector<std::string>{"about us -> /about/", "Privacy notice -> /privacy/",
                                 "Zebra crossings -> /zebra/", "Accessibility statement -> /accessibility/",
                                 "Feeds and embeds -> /feeds/"});
}

TEST_CASE("the default main menu shows reports, after procedures, once the site publishes one") {
  Page report = page(Kind::report, "annual-report", "Annual report");
  report.source_path = "content/reports/annual-report.md";
  Page draft = page(Kind::report, "strategy", "Strategy");
  draft.source_path = "content/reports/strategy.md";
  draft.draft = true;
  Site site({page(Kind::briefing, "neglect", "Neglect"), report, page(Kind::event, "course", "Course")});
  CHECK(Site::shown(site.lib.main_menu) ==
        std::vector<std::string>{"7-minute briefings -> /briefings/", "Reports -> /reports/", "Events -> /events/",
                                 "Search -> /search/"});
  Site drafts_only({page(Kind::briefing, "neglect", "Neglect"), draft}, "menu:\n  main: [reports]\n");
  CHECK(Site::shown(drafts_only.lib.main_menu).empty());
  CHECK(messages(drafts_only.diags) ==
        std::vector<std::string>{"herald.yaml:3:10: error: 'reports' in the main menu: the site has no reports yet, "
                                 "so the menu would lead to an empty page: take it out of the menu until there is "
                                 "one"});
}

TEST_CASE("the site's own accessibility statement is listed once, under its own title") {
  Site site({page(Kind::page, "accessibility", "Accessibility"), page(Kind::page, "about", "About us")});
  CHECK(Site::shown(site.lib.footer_menu) == std::vector<std::string>{"About us -> /about/",
                                                                      "Accessibility -> /accessibility/",
                                                                      "Feeds and embeds -> /feeds/"});
}

TEST_CASE(
    "a menu given in herald.yaml: sections, pages and links, in its order; the other keeps its default") {
  Site site(
      {page(Kind::briefing, "neglect", "Neglect"), page(Kind::page, "about", "About us")},
      "menu:\n  main: [search, about, briefings, { title: Partner site, url: \"https://partner.example/\" }, "
      "{ title: Neglect, url: /briefings/neglect/#learning }, { title: Topics, url: /topics/ }]\n");
  CHECK(messages(site.diags).empty());
  CHECK(Site::shown(site.lib.main_menu) ==
        std::vector<std::string>{"Search -> /search/", "About us -> /about/",
                                 "7-minute briefings -> /briefings/",
                                 "Partner site -> https://partner.example/",
                                 "Neglect -> /briefings/neglect/#learning", "Topics -> /topics/"});
  CHECK_FALSE(site.lib.main_menu[3].site);
  CHECK(site.lib.main_menu[4].site);
  CHECK(site.lib.footer_menu.size() == 3);  // the default: about, accessibility, feeds
}

TEST_CASE("an entry naming nothing the site publishes is an error at it, with the name it probably meant") {
  Page draft = page(Kind::page, "privacy", "Privacy notice");
  draft.draft = true;
  Page scheduled = page(Kind::page, "news", "News");
  scheduled.date = DateTime{kNow + 86400 * 30, 0, false};
  Site site(
      {page(Kind::briefing, "neglect", "Neglect"), page(Kind::page, "about", "About us"), draft, scheduled},
      "menu:\n"
      "  main: [briefings, events, reports, topics, abuot, nothing-like-it]\n"
      "  footer: [privacy, news, about, about]\n");
  CHECK(
      lines(site.diags) ==
      lines({
          "herald.yaml:3:21: error: 'events' in the main menu: the site has no events yet, so the menu would "
          "lead to an empty page: take it out of the menu until there is one",
          "herald.yaml:3:29: error: 'reports' in the main menu: the site has no reports yet, so the menu "
          "would "
          "lead to an empty page: take it out of the menu until there is one",
          "herald.yaml:3:38: error: 'topics' in the main menu: the site has no topics yet, so the menu would "
          "lead "
          "to an empty page: take it out of the menu until there is one",
          "herald.yaml:3:46: error: 'abuot' in the main menu is not a section or a page of this site (did "
          "you "
          "mean 'about'?)",
          "herald.yaml:3:53: error: 'nothing-like-it' in the main menu is not a section or a page of this "
          "site: "
          "a menu names a section (newsletters, briefings, procedures, reports, meetings, events, contacts, search, "
          "topics, accessibility, feeds), a page of content/pages/ by its file name ('about' for "
          "content/pages/about.md), or a link written { title: \"…\", url: … }",
          "herald.yaml:4:12: error: 'privacy' in the footer menu is the page content/pages/privacy.md, which "
          "is a "
          "draft: publish it (remove 'draft: true'), or take it out of the menu",
          "herald.yaml:4:21: error: 'news' in the footer menu is the page content/pages/news.md, which is "
          "scheduled for 2 August 2024: take it out of the menu until then",
          "herald.yaml:4:34: warning: the footer menu has 'about' twice: it is shown once",
      }));
  CHECK(Site::shown(site.lib.main_menu) == std::vector<std::string>{"7-minute briefings -> /briefings/"});
  CHECK(Site::shown(site.lib.footer_menu) == std::vector<std::string>{"About us -> /about/"});
}

TEST_CASE("a link to a path of the site must lead to a page, a list, a feed or a file this build publishes") {
  Page draft = page(Kind::page, "privacy", "Privacy notice");
  draft.draft = true;
  std::vector<SourceFile> files;
  SourceFile pdf;
  pdf.path = "static/files/annual report.pdf";
  pdf.content = "%PDF-1.7";
  files.push_back(pdf);
  Site site({page(Kind::page, "about", "About us"), draft},
            "menu:\n  footer:\n"
            "    - { title: Report, url: /files/annual%20report.pdf }\n"
            "    - { title: About, url: /about }\n"
            "    - { title: Feed, url: /feed.xml }\n"
            "    - { title: Home, url: / }\n"
            "    - { title: Privacy, url: /privacy/ }\n"
            "    - { title: Abuot, url: /abuot/ }\n"
            "    - { title: Embed, url: /embed/briefings/ }\n",
            files);
  CHECK(lines(site.diags) ==
        lines({
            "herald.yaml:8:7: error: the link '/privacy/' in the footer menu leads to "
            "content/pages/privacy.md, "
            "which is a draft: publish it (remove 'draft: true'), or take the link out of the menu",
            "herald.yaml:9:7: error: the link '/abuot/' in the footer menu leads to nothing this site "
            "publishes "
            "(did you mean '/about/'?)",
        }));
  CHECK(Site::shown(site.lib.footer_menu) ==
        std::vector<std::string>{"Report -> /files/annual%20report.pdf", "About -> /about",
                                 "Feed -> /feed.xml", "Home -> /", "Embed -> /embed/briefings/"});
}
