// Tests for output/feeds: absolute URLs in full content, stable ids, item limits.
#include <doctest/doctest.h>

#include "markdown/document.h"
#include "output/feeds.h"

using namespace herald;

namespace {

Page make_page(Library& lib, const std::string& url, const std::string& markdown, int64_t first) {
  Page p;
  p.kind = Kind::briefing;
  p.url = url;
  p.slug = "x";
  p.title = "Title " + url;
  p.first_commit = first;
  p.last_commit = first + 100;
  Diagnostics diags;
  MarkdownOptions options;
  options.path = "content" + url + ".md";
  p.doc = std::make_shared<Document>(Document::parse(markdown, options, diags));
  (void)lib;
  return p;
}

}  // namespace

TEST_CASE("relative links and images in full content become absolute") {
  Library lib;
  lib.config.base_url = "https://site.example/";
  Page p = make_page(lib, "/briefings/x/",
                     "[up](../y/) [root](/about/) [here](#part) [away](https://other.example/) ![chart](chart.png)",
                     1700000000);
  std::string html = absolute_html(p, lib);
  CHECK(html.find("href=\"https://site.example/briefings/y/\"") != std::string::npos);
  CHECK(html.find("href=\"https://site.example/about/\"") != std::string::npos);
  CHECK(html.find("href=\"https://site.example/briefings/x/#part\"") != std::string::npos);
  CHECK(html.find("href=\"https://other.example/\"") != std::string::npos);
  CHECK(html.find("src=\"https://site.example/briefings/x/chart.png\"") != std::string::npos);
}

TEST_CASE("item ids are tag URIs that survive edits; feeds are cut to the configured size") {
  Library lib;
  lib.config.base_url = "https://site.example/";
  lib.config.title = "Site";
  lib.config.feed_items = 2;
  lib.pages.push_back(make_page(lib, "/briefings/a/", "A", 1700000000));
  lib.pages.push_back(make_page(lib, "/briefings/b/", "B", 1700100000));
  lib.pages.push_back(make_page(lib, "/briefings/c/", "C", 1700200000));
  for (const Page& p : lib.pages) lib.briefings.push_back(&p);
  auto feeds = collect_feeds(lib);
  const Feed* briefings = nullptr;
  for (const auto& f : feeds)
    if (f.path == "briefings/") briefings = &f;
  REQUIRE(briefings);
  REQUIRE(briefings->items.size() == 2);
  CHECK(briefings->items[0].title == "Title /briefings/c/");
  CHECK(briefings->items[0].id == "tag:site.example,2023-11-17:/briefings/c/");
  lib.pages[2].last_commit += 5000;  // an edit changes the updated date, not the id
  CHECK(collect_feeds(lib)[2].items[0].id == briefings->items[0].id);
}

TEST_CASE("a feed keeps the newest pages, the same time ordered by address, and the site-wide one across sections") {
  Library lib;
  lib.config.base_url = "https://site.example/";
  lib.config.title = "Site";
  lib.config.feed_items = 3;
  lib.pages.reserve(60);
  for (int i = 0; i < 50; ++i)  // many briefings: only the newest three are kept
    lib.pages.push_back(make_page(lib, "/briefings/b" + std::to_string(i) + "/", "B", 1700000000 + (i % 10) * 1000));
  lib.pages.push_back(make_page(lib, "/newsletters/n/", "N", 1700005000));
  for (size_t i = 0; i < 50; ++i) lib.briefings.push_back(&lib.pages[i]);
  lib.newsletters.push_back(&lib.pages[50]);
  auto feeds = collect_feeds(lib);
  auto urls = [&](const std::string& path) {
    std::vector<std::string> out;
    for (const auto& f : feeds)
      if (f.path == path)
        for (const auto& item : f.items) out.push_back(item.url);
    return out;
  };
  // b9, b19, b29, b39, b49 share the newest time: by address, b19 < b29 < b39 < b49 < b9.
  CHECK(urls("briefings/") == std::vector<std::string>{"https://site.example/briefings/b19/",
                                                       "https://site.example/briefings/b29/",
                                                       "https://site.example/briefings/b39/"});
  CHECK(urls("newsletters/") == std::vector<std::string>{"https://site.example/newsletters/n/"});
  CHECK(urls("") == urls("briefings/"));  // the newsletter (time 5000) is older than those three
  lib.pages[50].first_commit = 1700009500;
  feeds = collect_feeds(lib);
  CHECK(urls("") == std::vector<std::string>{"https://site.example/newsletters/n/",
                                              "https://site.example/briefings/b19/",
                                              "https://site.example/briefings/b29/"});
}
