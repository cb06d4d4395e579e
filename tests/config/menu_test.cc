// Tests for config/menu: herald.yaml's `menu:` read into names and links, and every error in its shape.
#include <doctest/doctest.h>

#include "config/config.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

namespace {

/// herald.yaml with `menu` after its title: the config, or nullopt.
std::optional<Config> with_menu(const std::string& menu, Diagnostics& diags) {
  return parse_config("title: T\n" + menu, "herald.yaml", diags);
}

}  // namespace

TEST_CASE("both menus are read: names, and links with a title and a url, each where it is written") {
  Diagnostics diags;
  auto config = with_menu(
      "menu:\n"
      "  main: [newsletters, briefings, procedures, reports, meetings, events, contacts, search]\n"
      "  footer: [about, { title: \"Privacy notice\", url: /privacy/ }, accessibility, feeds]\n",
      diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  const MenuSettings& menu = config->menu;
  CHECK(menu.main.given);
  CHECK(menu.footer.given);
  REQUIRE(menu.main.entries.size() == 8);
  CHECK(menu.main.entries[0].name == "newsletters");
  CHECK(menu.main.entries[7].name == "search");
  REQUIRE(menu.footer.entries.size() == 4);
  const MenuEntry& link = menu.footer.entries[1];
  CHECK(link.name.empty());
  CHECK(link.title == "Privacy notice");
  CHECK(link.url == "/privacy/");
  CHECK(format_location(link.at) == "herald.yaml:4:19");
  CHECK(format_location(menu.footer.entries[2].at) == "herald.yaml:4:64");
}

TEST_CASE(
    "a menu written as a block list; links to other sites, email and phone; the other menu left to its "
    "default") {
  Diagnostics diags;
  auto config = with_menu(
      "menu:\n"
      "  footer:\n"
      "    - about\n"
      "    - title: Board minutes\n"
      "      url: https://partnership.example/minutes?year=2024\n"
      "    - { title: Email us, url: \"mailto:team@partnership.example\" }\n"
      "    - { title: Call us, url: \"tel:+441164960000\" }\n",
      diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  CHECK_FALSE(config->menu.main.given);
  REQUIRE(config->menu.footer.entries.size() == 4);
  CHECK(format_location(config->menu.footer.entries[1].at) == "herald.yaml:5:7");
  CHECK(config->menu.footer.entries[1].url == "https://partnership.example/minutes?year=2024");
  CHECK(config->menu.footer.entries[2].url == "mailto:team@partnership.example");
}

TEST_CASE("an empty list is a menu with nothing in it; no menu at all is both defaults") {
  Diagnostics diags;
  auto config = with_menu("menu:\n  main: []\n", diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  CHECK(config->menu.main.given);
  CHECK(config->menu.main.entries.empty());
  auto plain = parse_config("title: T\n", "herald.yaml", diags);
  REQUIRE(plain);
  CHECK_FALSE(plain->menu.main.given);
  CHECK_FALSE(plain->menu.footer.given);
}

TEST_CASE(
    "the menu's shape: each mistake an error at its line, or a warning for a setting herald does not know") {
  auto check = [](const std::string& menu, const std::vector<std::string>& expected, bool usable = false) {
    Diagnostics diags;
    auto config = with_menu(menu, diags);
    CHECK(config.has_value() == usable);
    CHECK(messages(diags) == expected);
  };
  check(
      "menu: [newsletters]\n",
      {"herald.yaml:2:7: error: 'menu' must be a map of the two menus, 'main:' (the header's) and 'footer:', "
       "each a list"});
  check("menu:\n  main: newsletters\n", {"herald.yaml:3:9: error: 'menu.main' must be a list of entries, "
                                         "such as [newsletters, briefings, about]"});
  check("menu:\n  footer:\n", {"herald.yaml:3:3: error: 'menu.footer' must be a list of entries, such as "
                               "[newsletters, briefings, about]"});
  check(
      "menu:\n  mian: [newsletters]\n",
      {"herald.yaml:3:3: warning: unknown setting 'mian' in 'menu': the menus are 'main' (the header's) and "
       "'footer' (did you mean 'main'?)"},
      true);
  check("menu:\n  main: [Privacy Notice]\n",
        {"herald.yaml:3:10: error: 'Privacy Notice' in the main menu must be the name of a section or a "
         "page, such "
         "as 'newsletters' or 'about', or a link written { title: \"Privacy notice\", url: /privacy/ }"});
  check(
      "menu:\n  footer: [/privacy/]\n",
      {"herald.yaml:3:12: error: '/privacy/' in the footer menu needs a title: write it { title: \"…\", url: "
       "/privacy/ }"});
  check("menu:\n  footer: [[about]]\n",
        {"herald.yaml:3:12: error: an entry of the footer menu must be the name of a section or a page, such "
         "as "
         "'newsletters' or 'about', or a link written { title: \"Privacy notice\", url: /privacy/ }"});
  check(
      "menu:\n  footer: [{ title: Privacy }]\n",
      {"herald.yaml:3:12: error: a link in the footer menu needs both a title and a url: { title: \"Privacy "
       "notice\", url: /privacy/ }"});
  check("menu:\n  footer: [{ title: \"\", url: /privacy/ }]\n",
        {"herald.yaml:3:21: error: a menu link's title is the text of the link: it cannot be empty"});
  check("menu:\n  footer: [{ title: Privacy, url: [/privacy/] }]\n",
        {"herald.yaml:3:35: error: a menu link's 'url' must be text"});
  check("menu:\n  footer: [{ title: Privacy, url: /privacy/, target: _blank }]\n",
        {"herald.yaml:3:46: warning: unknown setting 'target' in a menu link, which has a title and a url"},
        true);
  check(
      "menu:\n  footer: [{ titel: Privacy, url: /privacy/ }]\n",
      {"herald.yaml:3:12: error: a link in the footer menu needs both a title and a url: { title: \"Privacy "
       "notice\", url: /privacy/ }",
       "herald.yaml:3:14: warning: unknown setting 'titel' in a menu link, which has a title and a url (did "
       "you "
       "mean 'title'?)"});
}

TEST_CASE(
    "a menu link's url: another site, or a path of this one from its top; never script or a relative path") {
  auto error_for = [](const std::string& url) {
    Diagnostics diags;
    auto config = with_menu("menu:\n  footer:\n    - { title: Link, url: \"" + url + "\" }\n", diags);
    CHECK_FALSE(config);
    auto all = messages(diags);
    return all.size() == 1 ? all[0] : std::string("(" + std::to_string(all.size()) + " messages)");
  };
  CHECK(error_for("javascript:alert(1)") ==
        "herald.yaml:4:27: error: the menu link 'javascript:alert(1)' is not allowed: a link must start with "
        "https://, http://, mailto: or tel:, or be a path on this site such as /contacts/");
  CHECK(error_for("privacy/") ==
        "herald.yaml:4:27: error: the menu link 'privacy/' must be a path of the site from its top, starting "
        "with "
        "'/' (such as /privacy/), or a whole address starting with https://: the menu is on every page, so a "
        "path "
        "relative to the page would lead somewhere different from each");
  CHECK(error_for("#top").find("must be a path of the site from its top") != std::string::npos);
  CHECK(error_for("//partnership.example/x") ==
        "herald.yaml:4:27: error: the menu link '//partnership.example/x' must be a whole address starting "
        "with "
        "https:// or http://");
  CHECK(error_for("") ==
        "herald.yaml:4:27: error: a menu link needs a url: { title: \"Privacy notice\", url: /privacy/ }");
}
