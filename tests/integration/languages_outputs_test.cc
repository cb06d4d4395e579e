// Integration: a site in Welsh and English: the PDFs, email editions, vCards and calendars of each language.
#include <doctest/doctest.h>

#include <string>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";

/// A site in English and Welsh: a newsletter, a report and an event in both,
/// a leaflet in static/ that the Welsh pages link to from the site's top.
void write_bilingual_site(TempSite& site) {
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, "languages: [en-GB, cy]\n");
  site.write("herald.yaml", config);
  site.write("static/files/taflen.pdf", "%PDF-1.4 leaflet");
  site.write("content/_index.cy.md", "---\ntitle: Croeso\n---\n\nCroeso i'r bartneriaeth.\n");
  site.write("content/newsletters/spring-2024.cy.md",
             "---\ntitle: Gwanwyn 2024\nslug: gwanwyn-2024\ndate: 2024-03-15\nissue: 1\nseries: Materion Diogelu\n"
             "---\n\n## Erthygl gyntaf\n\nDarllenwch [y daflen](/files/taflen.pdf) a "
             "[y cylchlythyr](/newsletters/gwanwyn-2024/).\n\n## Ail erthygl\n\nTestun.\n");
  site.write("content/reports/annual-2024.md",
             "---\ntitle: Annual report\ndate: 2024-06-30\nreport_type: annual-report\nperiod: 2023-2024\n---\n\n"
             "## Foreword\n\nThanks.\n\n## Our work\n\nWork.\n");
  site.write("content/reports/annual-2024.cy.md",
             "---\ntitle: Adroddiad blynyddol\nslug: blynyddol-2024\ndate: 2024-06-30\nreport_type: annual-report\n"
             "period: 2023-2024\n---\n\n## Rhagair\n\nDiolch.\n\n## Ein gwaith\n\nGwaith.\n");
}

}  // namespace

TEST_CASE("a Welsh page's PDF is in Welsh: /Lang and XMP cy, its furniture and dates in Welsh, a link to static/ at the site's top") {
  TempSite site;
  write_bilingual_site(site);
  // A picture of static/, at the site's top, printed in the Welsh PDF too.
  auto png = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/make_png.py' 40 30");
  REQUIRE(png.exit_code == 0);
  site.write("static/images/llun.png", png.out);
  site.write("content/newsletters/spring-2024.cy.md",
             site.read("content/newsletters/spring-2024.cy.md") + "\n![Llun o'r gynhadledd](/images/llun.png)\n");
  site.commit("bilingual");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string pdf = site.dir() + "/public/cy/newsletters/gwanwyn-2024/gwanwyn-2024.pdf";
  auto text = run_command("pdftotext -layout '" + pdf + "' -");
  REQUIRE(text.exit_code == 0);
  CHECK(contains(text.out, "Rhifyn 1 · 15 Mawrth 2024"));
  CHECK(contains(text.out, "Yn y rhifyn hwn"));
  CHECK(contains(text.out, "Materion Diogelu · Rhifyn 1"));
  CHECK(contains(text.out, "Tudalen 1 o 1"));
  CHECK_FALSE(contains(text.out, "Page 1 of 1"));
  auto json = run_command("qpdf --json '" + pdf + "'");
  REQUIRE(json.exit_code == 0);
  CHECK(contains(json.out, "\"/Lang\": \"u:cy\""));
  // The leaflet is published once, at the site's top; the newsletter is the Welsh one.
  CHECK(contains(json.out, "\"/URI\": \"u:https://safeguarding.testshire.example/files/taflen.pdf\""));
  CHECK(contains(json.out, "\"/URI\": \"u:https://safeguarding.testshire.example/cy/newsletters/gwanwyn-2024/\""));
  CHECK(contains(site.read("public/cy/newsletters/gwanwyn-2024/gwanwyn-2024.pdf"),
                 "<dc:language><rdf:Bag><rdf:li>cy</rdf:li></rdf:Bag></dc:language>"));
  CHECK_FALSE(contains(r.err, "llun.png"));
  auto images = run_command("pdfimages -list '" + pdf + "'");
  CHECK(contains(images.out, "   40    30 "));
  // The report's cover and contents page in Welsh.
  auto report = run_command("pdftotext -layout '" + site.dir() + "/public/cy/reports/blynyddol-2024/blynyddol-2024.pdf' -");
  REQUIRE(report.exit_code == 0);
  CHECK(contains(report.out, "Cyhoeddwyd 30 Mehefin 2024"));
  CHECK(contains(report.out, "Adroddiad blynyddol · 2023-2024"));  // the built-in type's name in Welsh
  CHECK_FALSE(contains(report.out, "Annual report · 2023-2024"));
  CHECK(contains(report.out, "Cynnwys"));
  CHECK(contains(report.out, "Tudalen 2 o"));
  // The English PDFs stay in English.
  const std::string english = site.dir() + "/public/newsletters/spring-2024/spring-2024.pdf";
  auto en_text = run_command("pdftotext -layout '" + english + "' -");
  CHECK(contains(en_text.out, "In this issue"));
  CHECK(contains(en_text.out, "Page 1 of 1"));
  CHECK(contains(run_command("qpdf --json '" + english + "'").out, "\"/Lang\": \"u:en-GB\""));
}

TEST_CASE("a newsletter with a Welsh counterpart has one email edition in Welsh and English: Welsh first, each part in its language") {
  TempSite site;
  write_bilingual_site(site);
  site.write("herald.yaml", site.read("herald.yaml") +
                                "email:\n"
                                "  from: \"Testshire Safeguarding Partnership <newsletter@testshire.example>\"\n"
                                "  reply_to: business.office@testshire.example\n"
                                "  unsubscribe: \"*|UNSUB|*\"\n");
  site.write("content/newsletters/summer-2024.md",
             "---\ntitle: Summer 2024\ndate: 2024-06-15\n---\n\n## Only in English\n\nText.\n");
  site.commit("bilingual email");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string html = site.read("public/newsletters/spring-2024/email.html");
  // The same message beside each language's page.
  CHECK(html == site.read("public/cy/newsletters/gwanwyn-2024/email.html"));
  CHECK(site.read("public/newsletters/spring-2024/spring-2024.eml") ==
        site.read("public/cy/newsletters/gwanwyn-2024/gwanwyn-2024.eml"));
  CHECK(contains(html, "<html lang=\"cy\""));
  const size_t welsh = html.find("<td id=\"cy\" lang=\"cy\"");
  const size_t english = html.find("<td id=\"en\" lang=\"en-GB\"");
  REQUIRE(welsh != std::string::npos);
  REQUIRE(english != std::string::npos);
  CHECK(welsh < english);
  CHECK(html.find(">Gwanwyn 2024</h1>") > welsh);
  CHECK(html.find(">Gwanwyn 2024</h1>") < english);
  CHECK(html.find(">Spring 2024</h1>") > english);
  // A link at the top to each other language's part, in that language.
  CHECK(contains(html, "<a href=\"#en\" lang=\"en-GB\" hreflang=\"en-GB\""));
  CHECK(html.find(">Read in English</a>") < welsh);
  CHECK(contains(html, "<a href=\"#cy\" lang=\"cy\" hreflang=\"cy\""));
  CHECK(contains(html, ">Darllen yn Gymraeg</a>"));
  // Each part's words in its language; the leaflet at the site's top.
  CHECK(contains(html, "Materion Diogelu · Rhifyn 1"));
  CHECK(contains(html, "Cyhoeddwyd 15 Mawrth 2024"));
  CHECK(contains(html, "Published 15 March 2024"));
  CHECK(contains(html, ">Yn y rhifyn hwn</h2>"));
  CHECK(contains(html, ">In this issue</h2>"));
  CHECK(contains(html, "href=\"https://safeguarding.testshire.example/files/taflen.pdf\""));
  CHECK_FALSE(contains(html, "/cy/files/"));
  CHECK(contains(html, ">Dad-danysgrifio o&#39;r negeseuon e-bost hyn</a>"));
  CHECK(contains(html, ">Unsubscribe from these emails</a>"));
  const std::string text = site.read("public/newsletters/spring-2024/email.txt");
  CHECK(text.find("Gwanwyn 2024\n") < text.find("Spring 2024\n"));
  CHECK(text.rfind("The English version is below.\n", 0) == 0);
  CHECK(contains(text, "(https://safeguarding.testshire.example/files/taflen.pdf)"));
  // The message: both subjects, Welsh first; both languages.
  auto read = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/check_email.py' '" + site.dir() +
                          "/public/newsletters/spring-2024/spring-2024.eml'");
  INFO(read.out);
  CHECK(read.exit_code == 0);
  CHECK(contains(read.out, "\"Subject\": \"Gwanwyn 2024 / Spring 2024\""));
  CHECK(contains(read.out, "\"Content-Language\": \"cy, en-GB\""));
  // A newsletter in English alone keeps its edition in English alone.
  const std::string summer = site.read("public/newsletters/summer-2024/email.html");
  CHECK(contains(summer, "<html lang=\"en-GB\""));
  CHECK_FALSE(contains(summer, "lang=\"cy\""));
  CHECK_FALSE(contains(summer, "href=\"#"));
  CHECK(contains(site.read("public/newsletters/summer-2024/summer-2024.eml"), "Subject: Summer 2024\r\n"));
}

TEST_CASE("contacts in Welsh: the Welsh pages' cards, the panel, the contacts page and /cy/contacts/<id>.vcf use the Welsh fields") {
  TempSite site;
  write_bilingual_site(site);
  site.write("data/contacts.yaml",
             "- id: front-door\n"
             "  name: Children's Front Door\n"
             "  name_cy: Drws Ffrynt Plant\n"
             "  organisation: Testshire Council\n"
             "  organisation_cy: Cyngor Swydd Prawf\n"
             "  urgent: true\n"
             "  phones:\n"
             "    - number: \"0116 496 0000\"\n"
             "      label: Office hours\n"
             "      label_cy: Oriau swyddfa\n"
             "      hours: Monday to Friday\n"
             "  url: https://testshire.example/front-door\n");
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nCall:\n\n{{contact front-door}}\n");
  site.write("content/pages/about.cy.md",
             "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nFfoniwch:\n\n{{contact front-door}}\n\nNeu {{contact front-door}}.\n");
  site.commit("contacts in Welsh");
  auto r = site.herald(std::string("build") + kNow);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string amdanom = site.read("public/cy/amdanom/index.html");
  CHECK(contains(amdanom, "<strong>Drws Ffrynt Plant</strong><br>Cyngor Swydd Prawf</p>"));
  CHECK(contains(amdanom, "0116 496 0000</a> – Oriau swyddfa (Monday to Friday)</li>"));
  CHECK(contains(amdanom, ">Gwefan Drws Ffrynt Plant</a>"));
  CHECK(contains(amdanom, "Neu Drws Ffrynt Plant ("));
  CHECK_FALSE(contains(amdanom, "Children&#39;s Front Door"));
  // The English page keeps the English.
  const std::string about = site.read("public/about/index.html");
  CHECK(contains(about, "<strong>Children&#39;s Front Door</strong><br>Testshire Council</p>"));
  CHECK(contains(about, "– Office hours (Monday to Friday)</li>"));
  // The "Worried about someone?" panel and the contacts page of the Welsh site.
  CHECK(contains(site.read("public/cy/index.html"), "Drws Ffrynt Plant"));
  CHECK(contains(site.read("public/cy/contacts/index.html"), "Drws Ffrynt Plant"));
  CHECK_FALSE(contains(site.read("public/cy/contacts/index.html"), "Children&#39;s Front Door"));
  // A vCard for each language, the Welsh one's words marked as Welsh.
  const std::string vcf = site.read("public/cy/contacts/front-door.vcf");
  CHECK(contains(vcf, "FN;LANGUAGE=cy:Drws Ffrynt Plant\r\n"));
  CHECK(contains(vcf, "ORG;LANGUAGE=cy:Cyngor Swydd Prawf\r\n"));
  CHECK(contains(vcf, "NOTE;LANGUAGE=cy:0116 496 0000 (Oriau swyddfa): Monday to Friday\r\n"));
  CHECK(contains(vcf, "SOURCE:https://safeguarding.testshire.example/cy/contacts/front-door.vcf\r\n"));
  const std::string english_vcf = site.read("public/contacts/front-door.vcf");
  CHECK(contains(english_vcf, "FN;LANGUAGE=en-GB:Children's Front Door\r\n"));
  CHECK(vcf.substr(vcf.find("UID:"), 50) == english_vcf.substr(english_vcf.find("UID:"), 50));
}

TEST_CASE("a Welsh event's calendar: its summary and description from the Welsh page, with LANGUAGE=cy") {
  TempSite site;
  write_bilingual_site(site);
  site.write("content/events/conference.md",
             "---\ntitle: Annual conference\nstart: 2024-06-12T09:30:00\nend: 2024-06-12T16:00:00\n"
             "location: Testshire Hall\nsummary: A day of learning.\n---\n\nA day of learning.\n");
  site.write("content/events/conference.cy.md",
             "---\ntitle: Cynhadledd flynyddol\nslug: cynhadledd\nstart: 2024-06-12T09:30:00\nend: 2024-06-12T16:00:00\n"
             "location: Neuadd Swydd Prawf\nsummary: Diwrnod o ddysgu.\n---\n\nDiwrnod o ddysgu.\n");
  site.commit("a Welsh event");
  auto r = site.herald(std::string("build --now 2024-05-01T12:00:00"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  for (const char* path : {"public/cy/events/cynhadledd/cynhadledd.ics", "public/cy/events.ics"}) {
    CAPTURE(path);
    const std::string ics = site.read(path);
    CHECK(contains(ics, "SUMMARY;LANGUAGE=cy:Cynhadledd flynyddol\r\n"));
    CHECK(contains(ics, "DESCRIPTION;LANGUAGE=cy:Diwrnod o ddysgu.\r\n"));
    CHECK(contains(ics, "URL:https://safeguarding.testshire.example/cy/events/cynhadledd/\r\n"));
  }
  CHECK(contains(site.read("public/cy/events.ics"), "X-WR-CALNAME:Digwyddiadau Testshire Safeguarding Partnership\r\n"));
  const std::string english = site.read("public/events/conference/conference.ics");
  CHECK(contains(english, "SUMMARY;LANGUAGE=en-GB:Annual conference\r\n"));
  CHECK(contains(english, "DESCRIPTION;LANGUAGE=en-GB:A day of learning.\r\n"));
}

TEST_CASE("a Welsh embed takes the theme's files from the site's top, and leads to the Welsh pages") {
  TempSite site;
  write_bilingual_site(site);
  site.commit("bilingual");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  // An embed's cards have no text of the pages, so no links to static/; its stylesheets are the site's.
  const std::string embed = site.read("public/cy/embed/newsletters/index.html");
  CHECK(contains(embed, "<link rel=\"stylesheet\" href=\"../../../assets/herald.css\">"));
  CHECK(contains(embed, "href=\"https://safeguarding.testshire.example/cy/newsletters/gwanwyn-2024/\""));
  CHECK(contains(embed, "<html lang=\"cy\">"));
}
