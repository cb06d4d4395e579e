// Tests for output/feeds: absolute URLs in full content, stable ids, item limits.
#include <doctest/doctest.h>

#include <functional>

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

TEST_CASE("a feed's key changes with everything its files show, and only then") {
  Library lib;
  lib.config.base_url = "https://site.example/";
  lib.inputs = "yaml-blob contacts-blob";
  lib.commit_time = 1700000000;
  FeedItem item;
  item.id = "tag:site.example,2024-01-10:/briefings/x/";
  item.title = "Neglect";
  item.url = "https://site.example/briefings/x/";
  item.published = 1700000000;
  item.updated = 1700000100;
  item.summary = "What we learned.";
  item.set_content_html("<p>What we learned.</p>");
  item.categories = {"neglect"};
  const Feed feed{"briefings/", "7-minute briefings", "https://site.example/briefings/", {item}};
  const Hash128 key = feed_key(feed, lib, "rss");
  CHECK(feed_key(feed, lib, "rss") == key);
  CHECK(feed_key(feed, lib, "atom") != key);
  std::vector<std::pair<const char*, std::function<void(Feed&, Library&)>>> changes = {
      {"the settings", [](Feed&, Library& l) { l.inputs = "other-yaml-blob contacts-blob"; }},
      {"the preview", [](Feed&, Library& l) { l.preview = true; }},
      {"the path", [](Feed& f, Library&) { f.path = "newsletters/"; }},
      {"the title", [](Feed& f, Library&) { f.title = "Briefings"; }},
      {"the page", [](Feed& f, Library&) { f.page_url = "https://site.example/"; }},
      {"an id", [](Feed& f, Library&) { f.items[0].id += "2"; }},
      {"an item's title", [](Feed& f, Library&) { f.items[0].title = "Neglect and school"; }},
      {"an address", [](Feed& f, Library&) { f.items[0].url += "#top"; }},
      {"a publication time", [](Feed& f, Library&) { f.items[0].published += 1; }},
      {"an update time", [](Feed& f, Library&) { f.items[0].updated += 1; }},
      {"a summary", [](Feed& f, Library&) { f.items[0].summary = "What we learned, again."; }},
      {"the content", [](Feed& f, Library&) { f.items[0].set_content_html("<p>What we learned, again.</p>"); }},
      {"a category", [](Feed& f, Library&) { f.items[0].categories = {"neglect", "schools"}; }},
      {"another item", [](Feed& f, Library&) { f.items.push_back(f.items[0]); }},
  };
  for (const auto& [what, change] : changes) {
    CAPTURE(what);
    Feed f = feed;
    Library l;
    l.config = lib.config;
    l.inputs = lib.inputs;
    l.commit_time = lib.commit_time;
    change(f, l);
    CHECK(feed_key(f, l, "rss") != key);
  }
  // An empty feed's files show the commit's time; a full one's do not.
  Feed empty = feed;
  empty.items.clear();
  Library later;
  later.inputs = lib.inputs;
  later.commit_time = lib.commit_time + 60;
  CHECK(feed_key(empty, later, "rss") != feed_key(empty, lib, "rss"));
  CHECK(feed_key(feed, later, "rss") == key);
}
