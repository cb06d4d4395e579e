// herald's own files and folders, listed once, and the paths of PDFs and redirects.
#include "content/site_files.h"

#include <map>

#include <fmt/format.h>

#include "content/library.h"
#include "core/text.h"

namespace herald {

const std::vector<HeraldFolder>& herald_folders() {
  static const std::vector<HeraldFolder> folders = {
      {"assets/", "herald's folder of the theme's styles and scripts"},
      {"pagefind/", "herald's folder of the search index"},
      {"embed/", "herald's folder of pages for partners' sites"},
  };
  return folders;
}

const HeraldFolder* herald_folder_of(std::string_view path) {
  for (const HeraldFolder& folder : herald_folders())
    if (starts_with(path, folder.path) || path == folder.path.substr(0, folder.path.size() - 1)) return &folder;
  return nullptr;
}

std::vector<SeriesFeed> newsletter_series_feeds(const Library& lib) {
  std::map<std::string, std::string> by_slug;  // slug -> name, the first one met
  for (const Page* p : lib.newsletters)
    if (!p->series.empty() && !slugify(p->series).empty()) by_slug.try_emplace(slugify(p->series), p->series);
  std::vector<SeriesFeed> out;
  if (by_slug.size() < 2) return out;
  for (const auto& [slug, name] : by_slug) out.push_back({name, "newsletters/series/" + slug + "/"});
  return out;
}

void list_herald_files(const Library& lib, const std::function<void(std::string path, std::string what)>& add) {
  auto page = [&](const std::string& url) { add(url.substr(1) + "index.html", fmt::format("herald's own '{}' page", url)); };
  page("/");
  for (const char* url : {"/newsletters/", "/briefings/", "/procedures/", "/procedures/changes/", "/reports/",
                          "/events/", "/contacts/", "/topics/", "/audience/", "/search/", "/feeds/"})
    page(url);
  if (!lib.find_page("/accessibility/")) page("/accessibility/");
  add("404.html", "herald's own '/404.html' page");
  for (const Term& t : lib.topics) page("/topics/" + t.key + "/");
  for (const Term& t : lib.audiences) page("/audience/" + t.key + "/");
  for (const Term& t : lib.review_types) page("/briefings/review-type/" + t.key + "/");
  if (!lib.boards.empty()) {
    page("/meetings/");
    add("meetings.ics", "herald's calendar of meetings '/meetings.ics'");
  }
  for (const Board& b : lib.boards) {
    page("/meetings/" + b.slug + "/actions/");
    add("meetings/" + b.slug + ".ics", fmt::format("herald's calendar of the board '/meetings/{}.ics'", b.slug));
  }

  // The feeds: site-wide, per section and per term (output/feeds.cc).
  std::vector<std::string> feeds = {"", "newsletters/", "briefings/", "procedures/changes/", "reports/", "events/"};
  for (const Term& t : lib.topics) feeds.push_back("topics/" + t.key + "/");
  for (const Term& t : lib.audiences) feeds.push_back("audience/" + t.key + "/");
  for (const Board& b : lib.boards) feeds.push_back("meetings/" + b.slug + "/");
  for (const SeriesFeed& f : newsletter_series_feeds(lib)) feeds.push_back(f.folder);
  for (const std::string& folder : feeds) {
    add(folder + "feed.xml", fmt::format("herald's RSS feed '/{}feed.xml'", folder));
    add(folder + "atom.xml", fmt::format("herald's Atom feed '/{}atom.xml'", folder));
    add(folder + "feed.json", fmt::format("herald's JSON feed '/{}feed.json'", folder));
  }

  add("events.ics", "herald's calendar of events '/events.ics'");
  for (const Page* e : lib.events)
    add(e->url.substr(1) + e->slug + ".ics", fmt::format("the calendar file of {}", e->source_path));
  if (lib.contacts)
    for (const Contact& c : lib.contacts->contacts())
      add("contacts/" + c.id + ".vcf", fmt::format("the vCard of contact '{}'", c.id));
  add("sitemap.xml", "herald's site map '/sitemap.xml'");
  add("robots.txt", "herald's '/robots.txt' for search engines");
}

std::string pdf_output_path(const Page& page) {
  std::string dir = page.url.empty() ? "" : page.url.substr(1);
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir + page.slug + ".pdf";
}

std::string alias_output_path(std::string_view alias) {
  std::string path(alias.substr(alias.empty() || alias[0] != '/' ? 0 : 1));
  if (ends_with(path, ".html")) return path;
  return path + (path.empty() || path.back() == '/' ? "index.html" : "/index.html");
}

}  // namespace herald
