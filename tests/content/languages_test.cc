// Tests for content/languages: the pages split by language, paired with their translations, and where each
// page is in the other languages.
#include "content/languages.h"

#include <doctest/doctest.h>

#include "content/source_path.h"
#include "core/text.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

namespace {

const int64_t kNow = 1'720'000'000;  // 3 July 2024

Page page(const std::string& source_path, const std::string& title, int64_t changed = kNow - 86400) {
  Page p;
  p.kind = starts_with(source_path, "content/briefings/") ? Kind::briefing : Kind::page;
  p.source_path = source_path;
  std::string name = source_path.substr(source_path.rfind('/') + 1);
  p.slug = name.substr(0, name.find('.'));
  p.title = title;
  p.date = DateTime{kNow - 86400, 0, false};
  p.first_commit = kNow - 86400;
  p.last_commit = changed;
  return p;
}

Page with_slug(Page p, const std::string& slug) {
  p.slug = slug;
  return p;
}

Page with_topics(Page p, std::vector<std::string> topics) {
  p.topics = std::move(topics);
  return p;
}

/// A site of `pages` in the languages of `languages` (herald.yaml's line),
/// split, assembled and paired as a build does.
struct Site {
  Library lib;
  Diagnostics diags;

  explicit Site(std::vector<Page> pages, const std::string& languages = "languages: [en-GB, cy]\n",
                bool list_untranslated = true, std::vector<SourceFile> files = {}) {
    Diagnostics config_diags;
    auto config = parse_config("title: T\nbase_url: https://example.example/\n" + languages, "herald.yaml",
                               config_diags);
    INFO(messages(config_diags).size());
    REQUIRE(config);
    lib.config = *config;
    lib.now = kNow;
    for (Page& p : pages) decide_publication(p, kNow, false);
    lib.pages = std::move(pages);
    files_ = std::move(files);
    split_by_language(lib, diags);
    for (Library* l : language_libraries(lib)) assemble(*l, {&files_}, diags);
    link_translations(lib, list_untranslated, diags);
  }

  Library& welsh() {
    REQUIRE(lib.other_languages.size() == 1);
    return *lib.other_languages.front();
  }

  const Page* find(const Library& l, const std::string& url) { return l.find_page(url); }

 private:
  std::vector<SourceFile> files_;
};

/// "tag url" of each translation.
std::vector<std::string> shown(const std::vector<Translation>& ts) {
  std::vector<std::string> out;
  for (const Translation& t : ts) out.push_back(t.tag + " " + t.url);
  return out;
}

using Lines = std::vector<std::string>;

/// Lines joined, so that a failing comparison shows them.
std::string joined(const Lines& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("untranslated_path and file_language: the language is the name's last part before .md") {
  CHECK(untranslated_path("content/pages/about.cy.md") == "content/pages/about.md");
  CHECK(untranslated_path("content/pages/about.md") == "content/pages/about.md");
  CHECK(untranslated_path("content/_index.cy.md") == "content/_index.md");
  CHECK(untranslated_path("content/briefings/neglect/index.cy.md") == "content/briefings/neglect/index.md");
  CHECK(untranslated_path("content/procedures/children/_index.cy.md") ==
        "content/procedures/children/_index.md");
  CHECK(file_language("content/pages/about.cy.md") == "cy");
  CHECK(file_language("content/pages/about.md").empty());
  CHECK(file_language("content/pages/about.en.md") == "en");
  // A dot in the name that is not a language: only two or three small letters are a language's code.
  CHECK(file_language("content/pages/v2.0.md").empty());
  CHECK(file_language("content/pages/notes.draft.md").empty());
  CHECK(file_language("content/pages/about.CY.md").empty());
  CHECK(file_language("content/pages.cy/about.md").empty());
  CHECK(untranslated_path("content/pages/v2.0.md") == "content/pages/v2.0.md");
}

TEST_CASE("language_name: each language in its own words") {
  CHECK(language_name("cy") == "Cymraeg");
  CHECK(language_name("cy-GB") == "Cymraeg");
  CHECK(language_name("en-GB") == "English");
  CHECK(language_name("EN") == "English");
  CHECK(language_name("fr") == "fr");
}

TEST_CASE("split_by_language: each language's pages in a library of its own, with its folder") {
  Site site({page("content/pages/about.md", "About us"),
             with_slug(page("content/pages/about.cy.md", "Amdanom ni"), "amdanom")});
  CHECK(joined(messages(site.diags)) == "");
  REQUIRE(site.lib.pages.size() == 1);
  CHECK(site.lib.pages.front().language.empty());
  Library& cy = site.welsh();
  REQUIRE(cy.pages.size() == 1);
  CHECK(cy.pages.front().language == "cy");
  CHECK(cy.config.language == "cy");
  CHECK(cy.config.language_folder == "cy/");
  CHECK(cy.config.base_url == "https://example.example/cy/");
  CHECK(cy.default_language == &site.lib);
  CHECK(language_libraries(site.lib).size() == 2);
  CHECK(language_libraries(static_cast<const Library&>(cy)).front() == &site.lib);
}

TEST_CASE("split_by_language: a page in a language the site does not publish is an error, and left out") {
  SUBCASE("no languages at all") {
    Site site({page("content/pages/about.md", "About us"), page("content/pages/about.cy.md", "Amdanom ni")},
              "language: en-GB\n");
    CHECK(
        joined(messages(site.diags)) ==
        joined(Lines{
            "content/pages/about.cy.md:1:1: error: the file's name says it is in language 'cy' (it ends in "
            ".cy.md), but herald.yaml has no 'languages': add languages: [en-GB, cy], or rename the file"}));
    CHECK(site.lib.pages.size() == 1);
    CHECK(site.lib.other_languages.empty());
  }
  SUBCASE("another language") {
    Site site({page("content/pages/about.md", "About us"), page("content/pages/about.fr.md", "À propos")});
    CHECK(joined(messages(site.diags)) ==
          joined(Lines{
              "content/pages/about.fr.md:1:1: error: the file's name says it is in language 'fr' (it ends in "
              ".fr.md), which is not one of herald.yaml's 'languages'",
              "content/pages/about.md:1:1: warning: this page has no translation in Cymraeg (cy): add "
              "content/pages/about.cy.md so that readers of that language find it too"}));
    CHECK(site.welsh().pages.empty());
  }
}

TEST_CASE("link_translations: pages of the same file name are paired, whatever their slugs") {
  Site site({page("content/pages/about.md", "About us"),
             with_slug(page("content/pages/about.cy.md", "Amdanom ni"), "amdanom"),
             page("content/pages/privacy.md", "Privacy"),
             with_slug(page("content/pages/contact.cy.md", "Cysylltu"), "cysylltu")});
  const Page* about = site.find(site.lib, "/about/");
  const Page* amdanom = site.find(site.welsh(), "/amdanom/");
  const Page* privacy = site.find(site.lib, "/privacy/");
  const Page* cysylltu = site.find(site.welsh(), "/cysylltu/");
  REQUIRE(about);
  REQUIRE(amdanom);
  REQUIRE(privacy);
  REQUIRE(cysylltu);
  CHECK(shown(about->translations) == Lines{"cy /cy/amdanom/"});
  CHECK(shown(amdanom->translations) == Lines{"en-GB /about/"});
  CHECK(privacy->translations.empty());
  CHECK(cysylltu->translations.empty());
  // Each page in one language only is named, with the file that would translate it.
  CHECK(joined(messages(site.diags)) ==
        joined(Lines{
            "content/pages/contact.cy.md:1:1: warning: this page has no translation in English (en-GB): add "
            "content/pages/contact.md so that readers of that language find it too",
            "content/pages/privacy.md:1:1: warning: this page has no translation in Cymraeg (cy): add "
            "content/pages/privacy.cy.md so that readers of that language find it too"}));
}

TEST_CASE("link_translations: a build counts the untranslated pages in one note") {
  Site site({page("content/pages/about.md", "About us"), page("content/pages/privacy.md", "Privacy"),
             page("content/pages/terms.md", "Terms")},
            "languages: [en-GB, cy]\n", /*list_untranslated=*/false);
  CHECK(joined(messages(site.diags)) == joined(Lines{"herald.yaml:1:1: note: 3 pages are not yet in every "
                                                     "language of the site: 'herald check' lists them"}));
}

TEST_CASE("link_translations: a draft translation is no translation") {
  Page draft = page("content/pages/about.cy.md", "Amdanom ni");
  draft.draft = true;
  Site site({page("content/pages/about.md", "About us"), draft}, "languages: [en-GB, cy]\n", false);
  REQUIRE(site.find(site.lib, "/about/"));
  CHECK(site.find(site.lib, "/about/")->translations.empty());
  CHECK(joined(messages(site.diags)) == joined(Lines{"herald.yaml:1:1: note: 1 page is not yet in every "
                                                     "language of the site: 'herald check' lists it"}));
}

TEST_CASE("link_translations: a translation older than the page it translates may be out of date") {
  const int64_t march = 1'709'800'000;  // 7 March 2024
  const int64_t may = 1'715'000'000;    // 6 May 2024
  SUBCASE("the English changed after the Welsh") {
    Site site({page("content/pages/about.md", "About us", may),
               page("content/pages/about.cy.md", "Amdanom ni", march)});
    CHECK(joined(messages(site.diags)) ==
          joined(Lines{"content/pages/about.cy.md:1:1: warning: content/pages/about.md changed on 6 May "
                       "2024, after this "
                       "translation last changed on 7 March 2024: the translation may be out of date"}));
  }
  SUBCASE("the Welsh changed after the English: nothing to say") {
    Site site({page("content/pages/about.md", "About us", march),
               page("content/pages/about.cy.md", "Amdanom ni", may)});
    CHECK(joined(messages(site.diags)) == "");
  }
}

TEST_CASE("link_translations: one language, nothing paired and nothing said") {
  Site site({page("content/pages/about.md", "About us")}, "language: en-GB\n");
  CHECK(joined(messages(site.diags)) == "");
  CHECK(site.lib.pages.front().translations.empty());
}

TEST_CASE("translations_of: a page's own translations; herald's pages the same page in the other language") {
  Site site({page("content/pages/about.md", "About us"),
             with_slug(page("content/pages/about.cy.md", "Amdanom ni"), "amdanom"),
             page("content/pages/privacy.md", "Privacy"),
             with_topics(page("content/briefings/neglect.md", "Neglect"), {"neglect", "early help"}),
             with_topics(with_slug(page("content/briefings/neglect.cy.md", "Esgeulustod"), "esgeulustod"),
                         {"neglect"})});
  Library& cy = site.welsh();
  CHECK(shown(translations_of(site.lib, "/about/")) == Lines{"cy /cy/amdanom/"});
  CHECK(shown(translations_of(cy, "/amdanom/")) == Lines{"en-GB /about/"});
  CHECK(shown(translations_of(cy, "/briefings/esgeulustod/")) == Lines{"en-GB /briefings/neglect/"});
  CHECK(shown(translations_of(site.lib, "/briefings/neglect/")) == Lines{"cy /cy/briefings/esgeulustod/"});
  CHECK(translations_of(site.lib, "/privacy/").empty());
  // herald's own pages: the home page, lists, search.
  CHECK(shown(translations_of(site.lib, "/")) == Lines{"cy /cy/"});
  CHECK(shown(translations_of(cy, "/")) == Lines{"en-GB /"});
  CHECK(shown(translations_of(site.lib, "/briefings/")) == Lines{"cy /cy/briefings/"});
  CHECK(shown(translations_of(site.lib, "/search/")) == Lines{"cy /cy/search/"});
  // The 404 page is the site's one, at the top: no translation.
  CHECK(translations_of(site.lib, "/404.html").empty());
  // A term's page: the same term in the other language when it has it, else its list of terms.
  CHECK(shown(translations_of(site.lib, "/topics/neglect/")) == Lines{"cy /cy/topics/neglect/"});
  CHECK(shown(translations_of(site.lib, "/topics/early-help/")) == Lines{"cy /cy/topics/"});
  CHECK(shown(translations_of(cy, "/topics/neglect/")) == Lines{"en-GB /topics/neglect/"});
  CHECK(shown(translations_of(site.lib, "/topics/")) == Lines{"cy /cy/topics/"});
  CHECK(shown(translations_of(site.lib, "/audience/")) == Lines{"cy /cy/audience/"});
  // One language: none.
  Site one({page("content/pages/about.md", "About us")}, "language: en-GB\n");
  CHECK(translations_of(one.lib, "/about/").empty());
  CHECK(translations_of(one.lib, "/").empty());
}

TEST_CASE("names_top_static_file: a file of static/ is at the site's top, never in a language's folder") {
  std::vector<SourceFile> files{
      {"static/docs/policy.pdf", "%PDF-1.4\n", "0123456789abcdef0123456789abcdef01234567"}};
  Site site({page("content/pages/about.md", "About us"), page("content/pages/about.cy.md", "Amdanom ni")},
            "languages: [en-GB, cy]\n", true, files);
  REQUIRE(site.lib.static_files.size() == 1);
  const Library& cy = site.welsh();
  CHECK(names_top_static_file(cy, "docs/policy.pdf"));
  CHECK(names_top_static_file(cy, "docs/policy.pdf?v=2"));
  CHECK(names_top_static_file(cy, "docs/policy.pdf#page=3"));
  CHECK_FALSE(names_top_static_file(cy, "docs/other.pdf"));
  CHECK_FALSE(names_top_static_file(cy, "docs/"));
  // The default language's own library: its files are where they are.
  CHECK_FALSE(names_top_static_file(site.lib, "docs/policy.pdf"));
}
