// Tests for config/config: herald.yaml values, defaults and every error.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "config/config.h"
#include "core/version.h"

using namespace herald;
using herald::test::messages;

TEST_CASE("a full herald.yaml is read") {
  Diagnostics diags;
  auto config = parse_config(
      "title: Northbrook Safeguarding Partnership\n"
      "base_url: https://safeguarding.northbrook.example\n"
      "timezone: Europe/London\n"
      "brand_colour: \"#1d5b79\"\n"
      "accessibility:\n  contact_email: a11y@northbrook.example\n  reviewed: 2024-03-01\n"
      "feeds: { items: 5, full_content: false }\n"
      "procedures: { release_tags: \"release-*\" }\n"
      "briefings:\n  review_types: { cspr-thematic: \"Thematic review\" }\n"
      "reports:\n  report_types: { needs-assessment: \"Joint needs assessment\" }\n",
      "herald.yaml", diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  CHECK(config->base_url == "https://safeguarding.northbrook.example/");
  CHECK(config->absolute_url("/briefings/") == "https://safeguarding.northbrook.example/briefings/");
  CHECK(config->base_path() == "/");
  CHECK(config->feed_items == 5);
  CHECK_FALSE(config->feed_full_content);
  CHECK(config->release_tags == "release-*");
  CHECK(config->review_type_name("sar") == "Safeguarding Adults Review");
  CHECK(config->review_type_name("cspr-thematic") == "Thematic review");
  CHECK(config->accessibility_email == "a11y@northbrook.example");
  CHECK(config->report_type_name("annual-report") == "Annual report");
  CHECK(config->report_type_name("needs-assessment") == "Joint needs assessment");
  CHECK(config->report_types.back().first == "needs-assessment");
}

TEST_CASE("report types: a site's own must be slugs; reports must be a map; unknown settings in it warn") {
  Diagnostics diags;
  auto config = parse_config("title: T\nreports:\n  report_types: { \"Needs Assessment\": x }\n  report_typs: {}\n",
                             "herald.yaml", diags);
  CHECK_FALSE(config);
  CHECK(messages(diags) == std::vector<std::string>{
                               "herald.yaml:3:19: error: report type 'Needs Assessment' must use lower-case letters, "
                               "digits and hyphens",
                               "herald.yaml:4:3: warning: unknown setting 'report_typs' in 'reports' (did you mean "
                               "'report_types'?)"});
  Diagnostics again;
  CHECK_FALSE(parse_config("title: T\nreports: annual\n", "herald.yaml", again));
  CHECK(messages(again) == std::vector<std::string>{"herald.yaml:2:10: error: 'reports' must be a map of settings"});
}

TEST_CASE("accessibility.known_issues lists the statement's non-accessible content, and must be a list") {
  Diagnostics diags;
  auto config = parse_config(
      "title: T\naccessibility:\n  known_issues:\n    - Some older PDFs are not tagged.\n    - \"\"\n"
      "    - Maps in event pages have no text alternative.\n",
      "herald.yaml", diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  CHECK(config->accessibility_known_issues ==
        std::vector<std::string>{"Some older PDFs are not tagged.", "Maps in event pages have no text alternative."});

  Diagnostics bad;
  CHECK_FALSE(parse_config("title: T\naccessibility:\n  known_issues: PDFs are not tagged\n", "herald.yaml", bad));
  CHECK(messages(bad) == std::vector<std::string>{
            "herald.yaml:3:17: error: 'known_issues' must be a list, one problem a line"});
}

TEST_CASE("a base_url with a path gives the base path") {
  Diagnostics diags;
  auto config = parse_config("title: T\nbase_url: https://example.org/site/\n", "herald.yaml", diags);
  REQUIRE(config);
  CHECK(config->base_path() == "/site/");
}

TEST_CASE("a brand colour below 4.5:1 against white fails with the ratio") {
  Diagnostics diags;
  auto config = parse_config("title: T\nbrand_colour: \"#ffdd00\"\n", "herald.yaml", diags);
  CHECK_FALSE(config);
  CHECK(messages(diags) == std::vector<std::string>{
            "herald.yaml:2:15: error: brand_colour '#ffdd00' has a contrast ratio of 1.34:1 with white text; "
            "at least 4.5:1 is needed so that text on it can be read"});
  CHECK(contrast_ratio("#000000", "#ffffff").value() == doctest::Approx(21.0));
}

TEST_CASE("configuration errors and warnings") {
  Diagnostics diags;
  auto config = parse_config("titel: T\ntimezone: Europe/Nowhere\n", "herald.yaml", diags);
  CHECK_FALSE(config);
  CHECK(messages(diags) == std::vector<std::string>{
            "herald.yaml:1:1: error: herald.yaml has no 'title': give the partnership's name",
            "herald.yaml:1:1: warning: unknown setting 'titel' (did you mean 'title'?)",
            "herald.yaml:2:11: error: unknown timezone 'Europe/Nowhere': expected a tz database name such as Europe/London"});
}

TEST_CASE("invalid YAML reports the line") {
  Diagnostics diags;
  auto config = parse_config("title: T\nfeeds: [unclosed\n", "herald.yaml", diags);
  CHECK_FALSE(config);
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].where.line == 3);
  CHECK(all[0].message.rfind("invalid YAML: ", 0) == 0);
}

TEST_CASE("language must be a language tag: a bad one would stop the search index being made") {
  for (const char* good : {"en-GB", "cy", "cy-GB", "en"}) {
    Diagnostics diags;
    auto config = parse_config(std::string("title: T\nlanguage: ") + good + "\n", "herald.yaml", diags);
    REQUIRE(config);
    CHECK(config->language == good);
  }
  for (const char* bad : {"english", "en_GB", "e", "en-GB-"}) {
    CAPTURE(bad);
    Diagnostics diags;
    CHECK_FALSE(parse_config(std::string("title: T\nlanguage: ") + bad + "\n", "herald.yaml", diags));
    CHECK(messages(diags) == std::vector<std::string>{
              std::string("herald.yaml:2:11: error: language '") + bad +
              "' must be a language tag such as en-GB (English as written in the United Kingdom), en or cy (Welsh)"});
  }
}

TEST_CASE("base_url must be an http or https address") {
  for (const char* bad : {"javascript:alert(1)//", "/site/", "file:///var/www/", "https://", "//x.example/",
                          "https://x.example/?a=1", "https://x.example/\"onload"}) {
    CAPTURE(bad);
    Diagnostics diags;
    CHECK_FALSE(parse_config(std::string("title: T\nbase_url: '") + bad + "'\n", "herald.yaml", diags));
    CHECK(messages(diags) == std::vector<std::string>{std::string("herald.yaml:2:11: error: base_url '") + bad +
                                                      "' must be a web address such as https://example.org/"});
  }
  Diagnostics diags;
  CHECK(parse_config("title: T\nbase_url: http://intranet.example/safeguarding\n", "herald.yaml", diags));
  CHECK(messages(diags).empty());
}

TEST_CASE("the accessibility contact_email must be an email address, and logo's place is kept") {
  Diagnostics diags;
  CHECK_FALSE(parse_config("title: T\naccessibility:\n  contact_email: a11y@x.example?subject=Hi\n", "herald.yaml", diags));
  CHECK(messages(diags) == std::vector<std::string>{
            "herald.yaml:3:18: error: contact_email 'a11y@x.example?subject=Hi' is not an email address such as "
            "accessibility@example.org"});
  Diagnostics fine;
  auto config = parse_config("title: T\nlogo: static/logo.svg\n", "herald.yaml", fine);
  REQUIRE(config);
  CHECK(config->logo == "static/logo.svg");
  CHECK(config->logo_at.line == 2);
  CHECK(config->logo_at.column == 7);
}

TEST_CASE("herald: names the version that publishes the site; another version warns at its line") {
  const std::string series = version_series(HERALD_VERSION);
  Diagnostics same;
  auto config = parse_config("title: T\nherald: \"" + series + "\"\n", "herald.yaml", same);
  REQUIRE(config);
  CHECK(messages(same).empty());
  CHECK(config->herald_version == series);
  Diagnostics exact;
  CHECK(parse_config(std::string("title: T\nherald: ") + HERALD_VERSION + "\n", "herald.yaml", exact));
  CHECK(messages(exact).empty());
  Diagnostics absent;
  CHECK(parse_config("title: T\n", "herald.yaml", absent));
  CHECK(messages(absent).empty());

  Diagnostics other;
  CHECK(parse_config("title: T\nherald: \"99.1\"\n", "herald.yaml", other));
  CHECK(messages(other) ==
        std::vector<std::string>{"herald.yaml:2:9: warning: this site asks for herald 99.1, but this is herald " +
                                 std::string(HERALD_VERSION) +
                                 ": install herald 99.1 to see the site as it will be published (the guide "
                                 "\"Install herald\" says how), or change this line to herald: \"" +
                                 series + "\" to publish it with this version"});
  // A release other than this one warns too, though it is in the same series.
  Diagnostics release;
  auto running = *parse_version(HERALD_VERSION);
  std::string other_release = series + "." + std::to_string(running.size() > 2 ? running[2] + 1 : 1);
  CHECK(parse_config("title: T\nherald: " + other_release + "\n", "herald.yaml", release));
  REQUIRE(messages(release).size() == 1);
  CHECK(messages(release)[0].find("warning: this site asks for herald " + other_release + ",") != std::string::npos);

  Diagnostics bad;
  CHECK_FALSE(parse_config("title: T\nherald: latest\n", "herald.yaml", bad));
  CHECK(messages(bad) == std::vector<std::string>{"herald.yaml:2:9: error: 'herald' must be the version of herald "
                                                  "that publishes the site, written as \"" +
                                                  series + "\", not 'latest'"});
}

TEST_CASE("a tab indenting herald.yaml, or an invisible character in a value, is named where it is") {
  Diagnostics diags;
  CHECK_FALSE(parse_config("title: T\nfeeds:\n\titems: 5\n", "herald.yaml", diags));
  CHECK(messages(diags) == std::vector<std::string>{
            "herald.yaml:3:1: error: invalid YAML: a tab character: YAML needs spaces to indent; replace the tab "
            "with spaces"});
  Diagnostics values;
  CHECK_FALSE(parse_config("title: T\nbase_url: https://x.example/\xe2\x80\x8b\nbrand_colour: \"#1d5b79\xc2\xa0\"\n"
                           "descri\xc2\xad" "ption: d\n",
                           "herald.yaml", values));
  CHECK(messages(values) == std::vector<std::string>{
            "herald.yaml:2:29: error: base_url 'https://x.example/\xe2\x80\x8b' must be a web address such as "
            "https://example.org/: it contains a zero-width space at the end, which cannot be seen",
            "herald.yaml:3:23: error: brand_colour '#1d5b79\xc2\xa0' must be a colour written as #rrggbb: it "
            "contains a non-breaking space at the end, which looks like a space but is not one",
            "herald.yaml:4:7: warning: unknown setting 'descri\xc2\xad" "ption' (did you mean 'description'?): it "
            "contains a soft hyphen after 'descri', which cannot be seen"});
}
