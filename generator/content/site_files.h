// The files a build writes, by path: herald's own list of them, and where a page's PDF and an alias go.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

struct Library;
struct Page;

/// A folder herald fills itself, whole: no page or alias may be inside it.
struct HeraldFolder {
  std::string_view path;  ///< e.g. "pagefind/"
  std::string_view what;  ///< for messages: "herald's folder of the search index"
};

/// `assets/` (the theme's styles and scripts), `pagefind/` (the search index,
/// written after everything else) and `embed/` (pages for partners' sites).
const std::vector<HeraldFolder>& herald_folders();

/// The folder of herald_folders() that `path` (an output path, no leading
/// '/') is in, or null.
const HeraldFolder* herald_folder_of(std::string_view path);

/// Calls `add(path, what)` for every file herald itself makes for the
/// library, besides the pages' own HTML and PDFs and the static files: the
/// home page, the section and term lists, the search and feeds pages, the
/// accessibility statement (unless a page is), 404.html, every feed, the
/// calendars, the vCards, the sitemap and robots.txt; what herald writes in
/// herald_folders() is not listed file by file. `what` names it for a
/// message ("herald's RSS feed '/feed.xml'").
/// This is the one list: tests/integration/site_files_test.cc checks it
/// against what a build writes.
void list_herald_files(const Library& library, const std::function<void(std::string path, std::string what)>& add);

/// A newsletter series with a feed of its own: its name and the folder of
/// its feeds (`newsletters/series/practice-bulletin/`).
struct SeriesFeed {
  std::string name, folder;
};

/// The published newsletters' series, when there are two or more (with one,
/// the newsletters' feed is the series'), in order of name: each has a feed,
/// for mailing tools that send a series from its feed.
std::vector<SeriesFeed> newsletter_series_feeds(const Library& library);

/// Where a page's print PDF goes: `briefings/sudi/sudi.pdf` for
/// /briefings/sudi/, the name the page's HTML links to.
std::string pdf_output_path(const Page& page);

/// Where an alias's redirect page is written: `/old/` and `/old` ->
/// `old/index.html`, `/old.html` -> `old.html`.
std::string alias_output_path(std::string_view alias);

}  // namespace herald
