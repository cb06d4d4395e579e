// Tests for external/external_links: which URLs are asked for, the day's cache, a warning per place.
#include <doctest/doctest.h>

#include "external/external_links.h"
#include "support/site_builder.h"

using namespace herald;

namespace {

/// Answers as a server would, counting what it was asked.
struct Answers {
  std::vector<std::string> asked;
  UrlAsker asker() {
    return [this](const std::vector<std::string>& urls) {
      std::vector<UrlStatus> out;
      for (const std::string& url : urls) {
        asked.push_back(url);
        UrlStatus s;
        s.url = url;
        if (url.find("gone") != std::string::npos) s.status = 404;
        else if (url.find("nowhere") != std::string::npos) s.error = "Could not resolve host: nowhere.example";
        else s.status = 200;
        out.push_back(s);
      }
      return out;
    };
  }
};

}  // namespace

TEST_CASE("each distinct URL is asked for once, a warning at each place a dead one is used, kept for a day") {
  herald::test::TempSite scratch;
  std::string cache = scratch.dir() + "/external-links";
  std::vector<ExternalLinkUse> uses = {
      {"https://ok.example/", {"content/pages/a.md", 3, 1}},
      {"https://gone.example/page", {"content/pages/a.md", 5, 7}},
      {"https://gone.example/page", {"content/pages/b.md", 2, 1}},
      {"http://nowhere.example/", {"data/contacts.yaml", 9, 8}},
      {"mailto:someone@x.example", {"content/pages/a.md", 6, 1}},
      {"/about/", {"content/pages/a.md", 7, 1}},
  };
  Answers answers;
  Diagnostics diags;
  auto first = check_external_links(uses, cache, 1'000'000, answers.asker(), diags);
  CHECK(first.urls == 3);
  CHECK(first.asked == 3);
  CHECK(first.failed == 2);
  CHECK(answers.asked.size() == 3);
  auto all = diags.sorted();
  REQUIRE(all.size() == 3);
  CHECK(diags.format_text(all[0]) ==
        "content/pages/a.md:5:7: warning: the link to https://gone.example/page leads nowhere: the server answered "
        "404 (not found)\n");
  CHECK(all[1].where.path == "content/pages/b.md");
  CHECK(all[2].message ==
        "the link to http://nowhere.example/ leads nowhere: Could not resolve host: nowhere.example");

  // Within the day: nothing asked again, the same warnings.
  Diagnostics again;
  auto second = check_external_links(uses, cache, 1'000'000 + kExternalResultSeconds - 1, answers.asker(), again);
  CHECK(second.asked == 0);
  CHECK(answers.asked.size() == 3);
  CHECK(again.count(Severity::warning) == 3);
  // A day later: asked again.
  Diagnostics later;
  auto third = check_external_links(uses, cache, 1'000'000 + kExternalResultSeconds, answers.asker(), later);
  CHECK(third.asked == 3);
  // A URL no longer used is forgotten; a new one is asked for.
  uses.resize(1);
  uses.push_back({"https://new.example/", {"content/pages/c.md", 1, 1}});
  Diagnostics fourth;
  auto now = check_external_links(uses, cache, 1'000'000 + kExternalResultSeconds, answers.asker(), fourth);
  CHECK(now.asked == 1);
  CHECK(answers.asked.back() == "https://new.example/");
  CHECK(herald::test::read_file(cache).find("gone.example") == std::string::npos);
}
