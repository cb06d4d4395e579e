// The menus: herald.yaml's entries checked against what the build publishes, or each menu's default.
#include "templates/words.h"
#include "content/menus.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "content/languages.h"
#include "content/library.h"
#include "content/site_files.h"
#include "core/text.h"
#include "markdown/urls.h"

namespace herald {
namespace {

/// The name of the last section of the default main menu.
constexpr std::string_view kLastOfMain = "search";

MenuLink link_to(std::string title, std::string url, bool site = true) {
  MenuLink link;
  link.title = std::move(title);
  link.url = std::move(url);
  link.site = site;
  return link;
}

const MenuSection* find_section(std::string_view name) {
  for (const MenuSection& s : menu_sections())
    if (name == s.name) return &s;
  return nullptr;
}

/// A section's link: the accessibility statement is the site's own page
/// when content/pages/accessibility.md is published.
MenuLink section_link(const Library& lib, const MenuSection& s) {
  if (const Page* p = lib.find_page(s.url); p && p->kind == Kind::page) return link_to(p->title, p->url);
  return link_to(translate(lib.config.language, s.title), s.url);
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
  MenuChecker(const Library& lib, Diagnostics& diags) : lib_(lib), home_(lib.default_language), diags_(diags) {}

  std::vector<MenuLink> resolve(const MenuSetting& setting, const std::string& menu) {
    std::vector<MenuLink> links;
    std::set<std::string> shown;
    for (const MenuEntry& entry : setting.entries) {
      std::optional<MenuLink> link = home_ ? resolve_translated(entry)
                                     : entry.name.empty() ? resolve_link(entry, menu)
                                                          : resolve_name(entry, menu);
      if (!home_) check_title_languages(entry);
      if (!link) continue;
      if (!shown.insert(link->url).second) {
        if (!home_)  // the default language's menus report it once
          diags_.warning(entry.at, fmt::format("{} has '{}' twice: it is shown once", menu,
                                               entry.name.empty() ? quoted_url(entry.url) : entry.name));
        continue;
      }
      links.push_back(std::move(*link));
    }
    return links;
  }

 private:
  /// A `title_cy` for a language the site does not publish in is an error.
  void check_title_languages(const MenuEntry& entry) {
    for (const MenuEntry::Title& t : entry.titles) {
      bool published = false;
      for (size_t i = 1; i < lib_.config.languages.size(); ++i)
        published = published || lib_.config.languages[i].code == t.code;
      if (!published)
        diags_.error(t.at, fmt::format("'title_{}' is the link's title in a language this site does not publish "
                                       "in besides its first: list the language in 'languages', or remove it",
                                       t.code));
    }
  }

  /// In another language's library: the entry's link in this language when
  /// it has the page or section, else the default language's (at the top).
  std::optional<MenuLink> resolve_translated(const MenuEntry& entry) {
    if (const MenuSection* s = entry.name.empty() ? nullptr : find_section(entry.name)) {
      if (section_has_content(lib_, s->name)) return section_link(lib_, *s);
      if (!section_has_content(*home_, s->name)) return std::nullopt;  // reported by the default's menu
      MenuLink link = section_link(*home_, *s);
      if (link.url != s->url) return titled(entry, link.title, link.url, true);  // a page of its own
      link.title = translate(lib_.config.language, s->title);
      link.top = true;
      link.hreflang = home_->config.language;
      return link;
    }
    std::string path = entry.name.empty() ? entry.url : "/" + entry.name + "/";
    if (url_kind(path) != UrlKind::site_path) {
      MenuLink link = titled(entry, entry.title, path, false);
      link.site = false;  // not checked
      return link;
    }
    std::string_view bare = std::string_view(path).substr(0, path.find_first_of("?#"));
    std::string rest = path.substr(bare.size());
    std::string page_url(bare);
    if (page_url.back() != '/') page_url += '/';
    if (const Page* d = home_->find_page(page_url); d && (entry.name.empty() || d->kind == Kind::page)) {
      for (const Page& p : lib_.pages)
        if (p.published && untranslated_path(p.source_path) == d->source_path)
          return titled(entry, p.title, p.url + rest, false);
      return titled(entry, entry.name.empty() ? entry.title : d->title, path, true);
    }
    if (!entry.name.empty()) return std::nullopt;  // reported by the default language's menu
    if (!paths_) paths_.emplace(lib_);
    if (paths_->publishes(bare)) return titled(entry, entry.title, path, false);
    if (!home_paths_) home_paths_.emplace(*home_);
    if (!home_paths_->publishes(bare)) return std::nullopt;
    return titled(entry, entry.title, path, true);
  }

  /// A link to `url` (the default language's when `top`) titled in this
  /// language: the entry's `title_cy` (and so on) when given, else `title`,
  /// marked as the default language's when it is the entry's own title or
  /// the default language's page's.
  MenuLink titled(const MenuEntry& entry, const std::string& title, std::string url, bool top) const {
    MenuLink link = link_to(title, std::move(url));
    link.top = top;
    if (top) link.hreflang = home_->config.language;
    const std::string code = language_code(lib_.config.language);
    for (const MenuEntry::Title& t : entry.titles)
      if (t.code == code) {
        link.title = t.text;
        return link;
      }
    if (top || title == entry.title) link.lang = home_->config.language;
    return link;
  }

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
      return link_to(p->title, p->url);
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
      return link_to(entry.title, entry.url, false);  // not checked
    std::string_view path = entry.url;
    path = path.substr(0, path.find_first_of("?#"));
    if (!paths_) paths_.emplace(lib_);
    if (paths_->publishes(path)) return link_to(entry.title, entry.url);
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
  const Library* home_;  ///< the default language's library, when `lib_` is another language's
  Diagnostics& diags_;
  std::optional<PublishedPaths> paths_;       ///< made for the first link to a site path
  std::optional<PublishedPaths> home_paths_;  ///< the default language's, likewise
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
  for (const Page* p : pages) links.push_back(link_to(p->title, p->url));
  for (const char* name : {"accessibility", "feeds"}) links.push_back(section_link(lib, *find_section(name)));
  return links;
}

/// The default language's default menu as entries, for another language's
/// to follow: each section by its name, each page by its address.
MenuSetting default_entries(const std::vector<MenuLink>& links) {
  MenuSetting setting;
  setting.given = true;
  for (const MenuLink& link : links) {
    MenuEntry entry;
    for (const MenuSection& s : menu_sections())
      if (link.url == s.url) entry.name = s.name;
    if (entry.name.empty()) {
      entry.title = link.title;
      entry.url = link.url;
    }
    setting.entries.push_back(std::move(entry));
  }
  return setting;
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
  if (const Library* home = lib.default_language) {
    // Another language: the default language's menus, each link in this
    // language where it has the page or section (the default's is assembled first).
    lib.main_menu = checker.resolve(settings.main.given ? settings.main : default_entries(home->main_menu),
                                    "the main menu");
    lib.footer_menu = checker.resolve(settings.footer.given ? settings.footer : default_entries(home->footer_menu),
                                      "the footer menu");
    return;
  }
  lib.main_menu = settings.main.given ? checker.resolve(settings.main, "the main menu") : default_main(lib);
  lib.footer_menu =
      settings.footer.given ? checker.resolve(settings.footer, "the footer menu") : default_footer(lib);
}

}  // namespace herald
