// Integration: a site with `email:` builds each newsletter's email edition, read back by Python's email package.
#include <doctest/doctest.h>

#include <regex>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const char* kEmailSettings =
    "email:\n"
    "  from: \"Testshire Safeguarding Partnership <newsletter@testshire.example>\"\n"
    "  reply_to: business.office@testshire.example\n"
    "  unsubscribe: \"*|UNSUB|*\"\n";

/// A real PNG of `width` by `height` pixels.
std::string png(int width, int height) {
  auto r = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/make_png.py' " + std::to_string(width) +
                       " " + std::to_string(height));
  REQUIRE(r.exit_code == 0);
  return r.out;
}

void write_email_site(TempSite& site) {
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") + kEmailSettings);
  site.write("content/newsletters/autumn-2024/photo.png", png(800, 400));
  site.write("content/newsletters/autumn-2024/index.md",
             "---\ntitle: Safeguarding Matters – Autumn 2024\ndate: 2024-10-28\nissue: 2\nseries: Safeguarding Matters\n"
             "summary: The review about Child J, and a new number.\npdf: false\n---\n\n"
             "## The review about Child J\n\nRead [the briefing](/briefings/neglect/) before the training.\n\n"
             "![Practitioners around a table](photo.png)\n\n"
             "## Who to call\n\n{{contact front-door}}\n\nOr call {{phone front-door}}.\n");
  site.write("content/newsletters/winter-2024.md",
             "---\ntitle: Winter 2024\ndate: 2024-12-20\ndraft: true\n---\n\n## Draft\n\nNot yet.\n");
}

/// What check_email.py says of the messages (JSON), and whether it found no problem.
herald::test::RunResult read_messages(const std::string& paths) {
  return run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/check_email.py' " + paths);
}

}  // namespace

TEST_CASE("with email: each published newsletter gets email.html, email.txt and its .eml; without it, none") {
  TempSite site;
  write_email_site(site);
  site.commit("the site", "2024-11-01T10:00:00+00:00");
  auto build = site.herald("build --now 2024-12-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  for (const char* slug : {"autumn-2024", "spring-2024"}) {
    CAPTURE(slug);
    std::string dir = std::string("public/newsletters/") + slug + "/";
    CHECK(site.exists(dir + "email.html"));
    CHECK(site.exists(dir + "email.txt"));
    CHECK(site.exists(dir + slug + ".eml"));
  }
  // A draft has none; nor has anything but a newsletter.
  CHECK_FALSE(site.exists("public/newsletters/winter-2024/"));
  CHECK_FALSE(site.exists("public/briefings/neglect/email.html"));
  // The edition is not a page of the site: not in the sitemap.
  CHECK_FALSE(contains(site.read("public/sitemap.xml"), "email"));

  std::string html = site.read("public/newsletters/autumn-2024/email.html");
  CHECK(contains(html, "<html lang=\"en-GB\""));
  CHECK_FALSE(contains(html, "<style"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "class="));
  CHECK(contains(html, "<meta name=\"robots\" content=\"noindex\">"));
  CHECK(html.size() < 100 * 1024);
  // Layout tables are presentation; the preheader is the summary, hidden.
  CHECK(contains(html, "<table role=\"presentation\" style=\"width:100%;max-width:600px;"));
  CHECK(contains(html, "<div style=\"display:none;max-height:0;overflow:hidden;font-size:1px;line-height:1px;color:#f3f2f1;"
                       "opacity:0;\">The review about Child J, and a new number."));
  // Whole addresses: the web page, its PDF, the links, the picture (with its size, fluid).
  CHECK(contains(html, "<a href=\"https://safeguarding.testshire.example/newsletters/autumn-2024/\" "
                       "style=\"color:#0b0c0c;text-decoration:underline;\">View in your browser</a>"));
  // No print version: the newsletter has none (its Markdown tree was parsed again for the email).
  CHECK_FALSE(contains(html, ".pdf"));
  CHECK(contains(site.read("public/newsletters/spring-2024/email.html"),
                 "<a href=\"https://safeguarding.testshire.example/newsletters/spring-2024/spring-2024.pdf\" "
                 "style=\"color:#0b0c0c;text-decoration:underline;\">Print version (PDF)</a>"));
  CHECK(contains(html, "href=\"https://safeguarding.testshire.example/briefings/neglect/\""));
  CHECK(contains(html, "<img src=\"https://safeguarding.testshire.example/newsletters/autumn-2024/photo.png\" "
                       "alt=\"Practitioners around a table\" width=\"552\" height=\"276\" "
                       "style=\"display:block;width:100%;max-width:552px;"));
  std::smatch m;
  for (std::string rest = html; std::regex_search(rest, m, std::regex("(href|src)=\"([^\"]*)\"")); rest = m.suffix()) {
    std::string url = m[2];
    CAPTURE(url);
    CHECK((url.rfind("https://", 0) == 0 || url.rfind("tel:", 0) == 0 || url.rfind("mailto:", 0) == 0 ||
           url == "*|UNSUB|*"));
  }
  // "In this issue" leads to the articles on the web page.
  CHECK(contains(html, "href=\"https://safeguarding.testshire.example/newsletters/autumn-2024/#who-to-call\""));
  // The contact card and the phone shortcode are tel: links.
  CHECK(contains(html, "<a href=\"tel:+441164960000\" style=\"color:#1d5b79;text-decoration:underline;\">0116 496 0000</a> – Office hours</li>"));
  CHECK(contains(html, "Or call <a href=\"tel:+441164960000\""));
  CHECK(contains(html, "<a href=\"*|UNSUB|*\" style=\"color:#0b0c0c;text-decoration:underline;\">Unsubscribe from these emails</a>"));

  std::string text = site.read("public/newsletters/autumn-2024/email.txt");
  CHECK(contains(text, "Safeguarding Matters · Issue 2\n\nSafeguarding Matters – Autumn 2024\n"));
  CHECK(contains(text, "View in your browser: https://safeguarding.testshire.example/newsletters/autumn-2024/\n"));
  CHECK(contains(text, "Read the briefing\n(https://safeguarding.testshire.example/briefings/neglect/) before the\ntraining.\n"));
  CHECK(contains(text, "- 0116 496 0000 – Office hours\n"));
  CHECK(contains(text, "Unsubscribe from these emails: *|UNSUB|*\n"));
  CHECK_FALSE(contains(text, "<"));

  // Without email:, no edition.
  site.write("herald.yaml", site.read("herald.yaml").substr(0, site.read("herald.yaml").find("email:")));
  site.commit("no email");
  auto plain = site.herald("build --now 2024-12-01T12:00:00");
  REQUIRE(plain.exit_code == 0);
  CHECK_FALSE(site.exists("public/newsletters/autumn-2024/email.html"));
  CHECK_FALSE(site.exists("public/newsletters/autumn-2024/autumn-2024.eml"));
}

TEST_CASE("the .eml, read by Python's email package: multipart/alternative, UTF-8, the issue's headers, no To") {
  TempSite site;
  write_email_site(site);
  site.commit("the site", "2024-11-01T10:00:00+00:00");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  auto r = read_messages(site.dir() + "/public/newsletters/autumn-2024/autumn-2024.eml");
  INFO(r.out);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"problems\": []"));
  CHECK(contains(r.out, "\"From\": \"Testshire Safeguarding Partnership <newsletter@testshire.example>\""));
  CHECK(contains(r.out, "\"from_name\": \"Testshire Safeguarding Partnership\""));
  CHECK(contains(r.out, "\"Reply-To\": \"business.office@testshire.example\""));
  CHECK(contains(r.out, "\"Subject\": \"Safeguarding Matters – Autumn 2024\""));
  // The newsletter's date, midnight in the site's time zone (GMT by then).
  CHECK(contains(r.out, "\"Date\": \"Mon, 28 Oct 2024 00:00:00 +0000\""));
  CHECK(contains(r.out, "\"date\": \"2024-10-28T00:00:00+00:00\""));
  CHECK(std::regex_search(r.out, std::regex("\"Message-ID\": \"<newsletters\\.autumn-2024\\.[0-9a-f]{16}@safeguarding\\.testshire\\.example>\"")));
  CHECK(contains(r.out, "\"MIME-Version\": \"1.0\""));
  CHECK_FALSE(contains(r.out, "\"To\":"));
  CHECK(contains(r.out, "\"content_type\": \"multipart/alternative\""));
  CHECK(contains(r.out, "\"type\": \"text/plain\",\n     \"charset\": \"utf-8\",\n     \"encoding\": \"quoted-printable\""));
  CHECK(contains(r.out, "\"type\": \"text/html\",\n     \"charset\": \"utf-8\",\n     \"encoding\": \"quoted-printable\""));
  CHECK(contains(r.out, "\"shown\": \"text/html\""));
  // The parts are the edition's files, as they are (line ends as CRLF).
  CHECK(contains(r.out, "Safeguarding Matters · Issue 2\\r\\n\\r\\nSafeguarding Matters – Autumn 2024\\r\\n"));
  CHECK(contains(r.out, "Unsubscribe from these emails</a></p>\\r\\n"));
  // A September issue is dated in summer time; a newsletter in Welsh is named in Welsh.
  site.write("herald.yaml", std::regex_replace(site.read("herald.yaml"), std::regex("language: en-GB"), "language: cy"));
  site.write("herald.yaml", std::regex_replace(site.read("herald.yaml"), std::regex("Testshire Safeguarding Partnership <"),
                                               "Partneriaeth Diogelu Swydd Prawf – Cymru <"));
  site.write("content/newsletters/medi-2024.md",
             "---\ntitle: Cylchlythyr – Medi 2024\ndate: 2024-09-16T09:30:00\n---\n\n## Croeso\n\nCroeso i’r cylchlythyr.\n");
  site.commit("Welsh");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  auto welsh = read_messages(site.dir() + "/public/newsletters/medi-2024/medi-2024.eml");
  INFO(welsh.out);
  CHECK(welsh.exit_code == 0);
  CHECK(contains(welsh.out, "\"Subject\": \"Cylchlythyr – Medi 2024\""));
  CHECK(contains(welsh.out, "\"from_name\": \"Partneriaeth Diogelu Swydd Prawf – Cymru\""));
  CHECK(contains(welsh.out, "\"Date\": \"Mon, 16 Sep 2024 09:30:00 +0100\""));
  CHECK(contains(welsh.out, "\"Content-Language\": \"cy\""));
  CHECK(contains(welsh.out, "Croeso i’r cylchlythyr."));
  CHECK(contains(site.read("public/newsletters/medi-2024/email.html"), "<html lang=\"cy\""));
}

TEST_CASE("the same commit builds the same edition, byte for byte, with the build cache or without") {
  TempSite site;
  write_email_site(site);
  site.commit("the site", "2024-11-01T10:00:00+00:00");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  auto first = herald::test::read_tree(site.dir() + "/public/newsletters/autumn-2024");
  REQUIRE(first.count("email.html"));
  // Again from the cache (kept), then from nothing: the same bytes, whatever the clock says.
  REQUIRE(site.herald("build --now 2024-12-02T12:00:00").exit_code == 0);
  CHECK(herald::test::read_tree(site.dir() + "/public/newsletters/autumn-2024") == first);
  run_command("rm -rf '" + site.dir() + "/.herald-cache' '" + site.dir() + "/public'");
  REQUIRE(site.herald("build --now 2025-06-01T12:00:00").exit_code == 0);
  CHECK(herald::test::read_tree(site.dir() + "/public/newsletters/autumn-2024") == first);
}

TEST_CASE("the edition is made again when what it shows changes: the contacts, a picture, the settings") {
  TempSite site;
  write_email_site(site);
  site.commit("the site", "2024-11-01T10:00:00+00:00");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  // A new number in the contacts.
  site.write("data/contacts.yaml", std::regex_replace(site.read("data/contacts.yaml"), std::regex("0116 496 0000"), "0116 496 0001"));
  site.commit("new number");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  CHECK(contains(site.read("public/newsletters/autumn-2024/email.html"), ">0116 496 0001</a>"));
  CHECK(contains(site.read("public/newsletters/autumn-2024/email.txt"), "0116 496 0001"));
  CHECK(contains(site.read("public/newsletters/autumn-2024/autumn-2024.eml"), "0116 496 0001"));
  // A narrower picture, the page unchanged.
  site.write("content/newsletters/autumn-2024/photo.png", png(300, 200));
  site.commit("smaller photo");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  CHECK(contains(site.read("public/newsletters/autumn-2024/email.html"), "width=\"300\" height=\"200\""));
  // Another unsubscribe link.
  site.write("herald.yaml", std::regex_replace(site.read("herald.yaml"), std::regex("\"\\*\\|UNSUB\\|\\*\""),
                                               "https://lists.testshire.example/leave"));
  site.commit("unsubscribe page");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  CHECK(contains(site.read("public/newsletters/autumn-2024/email.html"), "href=\"https://lists.testshire.example/leave\""));
  CHECK(contains(site.read("public/newsletters/autumn-2024/autumn-2024.eml"),
                 "List-Unsubscribe: <https://lists.testshire.example/leave>\r\n"));
}

TEST_CASE("a PNG logo is in the band of the site's name; an SVG one is left out") {
  TempSite site;
  write_email_site(site);
  site.write("static/logo.png", png(300, 100));
  site.write("herald.yaml", site.read("herald.yaml") + "logo: static/logo.png\n");
  site.commit("the site", "2024-11-01T10:00:00+00:00");
  auto build = site.herald("build --now 2024-12-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(contains(site.read("public/newsletters/autumn-2024/email.html"),
                 "<img src=\"https://safeguarding.testshire.example/logo.png\" alt=\"\" width=\"120\" height=\"40\""));
  site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 10\"/>");
  site.write("herald.yaml", std::regex_replace(site.read("herald.yaml"), std::regex("logo.png"), "logo.svg"));
  site.commit("svg");
  REQUIRE(site.herald("build --now 2024-12-01T12:00:00").exit_code == 0);
  CHECK_FALSE(contains(site.read("public/newsletters/autumn-2024/email.html"), "logo.svg"));
}

TEST_CASE("a newsletter whose email would be over 100 KB, or with a picture without alt text, stops the build") {
  TempSite site;
  write_email_site(site);
  std::string long_body;
  for (int i = 0; i < 1000; ++i) long_body += "A paragraph of the annual report, pasted whole into the newsletter. ";
  for (int i = 0; i < 4; ++i) long_body += "\n\n" + long_body.substr(0, 10000);
  site.write("content/newsletters/long.md", "---\ntitle: Long\ndate: 2024-11-20\n---\n\n## Everything\n\n" + long_body + "\n");
  site.write("content/newsletters/photos.md", "---\ntitle: Photos\ndate: 2024-11-21\n---\n\n## Photos\n\n![](/images/x.png)\n");
  site.write("static/images/x.png", png(10, 10));
  site.commit("too long");
  auto build = site.herald("build --now 2024-12-01T12:00:00");
  CHECK(build.exit_code == 1);
  CHECK(contains(build.err, "content/newsletters/long.md:1:1: error: the newsletter's email edition is "));
  CHECK(contains(build.err, " KB, over the 100 KB that Gmail shows before it cuts a message short, hiding its end "
                            "and the unsubscribe link: shorten the newsletter, or move long parts to pages of the "
                            "site and link to them\n"));
  CHECK(contains(build.err, "content/newsletters/photos.md:8:1: error: image '/images/x.png' has no alt text, which "
                            "the newsletter's email edition needs"));
  CHECK_FALSE(site.exists("public/index.html"));
  auto check = site.herald("check --now 2024-12-01T12:00:00");
  CHECK(check.exit_code == 1);
  CHECK(contains(check.err, "content/newsletters/long.md:1:1: error: the newsletter's email edition is "));
}
