// Integration: a site in Welsh and English: each language's folder, pages paired with their translations, hreflang.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::TempSite;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";

/// A minimal site in English and Welsh: an about page in both (the Welsh
/// with a slug of its own), a privacy page in English alone.
void write_bilingual_site(TempSite& site, const std::string& languages = "languages: [en-GB, cy]\n") {
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, languages);
  site.write("herald.yaml", config);
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are.\n");
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPwy ydym ni.\n");
  site.write("content/pages/privacy.md", "---\ntitle: Privacy\n---\n\nYour data.\n");
  site.write("content/newsletters/spring-2024.cy.md",
             "---\ntitle: Cylchlythyr y gwanwyn\nslug: gwanwyn-2024\ndate: 2024-04-12\n---\n\n## Newyddion\n\nTestun.\n");
  site.write("content/_index.cy.md", "---\ntitle: Croeso\n---\n\nCroeso i'r bartneriaeth.\n");
}

}  // namespace

TEST_CASE("a bilingual site: Welsh under /cy/, each page linked to its translation both ways") {
  TempSite site;
  write_bilingual_site(site);
  site.commit("bilingual");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string about = site.read("public/about/index.html");
  const std::string amdanom = site.read("public/cy/amdanom/index.html");
  CHECK(contains(about, "<html lang=\"en-GB\""));
  CHECK(contains(amdanom, "<html lang=\"cy\""));
  CHECK(contains(about, "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://safeguarding.testshire.example/about/\">"));
  CHECK(contains(about, "<link rel=\"alternate\" hreflang=\"cy\" href=\"https://safeguarding.testshire.example/cy/amdanom/\">"));
  CHECK(contains(amdanom, "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://safeguarding.testshire.example/about/\">"));
  CHECK(contains(amdanom, "<link rel=\"alternate\" hreflang=\"cy\" href=\"https://safeguarding.testshire.example/cy/amdanom/\">"));
  // x-default: the default language's page, from both.
  for (const std::string* page : {&about, &amdanom})
    CHECK(contains(*page, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://safeguarding.testshire.example/about/\">"));
  // The switch names the other language in that language, and leads to the translation.
  CHECK(contains(about, "href=\"../cy/amdanom/\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"));
  CHECK(contains(amdanom, "href=\"../../about/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"));
  // Assets come from the site's top, not the language's folder.
  CHECK(contains(amdanom, "href=\"../../assets/herald.css\""));
  // A page with no translation has no language link, and no hreflang.
  const std::string privacy = site.read("public/privacy/index.html");
  CHECK_FALSE(contains(privacy, "hreflang"));
  CHECK_FALSE(contains(privacy, "herald-language"));
  // The theme's words and dates in Welsh on the Welsh pages, in English on the English.
  const std::string gwanwyn = site.read("public/cy/newsletters/gwanwyn-2024/index.html");
  CHECK(contains(gwanwyn, ">Cyhoeddwyd <time datetime=\"2024-04-12\">12 Ebrill 2024</time>"));
  CHECK(contains(gwanwyn, ">Neidio i&apos;r prif gynnwys</a>"));
  CHECK(contains(gwanwyn, "aria-label=\"Iaith\""));
  CHECK(contains(gwanwyn, ">Cylchlythyrau</a>"));
  CHECK(contains(gwanwyn, "href=\"../../../newsletters/spring-2024/\" hreflang=\"en-GB\""));
  CHECK(contains(site.read("public/newsletters/spring-2024/index.html"), ">Skip to main content</a>"));
  CHECK(site.exists("public/cy/newsletters/gwanwyn-2024/gwanwyn-2024.pdf"));
  // herald's own pages exist in each language and lead to each other.
  CHECK(contains(site.read("public/cy/index.html"), "bartneriaeth."));
  CHECK(contains(site.read("public/cy/index.html"), "<h1 class=\"govuk-heading-xl\">Croeso</h1>"));  // its own title
  CHECK(contains(site.read("public/newsletters/index.html"), "href=\"../cy/newsletters/\" hreflang=\"cy\""));
  CHECK(contains(site.read("public/cy/newsletters/index.html"), "href=\"../../newsletters/\" hreflang=\"en-GB\""));
  // One set of theme files and one 404 page, at the top.
  CHECK(site.exists("public/assets/herald.css"));
  CHECK_FALSE(site.exists("public/cy/assets/herald.css"));
  CHECK_FALSE(site.exists("public/cy/404.html"));
  // Feeds and a sitemap for each language; the sitemap names each page's translations.
  CHECK(site.exists("public/cy/feed.xml"));
  const std::string sitemap = site.read("public/sitemap.xml");
  CHECK(contains(sitemap, "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
  CHECK(contains(sitemap, "<xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://safeguarding.testshire.example/cy/amdanom/\"/>"));
  CHECK(contains(sitemap, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://safeguarding.testshire.example/about/\"/>"));
  CHECK(contains(site.read("public/cy/sitemap.xml"),
                 "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://safeguarding.testshire.example/about/\"/>"));
  CHECK(contains(site.read("public/cy/sitemap.xml"), "<loc>https://safeguarding.testshire.example/cy/amdanom/</loc>"));
  CHECK(contains(site.read("public/robots.txt"), "Sitemap: https://safeguarding.testshire.example/cy/sitemap.xml\n"));
}

TEST_CASE("welsh_first: Welsh at /, English under /en/, about.md the Welsh page") {
  TempSite site;
  write_bilingual_site(site, "languages: [en-GB, cy]\nwelsh_first: true\n");
  site.remove("content/pages/about.cy.md");
  site.remove("content/_index.cy.md");
  site.write("content/pages/about.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPwy ydym ni.\n");
  site.write("content/pages/about.en.md", "---\ntitle: About us\n---\n\nWho we are.\n");
  site.commit("Welsh first");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(site.read("public/amdanom/index.html"), "<html lang=\"cy\""));
  CHECK(contains(site.read("public/en/about/index.html"), "<html lang=\"en-GB\""));
  CHECK(contains(site.read("public/amdanom/index.html"), "href=\"../en/about/\" hreflang=\"en-GB\""));
}

TEST_CASE("a file named in a language the site does not publish in is an error") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\n---\n\nPwy ydym ni.\n");
  site.commit("Welsh without languages");
  auto r = site.herald(std::string("check") + kNow);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "content/pages/about.cy.md:1:1: error: the file's name says it is in language 'cy' (it ends in "
                        ".cy.md), but herald.yaml has no 'languages': add languages: [en-GB, cy], or rename the file"));
}

TEST_CASE("herald check warns of a page with no translation, and of a translation older than its page") {
  TempSite site;
  write_bilingual_site(site);
  site.commit("bilingual", "2024-05-01T10:00:00+01:00");
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and what we do.\n");
  site.commit("about: what we do", "2024-06-03T10:00:00+01:00");
  auto r = site.herald(std::string("check") + kNow);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/pages/privacy.md:1:1: warning: this page has no translation in Cymraeg (cy): add "
                        "content/pages/privacy.cy.md so that readers of that language find it too\n"));
  CHECK(contains(r.err, "content/pages/about.cy.md:1:1: warning: content/pages/about.md changed on 3 June 2024, after "
                        "this translation last changed on 1 May 2024: the translation may be out of date\n"));
  CHECK_FALSE(contains(r.err, "content/pages/about.md:1:1: warning"));
  // A build counts the pages not yet translated rather than listing each.
  auto built = site.herald(std::string("build") + kNow);
  CHECK(built.exit_code == 0);
  CHECK_FALSE(contains(built.err, "has no translation"));
  size_t listed = 0;
  for (size_t at = r.err.find("has no translation"); at != std::string::npos; at = r.err.find("has no translation", at + 1))
    ++listed;
  CHECK(listed > 1);
  CHECK(contains(built.err, "herald.yaml:1:1: note: " + std::to_string(listed) +
                                " pages are not yet in every language of the site: 'herald check' lists them\n"));
  CHECK(contains(built.err, "the translation may be out of date"));
}

TEST_CASE("a Welsh page's menus lead to the Welsh page where there is one, else to the English, marked as English") {
  TempSite site;
  write_bilingual_site(site);
  std::string config = site.read("herald.yaml");
  config += "menu:\n  footer:\n    - about\n    - privacy\n"
            "    - { title: \"Our data\", title_cy: \"Ein data\", url: \"/privacy/#data\" }\n"
            "    - { title: \"About\", url: \"/about/#who\" }\n    - newsletters\n";
  site.write("herald.yaml", config);
  // A bundle in English with a file of its own: not a stray file for the Welsh site.
  site.write("content/pages/guide/index.md", "---\ntitle: Guide\n---\n\n[The notes](notes.txt)\n");
  site.write("content/pages/guide/notes.txt", "Notes.\n");
  site.commit("menus");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK_FALSE(contains(r.err, "is not beside a page's index.md"));
  CHECK_FALSE(contains(r.err, "footer menu"));
  const std::string amdanom = site.read("public/cy/amdanom/index.html");
  // The Welsh page, under its Welsh title and slug.
  CHECK(contains(amdanom, "<a class=\"govuk-footer__link\" href=\"../amdanom/\" aria-current=\"page\">Amdanom ni</a>"));
  // The English page with no translation: at the site's top, its title marked as English.
  CHECK(contains(amdanom, "<a class=\"govuk-footer__link\" href=\"../../privacy/\" hreflang=\"en-GB\" lang=\"en-GB\">Privacy</a>"));
  // A link's Welsh title; a link to a page with a translation leads to it, with its anchor, under its title.
  CHECK(contains(amdanom, "<a class=\"govuk-footer__link\" href=\"../../privacy/#data\" hreflang=\"en-GB\">Ein data</a>"));
  CHECK(contains(amdanom, "<a class=\"govuk-footer__link\" href=\"../amdanom/#who\">Amdanom ni</a>"));
  // A section the Welsh site has (a Welsh newsletter).
  CHECK(contains(amdanom, "<a class=\"govuk-footer__link\" href=\"../newsletters/\">Cylchlythyrau</a>"));
  // The English pages are as before.
  CHECK(contains(site.read("public/about/index.html"), "<a class=\"govuk-footer__link\" href=\"../privacy/#data\">Our data</a>"));
}

TEST_CASE("a Welsh chapter needs its manual's title in Welsh, and a link title in an unpublished language is an error") {
  TempSite site;
  write_bilingual_site(site);
  site.write("content/procedures/children/_index.md", "---\ntitle: Children\n---\n\nFor children.\n");
  site.write("content/procedures/children/referral.md", "---\ntitle: Referral\n---\n\nRefer.\n");
  site.write("content/procedures/children/referral.cy.md", "---\ntitle: Atgyfeirio\n---\n\nAtgyfeiriwch.\n");
  std::string config = site.read("herald.yaml");
  config += "menu:\n  footer:\n    - { title: \"About\", title_fr: \"\u00c0 propos\", url: /about/ }\n";
  site.write("herald.yaml", config);
  site.commit("a Welsh chapter");
  auto r = site.herald(std::string("build") + kNow);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "content/procedures/children/referral.cy.md:1:1: error: manual 'children' has no "
                        "content/procedures/children/_index.cy.md giving its title in this language\n"));
  CHECK(contains(r.err, "title_fr' is the link's title in a language this site does not publish in besides its "
                        "first: list the language in 'languages', or remove it\n"));
}

TEST_CASE("a Welsh page's link to a file of static/ leads to the site's top, where the file is, on the page and in its feed; a page's link stays in /cy/") {
  TempSite site;
  write_bilingual_site(site);
  site.write("static/files/taflen.pdf", "%PDF-1.4 leaflet");
  site.write("content/pages/about.cy.md",
             "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nDarllenwch [y daflen](/files/taflen.pdf#page=2) a "
             "[y cylchlythyr](/newsletters/gwanwyn-2024/).\n");
  site.write("content/newsletters/spring-2024.cy.md",
             "---\ntitle: Cylchlythyr y gwanwyn\nslug: gwanwyn-2024\ndate: 2024-04-12\n---\n\n## Newyddion\n\n"
             "Gweler [y daflen](/files/taflen.pdf).\n");
  site.commit("a leaflet");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(site.exists("public/files/taflen.pdf"));
  CHECK_FALSE(site.exists("public/cy/files/taflen.pdf"));
  const std::string amdanom = site.read("public/cy/amdanom/index.html");
  CHECK(contains(amdanom, "<a href=\"../../files/taflen.pdf#page=2\">y daflen</a>"));
  CHECK(contains(amdanom, "<a href=\"../newsletters/gwanwyn-2024/\">y cylchlythyr</a>"));
  // In the Welsh newsletters' feed, the same: the file's address at the top.
  const std::string feed = site.read("public/cy/newsletters/feed.xml");
  CHECK(contains(feed, "href=\"https://safeguarding.testshire.example/files/taflen.pdf\""));
  CHECK_FALSE(contains(feed, "/cy/files/"));
}

TEST_CASE("build --verbose counts every language's pages, and the files of every language") {
  TempSite site;
  write_bilingual_site(site);
  site.write("content/pages/draft.cy.md", "---\ntitle: Drafft\ndraft: true\n---\n\nHeb ei orffen.\n");
  site.commit("bilingual");
  auto r = site.herald(std::string("build --verbose") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // English: home, briefing, newsletter, manual, chapter, event, about, privacy;
  // Welsh: home, about, newsletter and the draft, withheld.
  CHECK(contains(r.err, "herald: 12 pages (1 withheld: drafts, scheduled or expired), "));
  size_t written = 0;  // besides the search index, made after, and herald's mark on the folder
  for (const auto& [path, bytes] : herald::test::read_tree(site.dir() + "/public"))
    written += !path.starts_with("pagefind/") && path != ".herald-site";
  INFO(r.err);
  CHECK(contains(r.err, "herald: published " + std::to_string(written) + " files to "));
  CHECK(site.exists("public/cy/amdanom/index.html"));
}

TEST_CASE("a rebuild shows a translation that appeared or went on the pages the last build kept") {
  TempSite site;
  write_bilingual_site(site);
  site.commit("bilingual");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK_FALSE(contains(site.read("public/privacy/index.html"), "hreflang"));
  // privacy.md unchanged: only its translation is new.
  site.write("content/pages/privacy.cy.md", "---\ntitle: Preifatrwydd\nslug: preifatrwydd\n---\n\nEich data.\n");
  site.commit("privacy in Welsh");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(site.read("public/privacy/index.html"), "href=\"../cy/preifatrwydd/\" hreflang=\"cy\""));
  CHECK(contains(site.read("public/cy/preifatrwydd/index.html"), "href=\"../../privacy/\" hreflang=\"en-GB\""));
  // Gone again: the English page has no language link, the Welsh page no file.
  site.remove("content/pages/privacy.cy.md");
  site.commit("privacy in English only");
  r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK_FALSE(contains(site.read("public/privacy/index.html"), "hreflang"));
  CHECK_FALSE(site.exists("public/cy/preifatrwydd/index.html"));
  // The Welsh about page's new slug: the English page leads there.
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: pwy-ydym-ni\n---\n\nPwy ydym ni.\n");
  site.commit("new slug");
  r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(site.read("public/about/index.html"), "href=\"../cy/pwy-ydym-ni/\" hreflang=\"cy\""));
  CHECK_FALSE(site.exists("public/cy/amdanom/index.html"));
}

TEST_CASE("a Welsh page's link to an English page not yet translated leads to it at the site's top; to nothing, an error") {
  TempSite site;
  write_bilingual_site(site);
  site.write("content/pages/help.cy.md",
             "---\ntitle: Cymorth\nslug: cymorth\n---\n\n[Preifatrwydd](/privacy/), [amdanom](/amdanom/) a "
             "[cylchlythyrau](/newsletters/).\n");
  site.commit("links from Welsh");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string help = site.read("public/cy/cymorth/index.html");
  CHECK(contains(help, "<a href=\"../../privacy/\">Preifatrwydd</a>"));    // English only: at the top
  CHECK(contains(help, "<a href=\"../amdanom/\">amdanom</a>"));            // the Welsh page
  CHECK(contains(help, "<a href=\"../newsletters/\">cylchlythyrau</a>"));  // herald's own Welsh page
  site.write("content/pages/help.cy.md", "---\ntitle: Cymorth\nslug: cymorth\n---\n\n[Dim](/nowhere/).\n");
  site.commit("a link to nothing");
  auto broken = site.herald(std::string("build") + kNow);
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err, "content/pages/help.cy.md:6:1: error: link to '/nowhere/': the site has no such page or file"));
}
