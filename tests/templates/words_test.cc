// Tests for templates/words: every word in every language, every word a template names, a site's own words.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "core/diagnostic.h"
#include "core/display_language.h"
#include "git/repository.h"
#include "templates/builtin_theme.h"
#include "templates/theme.h"
#include "templates/words.h"

using namespace herald;

namespace {

WordMap builtin_words(const std::string& code) {
  for (const BuiltinFile& f : builtin_theme_files())
    if (f.path == "i18n/" + code + ".yaml") return read_words(f.content);
  FAIL("the built-in theme has no i18n/" << code << ".yaml");
  return {};
}

/// The `{key}` places of a word, which the code fills in.
std::set<std::string> places(const std::string& text) {
  std::set<std::string> out;
  static const std::regex place(R"(\{[a-z_]+\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), place); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

}  // namespace

TEST_CASE("every word of the theme is in English and in Welsh, none empty, with the same places") {
  WordMap en = builtin_words("en");
  WordMap cy = builtin_words("cy");
  CHECK(en.size() > 100);
  for (const auto& [name, text] : en) {
    CAPTURE(name);
    CHECK_FALSE(text.empty());
    REQUIRE_MESSAGE(cy.count(name), "i18n/cy.yaml has no Welsh for '" << name << "'");
    CHECK_FALSE(cy.at(name).empty());
    CHECK(places(cy.at(name)) == places(text));
  }
  for (const auto& [name, text] : cy) {
    CAPTURE(name);
    CHECK_MESSAGE(en.count(name), "i18n/cy.yaml has '" << name << "', which i18n/en.yaml has not");
  }
}

TEST_CASE("every word a template of the built-in theme names is in i18n/en.yaml") {
  WordMap en = builtin_words("en");
  static const std::regex use(R"(\{\{\{?\s*words\.([A-Za-z0-9_]+))");
  size_t uses = 0;
  for (const BuiltinFile& f : builtin_theme_files()) {
    if (f.path.substr(0, 10) != "templates/") continue;
    std::string text(f.content);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1];
      CAPTURE(f.path);
      CHECK_MESSAGE(en.count(name), "{{words." << name << "}} is not in i18n/en.yaml");
      ++uses;
    }
  }
  CHECK(uses > 100);
}

TEST_CASE("words in the display language: by name, by their English, and filled in") {
  Diagnostics diags;
  use_theme_words(Theme::builtin(), diags);
  CHECK(tr("Home") == "Home");
  CHECK(word("home") == "Home");
  CHECK(word("topic_title", {{"name", "Neglect"}}) == "Topic: Neglect");
  CHECK(translate("cy", "Accessibility statement") == "Datganiad hygyrchedd");
  CHECK(translate("en-GB", "Accessibility statement") == "Accessibility statement");
  CHECK(translate("cy", "Words herald does not have") == "Words herald does not have");
  CHECK(word_in("cy", "for_title", {{"name", "Ysgolion"}}) == "Ar gyfer Ysgolion");
  {
    DisplayLanguage welsh("cy");
    CHECK(tr("Home") == "Hafan");
    CHECK(word("page_not_found") == "Heb ddod o hyd i'r dudalen");
    CHECK(words_data().get("skip_link")->string_value() == "Neidio i'r prif gynnwys");
  }
  CHECK(words_data().get("skip_link")->string_value() == "Skip to main content");
}

TEST_CASE("a site's theme changes a word in one language, and can add words of its own") {
  std::vector<SourceFile> files = {
      {"themes/mine/i18n/cy.yaml", "home: \"Tudalen gartref\"\nmine: \"Fy ngair\"\n", "", SourceFile::Kind::file},
      {"themes/mine/i18n/en.yaml", "mine: \"My word\"\n", "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("mine", files, diags);
  use_theme_words(theme, diags);
  CHECK_FALSE(diags.has_errors());
  {
    DisplayLanguage welsh("cy");
    CHECK(tr("Home") == "Tudalen gartref");
    CHECK(tr("Search") == "Chwilio");  // the built-in Welsh, where the site gives none
    CHECK(words_data().get("mine")->string_value() == "Fy ngair");
  }
  CHECK(tr("Home") == "Home");
  CHECK(words_data().get("mine")->string_value() == "My word");
  use_theme_words(Theme::builtin(), diags);
  DisplayLanguage welsh("cy");
  CHECK(tr("Home") == "Hafan");
}

TEST_CASE("a theme's words file that is not a list of words is an error at its line") {
  std::vector<SourceFile> files = {
      {"themes/mine/i18n/cy.yaml", "home: \"Hafan\"\nsearch: [Chwilio]\n", "", SourceFile::Kind::file}};
  Diagnostics diags;
  use_theme_words(Theme::load("mine", files, diags), diags);
  REQUIRE(diags.has_errors());
  Diagnostic d = diags.sorted().front();
  CHECK(d.where.path == "themes/mine/i18n/cy.yaml");
  CHECK(d.where.line == 2);
  CHECK(d.message.find("cannot be read") != std::string::npos);
  use_theme_words(Theme::builtin(), diags);
}
