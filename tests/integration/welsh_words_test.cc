// Integration: the theme's words, dates and times in Welsh on a bilingual site's Welsh pages, in English on its English ones.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::TempSite;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";

/// The minimal site in English and Welsh, with a briefing and an event in both.
void write_site(TempSite& site, const std::string& languages = "languages: [en-GB, cy]\n") {
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, languages);
  site.write("herald.yaml", config + "accessibility:\n  contact_email: access@testshire.example\n");
  site.write("content/briefings/neglect.cy.md",
             "---\ntitle: Esgeulustod a gofalwyr ifanc\nslug: esgeulustod\ndate: 2024-03-01\nreview_type: lcspr\n"
             "audience: [practitioners]\ntopics: [neglect]\n---\n\nArweiniad.\n\n"
             "## 1. Pwrpas\n\nPam.\n\n## 2. Cefndir\n\nBeth.\n\n## 3. Yr achos\n\nPwy.\n\n## 4. Dysgu\n\nDysgu.\n\n"
             "## 5. Arfer da\n\nDa.\n\n## 6. Cwestiynau\n\nGofyn.\n\n## 7. Adnoddau\n\nFfoniwch.\n");
  site.write("content/events/conference.cy.md",
             "---\ntitle: Cynhadledd flynyddol\nslug: cynhadledd\nstart: 2024-06-12T09:30:00\nend: 2024-06-12T16:00:00\n"
             "location: Neuadd Testshire\n---\n\nDiwrnod o ddysgu.\n");
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPwy ydym ni.\n");
}

}  // namespace

TEST_CASE("the theme's words in Welsh on Welsh pages of every kind, in English on English pages") {
  TempSite site;
  write_site(site);
  site.commit("bilingual");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);

  const std::string hygyrchedd = site.read("public/cy/accessibility/index.html");
  CHECK(contains(hygyrchedd, "<title>Datganiad hygyrchedd – Testshire Safeguarding Partnership</title>"));
  CHECK(contains(hygyrchedd, ">Pa mor hygyrch yw&apos;r wefan hon</h2>"));
  CHECK(contains(hygyrchedd, "<p class=\"govuk-body\">Mae Testshire Safeguarding Partnership wedi ymrwymo i sicrhau"));
  CHECK(contains(hygyrchedd, ", anfonwch e-bost at <a class=\"govuk-link\" href=\"mailto:access@testshire.example\">"));
  const std::string accessibility = site.read("public/accessibility/index.html");
  CHECK(contains(accessibility, ">How accessible this website is</h2>"));
  CHECK(contains(accessibility, "<p class=\"govuk-body\">Testshire Safeguarding Partnership is committed to making"));
  CHECK_FALSE(contains(hygyrchedd, "How accessible"));

  const std::string ffrydiau = site.read("public/cy/feeds/index.html");
  CHECK(contains(ffrydiau, "<h1 class=\"govuk-heading-xl\">Ffrydiau a mewnblannu</h1>"));
  CHECK(contains(ffrydiau, ">Briffiau 7 munud – Testshire Safeguarding Partnership</a>"));
  CHECK(contains(ffrydiau, "<span class=\"govuk-visually-hidden\"> – ffrwd "));
  CHECK(contains(site.read("public/feeds/index.html"), ">7-minute briefings – Testshire Safeguarding Partnership</a>"));
  CHECK(contains(site.read("public/cy/briefings/feed.xml"), "<title>Briffiau 7 munud – Testshire Safeguarding Partnership</title>"));

  const std::string briff = site.read("public/cy/briefings/esgeulustod/index.html");
  CHECK(contains(briff, ">Briff 7 munud · <a class=\"govuk-link\""));
  CHECK(contains(briff, ">Adolygiad Ymarfer Diogelu Plant Lleol</a>"));
  CHECK(contains(briff, ">Amser darllen</dt><dd class=\"govuk-summary-list__value\">Tua 1 munud</dd>"));
  CHECK(contains(briff, ">Y saith adran</h2>"));
  CHECK(contains(briff, ">Adran 1: </span>Pwrpas</h2>"));
  const std::string briefing = site.read("public/briefings/neglect/index.html");
  CHECK(contains(briefing, ">Reading time</dt><dd class=\"govuk-summary-list__value\">About 1 minute</dd>"));
  CHECK(contains(briefing, ">Local Child Safeguarding Practice Review</a>"));

  const std::string digwyddiadau = site.read("public/cy/events/index.html");
  CHECK(contains(digwyddiadau, "<h1 class=\"govuk-heading-xl\">Digwyddiadau a hyfforddiant</h1>"));
  CHECK(contains(digwyddiadau, ">Ychwanegu pob digwyddiad at eich calendr</a>"));
  CHECK(contains(digwyddiadau, "<p class=\"govuk-body\">Nid oes digwyddiadau i ddod.</p>"));
  CHECK(contains(site.read("public/events/index.html"), "<p class=\"govuk-body\">There are no upcoming events.</p>"));
  const std::string cynhadledd = site.read("public/cy/events/cynhadledd/index.html");
  CHECK(contains(cynhadledd, ">12 Mehefin 2024, 9:30yb</time> tan <time datetime=\"2024-06-12T16:00:00+01:00\">4yh</time> (wedi dod i ben)"));
  CHECK(contains(site.read("public/events/conference/index.html"),
                 ">12 June 2024, 9:30am</time> to <time datetime=\"2024-06-12T16:00:00+01:00\">4pm</time> (finished)"));

  CHECK(contains(site.read("public/cy/contacts/index.html"), "<h2 class=\"govuk-heading-l\" id=\"children\">Plant a phobl ifanc</h2>"));
  CHECK(contains(site.read("public/cy/search/index.html"), "Gallwch hefyd bori drwy <a"));
  CHECK(contains(site.read("public/cy/topics/neglect/index.html"), ">1 eitem wedi&apos;i chyhoeddi, y diweddaraf yn gyntaf</h2>"));
  CHECK(contains(site.read("public/topics/neglect/index.html"), ">1 published item, newest first</h2>"));

  // One 404 page, at the top, in the site's first language.
  CHECK(contains(site.read("public/404.html"), "<h1 class=\"govuk-heading-xl\">Page not found</h1>"));
}

TEST_CASE("welsh_first: the 404 page at the site's top in Welsh") {
  TempSite site;
  write_site(site, "languages: [en-GB, cy]\nwelsh_first: true\n");
  site.remove("content/pages/about.cy.md");
  site.remove("content/briefings/neglect.cy.md");
  site.remove("content/events/conference.cy.md");
  site.commit("Welsh first");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string not_found = site.read("public/404.html");
  CHECK(contains(not_found, "<h1 class=\"govuk-heading-xl\">Heb ddod o hyd i&apos;r dudalen</h1>"));
  CHECK(contains(not_found, ">Gallwch <a class=\"govuk-link\" href=\"/search/\">chwilio&apos;r wefan</a> neu fynd i&apos;r <a"));
}

TEST_CASE("a site's theme gives a word of its own in Welsh, and the built-in Welsh stays for the rest") {
  TempSite site;
  write_site(site);
  site.write("themes/default/i18n/cy.yaml", "events_and_training: \"Digwyddiadau a chyrsiau\"\n");
  site.commit("our own word");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string digwyddiadau = site.read("public/cy/events/index.html");
  CHECK(contains(digwyddiadau, "<h1 class=\"govuk-heading-xl\">Digwyddiadau a chyrsiau</h1>"));
  CHECK(contains(digwyddiadau, ">Ychwanegu pob digwyddiad at eich calendr</a>"));
  CHECK(contains(site.read("public/events/index.html"), "<h1 class=\"govuk-heading-xl\">Events and training</h1>"));
}
