// Tests for output/sitemap: every published page once, in URL order, with the date git last changed it.
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <string>
#include <vector>

#include "content/library.h"
#include "output/sitemap.h"

using namespace herald;

namespace {

Page page_at(const std::string& url, int64_t last_commit) {
  Page p;
  p.url = url;
  p.last_commit = last_commit;
  return p;
}

}  // namespace

TEST_CASE("the sitemap lists the home page, the sections and each published page in URL order") {
  Library lib;
  lib.config.base_url = "https://safeguarding.testshire.example/";
  lib.commit_time = 1719835200;  // 2024-07-01T12:00:00Z
  // 2024-03-31T23:30:00Z is the 1st of April in London (summer time).
  std::vector<Page> pages = {page_at("/briefings/sudi/", 1711927800), page_at("/about/", 1704067200),
                             page_at("/procedures/children/referrals/", 1717200000)};
  lib.home = &pages[1];  // any page will do for its date
  for (const Page& p : pages) lib.all_published.push_back(&p);

  std::string xml = make_sitemap(lib);
  tinyxml2::XMLDocument doc;
  REQUIRE(doc.Parse(xml.c_str()) == tinyxml2::XML_SUCCESS);
  const tinyxml2::XMLElement* urlset = doc.FirstChildElement("urlset");
  REQUIRE(urlset);
  CHECK(std::string(urlset->Attribute("xmlns")) == "http://www.sitemaps.org/schemas/sitemap/0.9");
  std::vector<std::string> locs, dates;
  for (auto* u = urlset->FirstChildElement("url"); u; u = u->NextSiblingElement("url")) {
    locs.push_back(u->FirstChildElement("loc")->GetText());
    dates.push_back(u->FirstChildElement("lastmod")->GetText());
  }
  const std::string site = "https://safeguarding.testshire.example";
  CHECK(locs == std::vector<std::string>{site + "/", site + "/newsletters/", site + "/briefings/",
                                         site + "/procedures/", site + "/procedures/changes/", site + "/reports/",
                                         site + "/events/", site + "/contacts/", site + "/about/", site + "/briefings/sudi/",
                                         site + "/procedures/children/referrals/"});
  CHECK(dates == std::vector<std::string>{"2024-01-01", "2024-07-01", "2024-07-01", "2024-07-01", "2024-07-01", "2024-07-01",
                                          "2024-07-01", "2024-07-01", "2024-01-01", "2024-04-01", "2024-06-01"});
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset", 0) == 0);
}

TEST_CASE("the sitemap escapes what XML must") {
  Library lib;
  lib.config.base_url = "https://example.example/a&b/";
  Page p = page_at("/about/", 1704067200);
  lib.all_published.push_back(&p);
  std::string xml = make_sitemap(lib);
  CHECK(xml.find("<loc>https://example.example/a&amp;b/about/</loc>") != std::string::npos);
  tinyxml2::XMLDocument doc;
  CHECK(doc.Parse(xml.c_str()) == tinyxml2::XML_SUCCESS);
}
