// The sitemap lists every published page with the date git last changed it.
#include "output/sitemap.h"

#include <tinyxml2.h>

#include <algorithm>

namespace herald {

std::string make_sitemap(const Library& lib) {
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
  auto* urlset = doc.NewElement("urlset");
  urlset->SetAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  doc.InsertEndChild(urlset);
  const TimeZone zone = lib.config.zone();
  auto add = [&](const std::string& url, int64_t lastmod) {
    auto* u = urlset->InsertNewChildElement("url");
    u->InsertNewChildElement("loc")->SetText(lib.config.absolute_url(url).c_str());
    if (lastmod) u->InsertNewChildElement("lastmod")->SetText(format_iso_date(in_zone(lastmod, zone)).c_str());
  };
  add("/", lib.home ? lib.home->last_commit : lib.commit_time);
  for (const char* section : {"/newsletters/", "/briefings/", "/procedures/", "/procedures/changes/",
                              "/events/", "/contacts/"})
    add(section, lib.commit_time);
  std::vector<const Page*> pages(lib.all_published.begin(), lib.all_published.end());
  std::sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return a->url < b->url; });
  for (const Page* p : pages) add(p->url, p->last_commit);
  tinyxml2::XMLPrinter printer;
  doc.Print(&printer);
  return printer.CStr();
}

std::string make_robots(const Library& lib) {
  return "User-agent: *\nAllow: /\nDisallow: /embed/\n\nSitemap: " + lib.config.absolute_url("/sitemap.xml") + "\n";
}

}  // namespace herald
