// The preview makes again only what a save changed: the other pages are taken from the build before.
#include <doctest/doctest.h>

#include <regex>

#include "serve/serve_process.h"

using namespace herald::test;

namespace {

/// The number in the last "N unchanged pages and files not made again" the
/// preview printed, or -1.
int last_reused(const std::string& err) {
  static const std::regex made(R"(, (\d+) unchanged pages and files not made again)");
  int last = -1;
  for (auto it = std::sregex_iterator(err.begin(), err.end(), made); it != std::sregex_iterator(); ++it)
    last = std::stoi((*it)[1]);
  return last;
}

}  // namespace

TEST_CASE("a save makes again only the pages it changed; a change to herald.yaml makes every page again") {
  TempSite site;
  site.write_minimal_site();
  for (int i = 0; i < 20; ++i)
    site.write("content/pages/page-" + std::to_string(i) + ".md",
               "---\ntitle: Page " + std::to_string(i) + "\n---\n\nText of page " + std::to_string(i) + ".\n");
  site.commit("site");
  ServeProcess serve(site.dir());
  int port = serve.wait_for_port();
  INFO("stderr of herald serve: " << serve.err());
  REQUIRE(port > 0);
  std::string before_other = get(port, "/page-2/").body;

  site.write("content/pages/page-1.md", "---\ntitle: Page 1\n---\n\nEDITED text of page 1.\n");
  REQUIRE(wait_until([&] { return contains(get(port, "/page-1/").body, "EDITED text of page 1."); }));
  REQUIRE(wait_until([&] { return last_reused(serve.err()) > 0; }));
  int reused = last_reused(serve.err());
  // Most of the site is taken as it was: the twenty pages but the one edited
  // (and the lists that show its summary), the feeds of what did not change...
  CHECK(reused >= 20);
  // ...and exactly as it was.
  CHECK(get(port, "/page-2/").body.size() == before_other.size());

  // The site's title is on every page: nothing can be kept.
  std::string yaml = site.read("herald.yaml");
  site.write("herald.yaml", std::regex_replace(yaml, std::regex("Testshire Safeguarding Partnership"),
                                               "Westshire Safeguarding Partnership"));
  REQUIRE(wait_until([&] { return contains(get(port, "/page-2/").body, "Westshire Safeguarding Partnership"); }));
  CHECK(contains(get(port, "/page-19/").body, "Westshire Safeguarding Partnership"));
  CHECK_FALSE(contains(get(port, "/feed.xml").body, "Testshire Safeguarding Partnership"));
}
