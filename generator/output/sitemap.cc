// The sitemap lists every published page with the date git last changed it.
#include "output/sitemap.h"

#include <algorithm>

#include "content/languages.h"
#include "output/string_printer.h"

namespace herald {

std::string make_sitemap(const Library& lib) {
  // Written as it goes by tinyxml2's printer: a document tree of every URL
  // would cost more than the file itself. An entry takes its URL and about a
  // hundred bytes more.
  size_t room = 1024;
  for (const Page* p : lib.all_published) room += lib.config.base_url.size() + p->url.size() + 100;
  StringPrinter printer(room);
  printer.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
  printer.OpenElement("urlset");
  printer.PushAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  const bool languages = !lib.config.languages.empty();
  if (languages) printer.PushAttribute("xmlns:xhtml", "http://www.w3.org/1999/xhtml");
  const Library& top = lib.default_language ? *lib.default_language : lib;
  const TimeZone zone = lib.config.zone();
  auto element = [&](const char* name, const std::string& text) {
    printer.OpenElement(name);
    printer.PushText(text.c_str());
    printer.CloseElement();
  };
  auto add = [&](const std::string& url, int64_t lastmod) {
    printer.OpenElement("url");
    element("loc", lib.config.absolute_url(url));
    if (lastmod) element("lastmod", format_iso_date(in_zone(lastmod, zone)));
    // Each language's address of the page, this one's among them (Google's
    // sitemap form of hreflang).
    std::vector<Translation> others = languages ? translations_of(lib, url) : std::vector<Translation>{};
    if (!others.empty()) {
      others.insert(others.begin(), {lib.config.language, "/" + lib.config.language_folder + url.substr(1)});
      // x-default: the default language's page, for a reader in any other language.
      std::string fallback;
      for (const Translation& t : others)
        if (t.tag == top.config.language) fallback = t.url;
      if (!fallback.empty()) others.push_back({"x-default", fallback});
      for (const Translation& t : others) {
        printer.OpenElement("xhtml:link");
        printer.PushAttribute("rel", "alternate");
        printer.PushAttribute("hreflang", t.tag.c_str());
        printer.PushAttribute("href", top.config.absolute_url(t.url).c_str());
        printer.CloseElement();
      }
    }
    printer.CloseElement();
  };
  add("/", lib.home ? lib.home->last_commit : lib.commit_time);
  for (const char* section : {"/newsletters/", "/briefings/", "/procedures/", "/procedures/changes/",
                              "/reports/", "/events/", "/contacts/"})
    add(section, lib.commit_time);
  if (!lib.boards.empty()) add("/meetings/", lib.commit_time);
  for (const Board& b : lib.boards) add("/meetings/" + b.slug + "/actions/", lib.commit_time);
  std::vector<const Page*> pages(lib.all_published.begin(), lib.all_published.end());
  std::sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return a->url < b->url; });
  for (const Page* p : pages) add(p->url, p->last_commit);
  printer.CloseElement();
  return printer.take();
}

std::string make_robots(const Library& lib) {
  std::string robots;
  robots = "User-agent: *\nAllow: /\nDisallow: /embed/\n";
  for (const Library* l : language_libraries(lib))
    if (!l->config.language_folder.empty()) robots += "Disallow: /" + l->config.language_folder + "embed/\n";
  robots += "\n";
  for (const Library* l : language_libraries(lib)) robots += "Sitemap: " + l->config.absolute_url("/sitemap.xml") + "\n";
  return robots;
}

}  // namespace herald
