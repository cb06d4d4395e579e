// The menus: herald.yaml's entries checked against what the build publishes, or each menu's default.
#include "templates/words.h"
#include "content/menus.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "content/library.h"
#include "content/site_files.h"
#include "core/text.h"
#include "markdown/urls.h"

namespace herald {
namespace {

/// The name of the last section of the default main menu.
constexpr std::string_view kLastOfMain = "search";

const MenuSection* find_section(std::string_view name) {
  for (const MenuSection& s : menu_sections())
    if (name == s.name) return &s;
  return nullptr;
}

/// A section's link: the accessibility statement is the site's own page
/// when content/pages/accessibility.md is published.
MenuLink section_link(const Library& lib, const MenuSection& s) {
  if (const Page* p = lib.find_page(s.url); p && p->kind == Kind::page) return {p->title, p->url, true};
  return {translate(lib.config.language, s.title), s.url, true};
}

/// Why a page that is not published is not, and what to do, for a message:
/// "a draft: publish it…", "scheduled for 3 June 2026: …", "expired on 1 May 2024: …".
std::string why_withheld(const Page& p, std::string_view it) {
  if (p.withheld_reason == "scheduled" && p.date)
    return fmt::format("scheduled for {}: take {} out of the menu until then", format_human_date(*p.date),
                       it);
  if (p.withheld_reason == "expired" && p.expires)
    return fmt::format("expired on {}: take {} out of the menu", format_human_date(*p.expires), it);
  return fmt::format("a draft: publish it (remove 'draft: true'), or take {} out of the menu", it);
}

std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)";
}

/// `%XX` decoded, for comparing a path with the files a build writes.
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) && hex(s[i + 2])) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// The files this build writes, to check a menu link's site path against.
class PublishedPaths {
 public:
  explicit PublishedPaths(const Library& lib) : lib_(lib) {
    for (const Page& p : lib.pages) {
      if (!p.published) continue;
      add_url(p.url);
      if (p.pdf && !p.slug.empty()) files_.insert(pdf_output_path(p));
      for (const std::string& alias : p.aliases) files_.insert(alias_output_path(alias));
    }
    list_herald_files(lib, [&](std::string path, std::string) {
      files_.insert(path);
      if (ends_with(path, "/index.html") || path == "index.html")
        urls_.push_back("/" + path.substr(0, path.size() - 10));
    });
    for (const StaticFile& f : lib.static_files) files_.insert(f.output_path);
  }

  /// Is `path` (a site path from the top, without its `?query` or
  /// `#fragment`) a page or file this build writes?
  bool publishes(std::string_view path) const {
    std::string file = percent_decoded(path.substr(1));
    if (herald_folder_of(file)) return true;  // the theme's files, the search index, the embeds: herald's own
    if (file.empty() || file.back() == '/') return files_.count(file + "index.html");
    return files_.count(file) || files_.count(file + "/index.html");
  }

  /// The page not published at `path`, if there is one.
  const Page* withheld(std::string_view path) const {
    std::string url(path);
    if (url.back() != '/') url += '/';
    for (const Page& p : lib_.pages)
      if (!p.published && p.url == url) return &p;
    return nullptr;
  }

  /// The published page or list page closest to `path`, for "did you mean".
  std::string closest(std::string_view path) const { return closest_match(path, urls_); }

 private:
  void add_url(const std::string& url) {
    files_.insert(url.substr(1) + "index.html");
    urls_.push_back(url);
  }

  const Library& lib_;
  std::set<std::string> files_;
  std::vector<std::string> urls_;
};

/// One menu given in herald.yaml: each entry resolved, or an error at it.
class MenuChecker {
 public:
  MenuChecker(const Library& lib, Diagnostics& diags) : lib_(lib), diags_(diags) {}

  std::vector<MenuLink> resolve(const MenuSetting& setting, const std::string& menu) {
    std::vector<MenuLink> links;
    std::set<std::string> shown;
    for (const MenuEntry& entry : setting.entries) {
      std::optional<MenuLink> link =
          entry.name.empty() ? resolve_link(entry, menu) : resolve_name(entry, menu);
      if (!link) continue;
      if (!shown.insert(link->url).second) {
        diags_.warning(entry.at, fmt::format("{} has '{}' twice: it is shown once", menu,
                                             entry.name.empty() ? quoted_url(entry.url) : entry.name));
        continue;
      }
      links.push_back(std::move(*link));
    }
    return links;
  }

 private:
  std::optional<MenuLink> resolve_name(const MenuEntry& entry, const std::string& menu) {
    const std::string& name = entry.name;
    if (const MenuSection* s = find_section(name)) {
      if (section_has_content(lib_, s->name)) return section_link(lib_, *s);
      diags_.error(entry.at, fmt::format("'{}' in {}: the site has no {} yet, so the menu would lead to an "
                                         "empty page: take it out of the menu until there is one",
                                         name, menu, s->what));
      return std::nullopt;
    }
    if (const Page* p = lib_.find_page("/" + name + "/"); p && p->kind == Kind::page)
      return MenuLink{p->title, p->url, true};
    for (const Page& p : lib_.pages)
      if (p.kind == Kind::page && p.slug == name) {  // not published
        diags_.error(entry.at, fmt::format("'{}' in {} is the page {}, which is {}", name, menu,
                                           p.source_path, why_withheld(p, "it")));
        return std::nullopt;
      }
    std::vector<std::string> names;
    for (const MenuSection& s : menu_sections()) names.push_back(s.name);
    for (const Page* p : lib_.plain_pages) names.push_back(p->slug);
    std::string suggestion = closest_match(name, names);
    diags_.error(
        entry.at,
        suggestion.empty()
            ? fmt::format("'{}' in {} is not a section or a page of this site: a menu names a section "
                          "(newsletters, briefings, procedures, reports, meetings, events, contacts, search, topics, "
                          "accessibility, feeds), a page of content/pages/ by its file name ('about' "
                          "for content/pages/about.md), or a link written {{ title: \"…\", url: … }}",
                          name, menu)
            : fmt::format("'{}' in {} is not a section or a page of this site{}", name, menu,
                          did_you_mean(suggestion)));
    return std::nullopt;
  }

  std::optional<MenuLink> resolve_link(const MenuEntry& entry, const std::string& menu) {
    if (url_kind(entry.url) != UrlKind::site_path)
      return MenuLink{entry.title, entry.url, false};  // not checked
    std::string_view path = entry.url;
    path = path.substr(0, path.find_first_of("?#"));
    if (!paths_) paths_.emplace(lib_);
    if (paths_->publishes(path)) return MenuLink{entry.title, entry.url, true};
    if (const Page* p = paths_->withheld(path)) {
      diags_.error(entry.at,
                   fmt::format("the link '{}' in {} leads to {}, which is {}", quoted_url(entry.url), menu,
                               p->source_path, why_withheld(*p, "the link")));
      return std::nullopt;
    }
    diags_.error(entry.at, fmt::format("the link '{}' in {} leads to nothing this site publishes{}",
                                       quoted_url(entry.url), menu, did_you_mean(paths_->closest(path))));
    return std::nullopt;
  }

  const Library& lib_;
  Diagnostics& diags_;
  std::optional<PublishedPaths> paths_;  ///< made for the first link to a site path
};

std::vector<MenuLink> default_main(const Library& lib) {
  std::vector<MenuLink> links;
  for (const MenuSection& s : menu_sections()) {
    if (section_has_content(lib, s.name)) links.push_back(section_link(lib, s));
    if (s.name == kLastOfMain) break;
  }
  return links;
}

std::vector<MenuLink> default_footer(const Library& lib) {
  std::vector<const Page*> pages;
  for (const Page* p : lib.plain_pages)
    if (p->url != "/accessibility/") pages.push_back(p);  // listed as the statement, below
  std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) {
    std::string la = to_lower(a->title), lb = to_lower(b->title);
    return la != lb ? la < lb : a->title < b->title;
  });
  std::vector<MenuLink> links;
  for (const Page* p : pages) links.push_back({p->title, p->url, true});
  for (const char* name : {"accessibility", "feeds"}) links.push_back(section_link(lib, *find_section(name)));
  return links;
}

}  // namespace

bool section_has_content(const Library& lib, std::string_view section) {
  if (section == "newsletters") return !lib.newsletters.empty();
  if (section == "briefings") return !lib.briefings.empty();
  if (section == "procedures") return !lib.manuals.empty();
  if (section == "reports") return !lib.reports.empty();
  if (section == "events") return !lib.events.empty();
  if (section == "meetings") return !lib.boards.empty();
  if (section == "contacts") return lib.contacts && !lib.contacts->contacts().empty();
  if (section == "topics") return !lib.topics.empty();
  if (section == "search" || section == "accessibility" || section == "feeds") return true;
  return false;
}

const std::vector<MenuSection>& menu_sections() {
  static const std::vector<MenuSection> sections = {
      {"newsletters", "Newsletters", "/newsletters/", "newsletters"},
      {"briefings", "7-minute briefings", "/briefings/", "7-minute briefings"},
      {"procedures", "Procedures", "/procedures/", "procedures"},
      {"reports", "Reports", "/reports/", "reports"},
      {"meetings", "Meetings", "/meetings/", "meetings"},
      {"events", "Events", "/events/", "events"},
      {"contacts", "Contacts", "/contacts/", "contacts"},
      {"search", "Search", "/search/", ""},
      {"topics", "Topics", "/topics/", "topics"},
      {"accessibility", "Accessibility statement", "/accessibility/", ""},
      {"feeds", "Feeds and embeds", "/feeds/", ""},
  };
  return sections;
}

void assemble_menus(Library& lib, Diagnostics& diags) {
  const MenuSettings& settings = lib.config.menu;
  MenuChecker checker(lib, diags);
  lib.main_menu = settings.main.given ? checker.resolve(settings.main, "the main menu") : default_main(lib);
  lib.footer_menu =
      settings.footer.given ? checker.resolve(settings.footer, "the footer menu") : default_footer(lib);
}

}  // namespace herald
