// Tests for commands/init_skeleton: the skeleton's files, its placeholders and the checks of --title and --base-url.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "commands/init_skeleton.h"
#include "config/config.h"
#include "core/datetime.h"
#include "core/version.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

namespace {

SiteValues values(std::string title = "Eastshire Safeguarding Partnership") {
  // 2024-06-30T23:30:00Z: already 1 July in London (BST).
  return site_values(std::move(title), "https://safeguarding.eastshire.example/", 1719790200);
}

std::map<std::string, std::string> files(bool example, const SiteValues& v = values(),
                                         const std::vector<std::string>& languages = {}) {
  std::map<std::string, std::string> out;
  for (auto& [path, bytes] : skeleton_files(v, example, languages)) {
    CHECK_MESSAGE(!out.count(path), "two skeleton files write ", path);
    out[path] = bytes;
  }
  return out;
}

/// Every {{...}} left in `text` that is not a shortcode or a GitHub expression.
std::vector<std::string> unfilled(const std::string& text) {
  std::vector<std::string> left;
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    std::string rest = text.substr(at, 40);
    bool expression = at > 0 && text[at - 1] == '$';
    bool shortcode = rest.rfind("{{phone ", 0) == 0 || rest.rfind("{{contact ", 0) == 0 ||
                     rest.rfind("{{contact id}}", 0) == 0 || rest.rfind("{{phone id}}", 0) == 0;
    if (!expression && !shortcode) left.push_back(rest);
  }
  return left;
}

}  // namespace

TEST_CASE("the site's dates are London's, for the day init runs") {
  SiteValues v = values();
  CHECK(v.today == "2024-07-01");
  CHECK(v.in_four_weeks == "2024-07-29");
  CHECK(v.in_two_years == "2026-07-01");
  CHECK(v.herald_series == version_series(HERALD_VERSION));
  CHECK(site_values("T", "https://a.example/", 1704067200).today == "2024-01-01");  // midnight GMT
  SiteValues leap = site_values("T", "https://a.example/", 1709208000);                 // 2024-02-29T12:00:00Z
  CHECK(leap.today == "2024-02-29");
  CHECK(leap.in_two_years == "2026-02-28");
}

TEST_CASE("placeholders are filled, escaped for where they stand; shortcodes and expressions are kept") {
  SiteValues v = values("Tom & \"Jerry\" <Partnership>");
  CHECK(fill_placeholders("# {{title}}\ntitle: \"{{title_yaml}}\"\n<title>{{title_xml}}</title>", v) ==
        "# Tom & \"Jerry\" <Partnership>\ntitle: \"Tom & \\\"Jerry\\\" <Partnership>\"\n"
        "<title>Tom &amp; &quot;Jerry&quot; &lt;Partnership&gt;</title>");
  CHECK(fill_placeholders("{{base_url}} {{date}} {{in_four_weeks}} {{in_two_years}} {{herald_series}}", v) ==
        "https://safeguarding.eastshire.example/ 2024-07-01 2024-07-29 2026-07-01 " + v.herald_series);
  CHECK(fill_placeholders("Call {{phone emergency}}. ${{ github.token }} {{title", v) ==
        "Call {{phone emergency}}. ${{ github.token }} {{title");
  CHECK(fill_placeholders("{{{{title}}}}", v) == "{{Tom & \"Jerry\" <Partnership>}}");
}

TEST_CASE("a new site has the files of the contract, each placeholder filled") {
  auto site = files(false);
  std::set<std::string> paths;
  for (const auto& [path, bytes] : site) paths.insert(path);
  CHECK(paths == std::set<std::string>{".github/workflows/publish.yml", ".gitignore", "README.md",
                                       "content/_index.md", "content/pages/about.md", "data/contacts.yaml",
                                       "herald.yaml", "static/logo.svg"});
  for (const auto& [path, bytes] : site) {
    CAPTURE(path);
    CHECK(unfilled(bytes).empty());
    CHECK_FALSE(bytes.empty());
  }
  CHECK(site["static/logo.svg"].find("<title id=\"logo-title\">Eastshire Safeguarding Partnership</title>") !=
        std::string::npos);
  CHECK(site["README.md"].find("# Eastshire Safeguarding Partnership: the website") == 0);
  CHECK(site["data/contacts.yaml"].find("number: \"999\"") != std::string::npos);
  CHECK(site["data/contacts.yaml"].find("example, not a real contact") != std::string::npos);
}

TEST_CASE("herald.yaml of a new site is read without a message, naming this herald's series") {
  for (const char* title : {"Eastshire Safeguarding Partnership", "Tom & \"Jerry\": a partnership\\"}) {
    CAPTURE(title);
    auto site = files(false, values(title));
    Diagnostics diags;
    auto config = parse_config(site["herald.yaml"], "herald.yaml", diags);
    REQUIRE(config);
    CHECK(messages(diags).empty());
    CHECK(config->title == title);
    CHECK(config->base_url == "https://safeguarding.eastshire.example/");
    CHECK(config->herald_version == version_series(HERALD_VERSION));
    CHECK(config->language == "en-GB");
    CHECK(config->timezone_name == "Europe/London");
    CHECK(config->logo == "static/logo.svg");
  }
}

TEST_CASE("--example adds one example of each kind, each in a folder of its own, none replacing a site file") {
  auto site = files(false);
  auto example = files(true);
  std::vector<std::string> added;
  for (const auto& [path, bytes] : example) {
    if (site.count(path)) {
      CHECK(site[path] == bytes);
      continue;
    }
    added.push_back(path);
    CAPTURE(path);
    CHECK(unfilled(bytes).empty());
    CHECK(bytes.find("example") != std::string::npos);
  }
  // The example meeting's file is named by its date, four weeks on.
  CHECK(added == std::vector<std::string>{"content/briefings/example-briefing.md", "content/events/example-event.md",
                                          "content/meetings/example-board/2024-07-29.md",
                                          "content/meetings/example-board/_index.md",
                                          "content/newsletters/example-newsletter.md",
                                          "content/procedures/example-manual/_index.md",
                                          "content/procedures/example-manual/example-chapter.md",
                                          "content/reports/example-report.md"});
  // Dated so that nothing is scheduled, no event is past and no chapter overdue.
  CHECK(example["content/newsletters/example-newsletter.md"].find("date: 2024-07-01\n") != std::string::npos);
  CHECK(example["content/briefings/example-briefing.md"].find("date: 2024-07-01\n") != std::string::npos);
  CHECK(example["content/events/example-event.md"].find("start: 2024-07-29T09:30:00\n") != std::string::npos);
  CHECK(example["content/procedures/example-manual/example-chapter.md"].find("review_due: 2026-07-01\n") !=
        std::string::npos);
  // Every embedded file is the site's or an example kind's.
  for (const SkeletonFile& f : builtin_init_files()) {
    CAPTURE(f.path);
    CHECK((f.path.rfind("site/", 0) == 0 || f.path.rfind("example/", 0) == 0 || f.path.rfind("languages/", 0) == 0));
  }
}

TEST_CASE("--languages en-GB,cy: herald.yaml names both, the Welsh home and about pages are added, the contacts "
          "have their Welsh") {
  auto site = files(false);
  auto bilingual = files(false, values(), {"en-GB", "cy"});
  std::vector<std::string> added;
  for (const auto& [path, bytes] : bilingual) {
    CAPTURE(path);
    CHECK(unfilled(bytes).empty());
    if (!site.count(path)) added.push_back(path);
    else if (path == "data/contacts.yaml") CHECK(bytes.find("  name_cy: Gwasanaethau brys\n") != std::string::npos);
    else if (path != "herald.yaml") CHECK(site[path] == bytes);
  }
  CHECK(bilingual.size() == site.size() + 2);  // the contacts once, in place of the English alone
  CHECK(added == std::vector<std::string>{"content/_index.cy.md", "content/pages/about.cy.md"});
  Diagnostics diags;
  auto config = parse_config(bilingual["herald.yaml"], "herald.yaml", diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  REQUIRE(config->languages.size() == 2);
  CHECK(config->languages[0].tag == "en-GB");
  CHECK(config->languages[1].tag == "cy");
  CHECK(config->languages[1].folder == "cy/");
  // English alone, named: herald.yaml's one language.
  auto english = files(false, values(), {"en"});
  CHECK(english.size() == site.size());
  CHECK(english["herald.yaml"].find("\nlanguage: en\n") != std::string::npos);
  // With --example: the examples stay English, the Welsh pages are the same two.
  auto example = files(true, values(), {"en-GB", "cy"});
  size_t welsh = 0;
  for (const auto& [path, bytes] : example) welsh += path.find(".cy.md") != std::string::npos;
  CHECK(welsh == 2);
}

TEST_CASE("--languages: English first, then Welsh, each once") {
  std::vector<std::string> tags;
  CHECK(check_languages("en-GB,cy", tags) == "");
  CHECK(tags == std::vector<std::string>{"en-GB", "cy"});
  CHECK(check_languages(" en-GB , cy-GB ", tags) == "");
  CHECK(tags == std::vector<std::string>{"en-GB", "cy-GB"});
  CHECK(check_languages("en", tags) == "");
  CHECK(tags == std::vector<std::string>{"en"});
  CHECK(check_languages("cy,en-GB", tags).find("must start with English (en-GB)") == 0);
  CHECK(check_languages("", tags).find("has an empty place") == 0);
  CHECK(check_languages("en-GB,", tags).find("has an empty place") == 0);
  CHECK(check_languages("en-GB,en-US", tags).find("names English twice") == 0);
  CHECK(check_languages("en-GB,cy,cy-GB", tags).find("names 'cy-GB' twice") == 0);
  CHECK(check_languages("en-GB,ga", tags).find("names 'ga', a language herald init has no pages in") == 0);
  CHECK(check_languages("en-GB;cy", tags).find("names 'en-GB;cy', which is not a language tag") == 0);
}

TEST_CASE("the title is one line of text, trimmed") {
  std::string title = "  Eastshire Safeguarding Partnership \n";
  CHECK(check_title(title) == "");
  CHECK(title == "Eastshire Safeguarding Partnership");
  std::string empty = "   ";
  CHECK(check_title(empty) == "is empty: give the partnership's name, such as \"Eastshire Safeguarding Partnership\"");
  std::string two_lines = "Eastshire\nPartnership";
  CHECK(check_title(two_lines) == "must be one line of text, with no tabs or control characters");
  std::string latin1 = "Caerdydd \xE2 partneriaeth";
  CHECK(check_title(latin1) == "is not readable text (it is not UTF-8)");
  std::string welsh = "Partneriaeth Diogelu Caerdydd \xC3\xA2";
  CHECK(check_title(welsh) == "");
}

TEST_CASE("the web address is an absolute http(s) URL; its final slash is added") {
  std::string url = " https://safeguarding.eastshire.example ";
  CHECK(check_base_url(url) == "");
  CHECK(url == "https://safeguarding.eastshire.example/");
  std::string pages = "HTTPS://eastshire.github.io/site";
  CHECK(check_base_url(pages) == "");
  CHECK(pages == "https://eastshire.github.io/site/");
  std::string port = "http://localhost:8000/";
  CHECK(check_base_url(port) == "");
  CHECK(port == "http://localhost:8000/");
  const std::string example = ", such as https://safeguarding.eastshire.example/";
  std::string bare = "safeguarding.eastshire.example";
  CHECK(check_base_url(bare) == "must be a web address starting https:// (or http://)" + example);
  std::string ftp = "ftp://eastshire.example/";
  CHECK(check_base_url(ftp) == "must be a web address starting https:// (or http://)" + example);
  std::string no_host = "https:///site/";
  CHECK(check_base_url(no_host) == "has no host name after https://" + example);
  std::string spaces = "https://eastshire.example/our site/";
  CHECK(check_base_url(spaces) == "must be a web address with no spaces, quotes or accented letters" + example);
  std::string quote = "https://eastshire.example/\"";
  CHECK(check_base_url(quote) == "must be a web address with no spaces, quotes or accented letters" + example);
  std::string query = "https://eastshire.example/?page=1";
  CHECK(check_base_url(query) == "must be the address of the site's home page, with no ? or # in it" + example);
  std::string odd_host = "https://east_shire!.example/";
  CHECK(check_base_url(odd_host) == "has a host name that is not a web address" + example);
}
