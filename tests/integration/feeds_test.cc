// Integration: every feed and calendar is read back by real clients (feedparser, icalendar, xmllint).
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::run_command;
using herald::test::contains;
using herald::test::TempSite;

namespace {


const std::string kHostile = "Tom & Jerry <b>bold</b> ]]> \\\"quoted\\\"\\x01 \xF0\x9F\x98\x80 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA";

void write_feed_site(TempSite& site) {
  site.write_minimal_site();
  site.write("content/events/course.md",
             "---\ntitle: Two-day course\nsessions:\n  - {start: 2025-01-20T09:30:00, end: 2025-01-20T12:00:00}\n"
             "  - {start: 2025-06-15T09:30:00, end: 2025-06-15T12:00:00}\nlocation: \"Hall 1, Testshire\"\n---\n\nA course.\n");
  site.write("content/newsletters/hostile/chart.png", "PNG");
  site.write("content/newsletters/hostile/index.md",
             "---\ntitle: \"" + kHostile + "\"\ndate: 2024-05-01\nsummary: \"Summary with <i>tags</i> & ]]>\"\n---\n\n"
             "## Article\n\nSee [the briefing](/briefings/neglect/) and ![a chart](chart.png).\n");
}

}  // namespace

TEST_CASE("every feed is read by feedparser and every calendar by icalendar") {
  TempSite site;
  write_feed_site(site);
  site.commit("the site", "2024-05-02T10:00:00+01:00");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  auto r = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/check_feeds.py' '" + site.dir() +
                       "/public' https://safeguarding.testshire.example/");
  INFO(r.out);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "\"problems\": []"));
  for (const char* feed : {"feed.xml", "atom.xml", "feed.json", "briefings/feed.xml", "newsletters/atom.xml",
                           "events/feed.json", "procedures/changes/feed.xml", "topics/neglect/feed.xml",
                           "audience/practitioners/atom.xml"}) {
    CAPTURE(feed);
    CHECK(contains(r.out, std::string("\"") + feed + "\""));
  }
  // Sessions in winter (GMT) and summer (BST) at the right instants.
  CHECK(contains(r.out, "\"2025-01-20T09:30:00+00:00\""));
  CHECK(contains(r.out, "\"2025-06-15T09:30:00+01:00\""));
  CHECK(contains(r.out, "\"course-2@safeguarding.testshire.example\""));
  // Links in full content are absolute.
  std::string rss = site.read("public/newsletters/feed.xml");
  CHECK(contains(rss, "&lt;a href=\"https://safeguarding.testshire.example/briefings/neglect/\"&gt;the briefing&lt;/a&gt;"));
  CHECK(contains(rss, "&lt;img src=\"https://safeguarding.testshire.example/newsletters/hostile/chart.png\" alt=\"a chart\" /&gt;"));
  CHECK(contains(rss, "<atom:link href=\"https://safeguarding.testshire.example/newsletters/feed.xml\" rel=\"self\""));
  CHECK(contains(rss, "<pubDate>Wed, 01 May 2024 00:00:00 +0100</pubDate>"));
}

TEST_CASE("xmllint accepts every XML file") {
  TempSite site;
  write_feed_site(site);
  site.commit("the site");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  auto r = run_command("cd '" + site.dir() + "/public' && find . -name '*.xml' -print0 | xargs -0 xmllint --noout && "
                       "find . -name '*.xml' | wc -l");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::stoi(r.out) == 17);  // sitemap + RSS and Atom for the site, 5 sections, 1 topic, 1 audience
}

TEST_CASE("hostile text survives every feed unchanged") {
  TempSite site;
  write_feed_site(site);
  site.commit("the site");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string script =
      "import feedparser, json, sys\n"
      "for name in ('feed.xml', 'atom.xml'):\n"
      "    d = feedparser.parse(sys.argv[1] + '/newsletters/' + name, sanitize_html=False)\n"
      "    assert not d.bozo, d.bozo_exception\n"
      "    print(name, d.entries[0].title)\n"
      "j = json.load(open(sys.argv[1] + '/newsletters/feed.json', encoding='utf-8'))\n"
      "print('feed.json', j['items'][0]['title'])\n";
  site.write("read.py", script);
  auto r = run_command("/usr/bin/python3 '" + site.dir() + "/read.py' '" + site.dir() + "/public'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string expected = "Tom & Jerry <b>bold</b> ]]> \"quoted\" \xF0\x9F\x98\x80 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA";
  CHECK(contains(r.out, "atom.xml " + expected + "\n"));
  CHECK(contains(r.out, "feed.json " + expected + "\n"));
  CHECK(contains(r.out, "feed.xml " + expected + "\n"));
}

TEST_CASE("embeds open links in the parent window; the feeds page lists every feed") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  std::string embed = site.read("public/embed/briefings/index.html");
  CHECK(contains(embed, "<base target=\"_parent\">"));
  CHECK(contains(embed, "href=\"https://safeguarding.testshire.example/briefings/neglect/\" target=\"_parent\""));
  CHECK_FALSE(contains(embed, "herald-nav"));
  std::string feeds = site.read("public/feeds/index.html");
  CHECK(contains(feeds, "&lt;iframe src=&quot;https://safeguarding.testshire.example/embed/briefings/&quot;"));
  CHECK(contains(feeds, "https://safeguarding.testshire.example/topics/neglect/feed.xml"));
  CHECK(contains(site.read("public/briefings/index.html"),
                 "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"7-minute briefings (RSS)\" href=\"../briefings/feed.xml\">"));
}

TEST_CASE("two newsletter series: each has a full-content feed of its own, read by feedparser; one series has none") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/newsletters/spring.md",
             "---\ntitle: Spring bulletin\ndate: 2024-03-01\n---\n\nThe spring bulletin's text.\n");
  site.write("content/newsletters/summer.md",
             "---\ntitle: Summer issue\ndate: 2024-06-01\nseries: Safeguarding Matters\n---\n\nThe summer issue's text.\n");
  site.commit("one series");
  auto one = site.herald("build --now 2024-07-01T12:00:00");
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  CHECK_FALSE(site.exists("public/newsletters/series"));
  site.write("content/newsletters/spring.md",
             "---\ntitle: Spring bulletin\ndate: 2024-03-01\nseries: Practice Bulletin\n---\n\nThe spring bulletin's text.\n");
  site.write("content/newsletters/autumn.md",
             "---\ntitle: Autumn issue\ndate: 2024-06-15\nseries: Safeguarding Matters\n---\n\nThe autumn issue's text.\n");
  site.commit("two series");
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  site.write("read.py",
             "import feedparser, sys\n"
             "for series in ('practice-bulletin', 'safeguarding-matters'):\n"
             "    d = feedparser.parse(sys.argv[1] + '/newsletters/series/' + series + '/atom.xml', sanitize_html=False)\n"
             "    assert not d.bozo, d.bozo_exception\n"
             "    print(series, d.feed.title, '|', ', '.join(e.title + ': ' + e.content[0].value.strip() for e in d.entries))\n");
  auto r = run_command("/usr/bin/python3 '" + site.dir() + "/read.py' '" + site.dir() + "/public'");
  INFO(r.err);
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "practice-bulletin Practice Bulletin – Testshire Safeguarding Partnership | "
                        "Spring bulletin: <p>The spring bulletin's text.</p>\n"));
  CHECK(contains(r.out, "safeguarding-matters Safeguarding Matters – Testshire Safeguarding Partnership | "
                        "Autumn issue: <p>The autumn issue's text.</p>, Summer issue: <p>The summer issue's text.</p>, "
                        "Spring 2024: "));  // the minimal site's issue, of the same series
  CHECK(site.exists("public/newsletters/series/practice-bulletin/feed.json"));
  CHECK(contains(site.read("public/feeds/index.html"), "/newsletters/series/safeguarding-matters/feed.xml"));
}
