// Integration: the header's and the footer's menus on every built page, their defaults, and the build cache.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::read_tree;
using herald::test::TempSite;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";
const char* kMainNav = "<nav class=\"herald-nav\" aria-label=\"Main\">";
const char* kFooterNav = "<nav aria-label=\"Footer\">";

/// The links of the menu that starts with `opening` in `html`: one
/// "href|title|aria-current" a link, or nothing when there is no such menu.
std::vector<std::string> menu_links(const std::string& html, const std::string& opening) {
  std::vector<std::string> links;
  size_t start = html.find(opening);
  if (start == std::string::npos) return links;
  size_t end = html.find("</nav>", start);
  std::string nav = html.substr(start, end - start);
  for (size_t a = nav.find("<a "); a != std::string::npos; a = nav.find("<a ", a + 1)) {
    size_t close = nav.find('>', a), text_end = nav.find("</a>", close);
    std::string tag = nav.substr(a, close - a);
    auto attribute = [&](const std::string& name) {
      size_t at = tag.find(" " + name + "=\"");
      if (at == std::string::npos) return std::string();
      at += name.size() + 3;
      return tag.substr(at, tag.find('"', at) - at);
    };
    links.push_back(attribute("href") + "|" + nav.substr(close + 1, text_end - close - 1) + "|" +
                    attribute("aria-current"));
  }
  return links;
}

using Links = std::vector<std::string>;

}  // namespace

namespace doctest {
template <>
struct StringMaker<Links> {
  static String convert(const Links& links) {
    std::string out = "{";
    for (const std::string& l : links) out += "\n  " + l;
    return (out + " }").c_str();
  }
};
}  // namespace doctest

namespace {

void build(TempSite& site, const std::string& extra = "") {
  auto r = site.herald("build" + extra + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
}

}  // namespace

TEST_CASE("without menu: the sections that have content and the pages, with the current page marked") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/privacy.md", "---\ntitle: Privacy notice\n---\n\nHow we use your information.\n");
  site.commit("the site");
  build(site);

  std::string briefing = site.read("public/briefings/neglect/index.html");
  CHECK(menu_links(briefing, kMainNav) == Links{"../../newsletters/|Newsletters|",
                                                "../../briefings/|7-minute briefings|true",
                                                "../../procedures/|Procedures|", "../../events/|Events|",
                                                "../../contacts/|Contacts|", "../../search/|Search|"});
  CHECK(menu_links(briefing, kFooterNav) == Links{"../../about/|About us|", "../../privacy/|Privacy notice|",
                                                  "../../accessibility/|Accessibility statement|",
                                                  "../../feeds/|Feeds and embeds|"});
  // The list page itself is the current page; the home page's links start from the top.
  CHECK(menu_links(site.read("public/briefings/index.html"), kMainNav)[1] ==
        "../briefings/|7-minute briefings|page");
  CHECK(menu_links(site.read("public/index.html"), kMainNav)[0] == "newsletters/|Newsletters|");
  CHECK(menu_links(site.read("public/privacy/index.html"), kFooterNav)[1] ==
        "../privacy/|Privacy notice|page");
  // 404.html is shown at any address: its links start from the site's path.
  CHECK(menu_links(site.read("public/404.html"), kFooterNav)[0] == "/about/|About us|");
}

TEST_CASE("a menu set in herald.yaml is on every page, in its order; an empty menu is left out") {
  TempSite site;
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") +
                                "menu:\n"
                                "  main: [events, procedures, about, { title: Partner's site, url: "
                                "\"https://partner.example/a b?x=1&y=2\" }, { title: Referrals, url: "
                                "/procedures/children/referrals/#when-to-refer }]\n"
                                "  footer: []\n");
  site.commit("the site");
  build(site);
  std::string chapter = site.read("public/procedures/children/referrals/index.html");
  CHECK(menu_links(chapter, kMainNav) ==
        Links{"../../../events/|Events|", "../../../procedures/|Procedures|true", "../../../about/|About us|",
              "https://partner.example/a%20b?x=1&amp;y=2|Partner&apos;s site|",
              "../../../procedures/children/referrals/#when-to-refer|Referrals|page"});
  CHECK_FALSE(contains(chapter, kFooterNav));
  CHECK(contains(chapter, "<footer"));
}

TEST_CASE(
    "a warm rebuild after a change only to menu:, or to what the default menu lists, changes every page") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  build(site);
  auto check_every_page = [&](const std::string& needle) {
    for (const auto& [path, html] : read_tree(site.dir() + "/public")) {
      if (!path.ends_with(".html") || path.starts_with("embed/")) continue;  // embeds have no menus
      CAPTURE(path);
      CHECK(contains(html, needle));
    }
  };
  SUBCASE("menu:") {
    site.write("herald.yaml", site.read("herald.yaml") +
                                  "menu:\n  main: [contacts, { title: Training, url: /events/ }, search]\n");
    site.commit("the menu");
    build(site);
    check_every_page(">Training</a>");
  }
  SUBCASE("a new page, and so a new link in the default footer") {
    site.write("content/pages/privacy.md",
               "---\ntitle: Privacy notice\n---\n\nHow we use your information.\n");
    site.commit("privacy");
    build(site);
    check_every_page(">Privacy notice</a>");
  }
  // And the same as a build from nothing.
  std::string cache = site.dir() + "/.herald-cache", aside = site.dir() + "/cache-aside";
  REQUIRE(std::rename(cache.c_str(), aside.c_str()) == 0);
  build(site, " --out out-cold");
  CHECK(read_tree(site.dir() + "/public") == read_tree(site.dir() + "/out-cold"));
}

TEST_CASE("one link of a menu is the current page: the first to it without a #part, else the first to it") {
  TempSite site;
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") +
                                "menu:\n"
                                "  main: [{ title: Who we are, url: /about/#who }, { title: About, url: /about },\n"
                                "         about, { title: Our work, url: /about/#work }]\n"
                                "  footer: [{ title: Who we are, url: /about/#who }, { title: Our work, url: "
                                "/about/#work }]\n");
  site.commit("the site");
  build(site);
  std::string about = site.read("public/about/index.html");
  CHECK(menu_links(about, kMainNav) == Links{"../about/#who|Who we are|", "../about|About|page",
                                             "../about/|About us|", "../about/#work|Our work|"});
  CHECK(menu_links(about, kFooterNav) == Links{"../about/#who|Who we are|page", "../about/#work|Our work|"});
}
