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
