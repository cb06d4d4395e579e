// The data every page shares: the site, the menus, breadcrumbs, feeds to follow, urgent contacts; and cards.
#include <algorithm>
#include <cctype>
#include <functional>

#include <fmt/format.h>

#include "templates/words.h"
#include "content/languages.h"
#include "core/text.h"
#include "core/thread_pool.h"
#include "markdown/urls.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"

namespace herald {
using namespace view_models;

namespace {

/// A menu link's href as cmark writes a link's (templates escape `&` and
/// quotes themselves): spaces and characters outside URLs as %XX.
std::string href_of(std::string_view url) {
  static constexpr std::string_view kept = "-_.+!*(),%#@?=;:/$~&'";
  std::string out;
  for (unsigned char c : url) {
    if (std::isalnum(c) || kept.find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

/// A menu's links for the page at `url`, relative to it (`root` leads to the
/// site's top). One link to the page itself has `aria_current` "page" (the
/// first, or the first without a `#part` or `?query` if one is), each one
/// to a folder above it "true" (the section the page is in).
/// `top`: the way from the page to the site's very top, for a link to a
/// page of the default language (MenuLink::top).
data menu_data(const std::vector<MenuLink>& links, const std::string& url, const std::string& root,
               const std::string& top) {
  auto path_of = [](const MenuLink& link) { return link.url.substr(0, link.url.find_first_of("?#")); };
  auto is_page = [&](const std::string& path) { return path == url || path + '/' == url; };
  const MenuLink* page_link = nullptr;
  for (const MenuLink& link : links) {
    if (!link.site || link.top || !is_page(path_of(link))) continue;
    bool whole = link.url == path_of(link);
    if (!page_link || (whole && page_link->url != path_of(*page_link))) page_link = &link;
    if (whole) break;
  }
  list items;
  items.reserve(links.size());
  for (const MenuLink& link : links) {
    data item;
    put(item, "title", link.title);
    std::string current;
    if (link.site) {
      std::string path = path_of(link);
      if (&link == page_link) current = "page";
      else if (!link.top && path != "/" && !is_page(path) && path.back() == '/' && starts_with(url, path))
        current = "true";
      put(item, "url", href_of((link.top ? top : root) + link.url.substr(1)));
    } else {
      put(item, "url", href_of(link.url));
    }
    put(item, "aria_current", opt(current));
    put(item, "hreflang", opt(link.hreflang));
    put(item, "lang", opt(link.lang));
    put(item, "current", data(!current.empty()));
    items.push_back(std::move(item));
  }
  return as_data(std::move(items));
}

}  // namespace

std::string root_from(const std::string& url) {
  std::string root;
  if (url.empty() || url[0] != '/') return root;
  size_t depth = std::count(url.begin(), url.end(), '/') - 1;
  for (size_t i = 0; i < depth; ++i) root += "../";
  return root;
}

std::string top_from(std::string root, const Config& config) {
  for (char ch : config.language_folder)
    if (ch == '/') root += "../";
  return root;
}

ViewModel::ViewModel(const Library& library) : lib_(library) {
  KeyInput menus("menu-key 2");
  for (const std::vector<MenuLink>* menu : {&lib_.main_menu, &lib_.footer_menu}) {
    menus.number(static_cast<int64_t>(menu->size()));
    for (const MenuLink& link : *menu) {
      menus.text(link.title);
      menus.text(link.url);
      menus.flag(link.site);
      menus.flag(link.top);
      menus.text(link.hreflang);
      menus.text(link.lang);
    }
  }
  // Which terms the other languages have decides where a term page's language link goes.
  for (const Library* other : language_libraries(lib_)) {
    menus.text(other->config.language);
    for (const std::vector<Term>* terms : {&other->topics, &other->audiences, &other->review_types}) {
      menus.number(static_cast<int64_t>(terms->size()));
      for (const Term& t : *terms) menus.text(t.key);
    }
  }
  menu_key_ = menus.hash();
  for (const Release& r : lib_.releases) {
    for (const ChapterChange& c : r.added) mentions_[c.manual + '/' + c.slug].push_back({&r, &c, "New chapter"});
    for (const ChapterChange& c : r.updated) mentions_[c.manual + '/' + c.slug].push_back({&r, &c, "Updated"});
  }
  for (const Manual& manual : lib_.manuals)
    for (size_t i = 0; i < manual.chapters.size(); ++i)
      neighbours_[manual.chapters[i]] = {i > 0 ? manual.chapters[i - 1] : nullptr,
                                         i + 1 < manual.chapters.size() ? manual.chapters[i + 1] : nullptr};
}

TemplateData ViewModel::breadcrumbs(const std::string& url, const std::string& root) const {
  list crumbs;
  if (url == "/") return crumbs;
  auto crumb = [&](const std::string& title, const std::string& href) {
    data c;
    put(c, "title", title);
    put(c, "url", root + href);
    crumbs.push_back(std::move(c));
  };
  crumb(tr("Home"), "");
  // Each parent folder that is a page of its own.
  std::string path = "/";
  size_t start = 1;
  while (true) {
    size_t slash = url.find('/', start);
    if (slash == std::string::npos || slash + 1 >= url.size()) break;
    path = url.substr(0, slash + 1);
    start = slash + 1;
    std::string section = path.substr(1, path.size() - 2);
    std::string title = section_title(section);
    if (const Page* p = lib_.find_page(path); p && (p->kind == Kind::manual || p->kind == Kind::board))
      title = p->title;
    if (section == "briefings/review-type") continue;
    if (!title.empty()) crumb(title, path.substr(1));
  }
  return as_data(std::move(crumbs));
}

TemplateData ViewModel::base(const std::string& url, const std::string& title) const {
  const Config& c = lib_.config;
  std::string root = url == "/404.html" ? c.base_path() : root_from(url);
  // The site's top, above this language's folder: theme assets, static files, other languages.
  std::string asset_root = top_from(root, c);
  data d;
  data site;
  put(site, "title", c.title);
  put(site, "description", opt(c.description));
  put(site, "language", c.language);
  put(site, "base_url", c.base_url);
  put(site, "brand_colour", c.brand_colour);
  std::string logo = c.logo;
  if (starts_with(logo, "static/")) logo = logo.substr(7);
  put(site, "logo", logo.empty() ? data(false) : data(asset_root + logo));
  put(d, "site", std::move(site));
  put(d, "root", root);
  put(d, "asset_root", asset_root);
  put(d, "words", words_data());
  // The same page in the site's other languages: the language switch, and
  // `hreflang` links in the head (this page's own among them).
  list translations, alternates;
  for (const Translation& t : translations_of(lib_, url)) {
    data item;
    put(item, "tag", t.tag);
    put(item, "name", language_name(t.tag));
    put(item, "href", asset_root + t.url.substr(1));
    put(item, "absolute", lib_.default_language ? lib_.default_language->config.absolute_url(t.url)
                                                : c.absolute_url(t.url));
    translations.push_back(item);
    alternates.push_back(std::move(item));
  }
  if (!translations.empty()) {
    data self;
    put(self, "tag", c.language);
    put(self, "absolute", c.absolute_url(url));
    alternates.insert(alternates.begin(), std::move(self));
    // x-default: the default language's page, for a reader in any other language.
    const Library& home = lib_.default_language ? *lib_.default_language : lib_;
    std::string fallback = c.absolute_url(url);
    for (const Translation& t : translations_of(lib_, url))
      if (t.tag == home.config.language) fallback = home.config.absolute_url(t.url);
    data any;
    put(any, "tag", "x-default");
    put(any, "absolute", fallback);
    alternates.push_back(std::move(any));
  }
  put(d, "has_translations", data(!translations.empty()));
  put(d, "translations", std::move(translations));
  put(d, "alternates", std::move(alternates));
  put(d, "title", title);
  put(d, "url", url.substr(1));
  put(d, "canonical", c.absolute_url(url));
  put(d, "is_home", data(url == "/"));
  put(d, "preview", data(lib_.preview));
  // The menus (content/menus.h): `nav` is the main menu's, as themes have long read it.
  const std::string top = top_from(root, lib_.config);
  put(d, "nav", menu_data(lib_.main_menu, url, root, top));
  put(d, "has_nav", data(!lib_.main_menu.empty()));
  put(d, "footer_nav", menu_data(lib_.footer_menu, url, root, top));
  put(d, "has_footer_nav", data(!lib_.footer_menu.empty()));
  // Urgent contacts are rendered with this page's root for the vCard links.
  list urgent;
  if (lib_.contacts)
    for (const Contact* ct : lib_.contacts->urgent()) urgent.push_back(contact(*ct, root));
  put(d, "urgent", std::move(urgent));
  put(d, "has_urgent", data(lib_.contacts && !lib_.contacts->urgent().empty()));
  put(d, "breadcrumbs", breadcrumbs(url, root));
  // Feeds that follow this page's section, topic or audience.
  list feeds;
  std::string folder;
  for (const char* s : {"/newsletters/", "/briefings/", "/reports/", "/events/", "/procedures/changes/"})
    if (starts_with(url, s)) folder = std::string(s).substr(1);
  if (starts_with(url, "/topics/") || starts_with(url, "/audience/")) {
    size_t second = url.find('/', url.find('/', 1) + 1);
    if (second != std::string::npos && second + 1 == url.size()) folder = url.substr(1);
  }
  if (starts_with(url, "/briefings/review-type/")) folder = "briefings/";
  std::string feed_name;
  if (starts_with(url, "/meetings/")) {  // a board's feeds, on its pages
    size_t second = url.find('/', 10);
    if (second != std::string::npos)
      if (const Page* board = lib_.find_page(url.substr(0, second + 1)); board && board->kind == Kind::board) {
        folder = url.substr(1, second);
        feed_name = board->title;
      }
  }
  if (!folder.empty()) {
    std::string name = folder == "newsletters/" ? tr("Newsletters") : folder == "briefings/" ? tr("7-minute briefings")
                     : folder == "reports/" ? tr("Reports") : folder == "events/" ? tr("Events")
                     : folder == "procedures/changes/" ? tr("Changes to the procedures")
                     : !feed_name.empty() ? feed_name : title;
    const std::pair<const char*, const char*> kinds[] = {{"feed.xml", "application/rss+xml"},
                                                         {"atom.xml", "application/atom+xml"},
                                                         {"feed.json", "application/feed+json"}};
    for (const auto& [file, type] : kinds) {
      data f;
      put(f, "type", type);
      put(f, "title", name + " (" + (std::string(file) == "feed.xml" ? "RSS" : std::string(file) == "atom.xml" ? "Atom" : "JSON Feed") + ")");
      put(f, "href", root + folder + file);
      feeds.push_back(std::move(f));
    }
  }
  put(d, "feeds", std::move(feeds));
  put(d, "has_breadcrumbs", data(url != "/" && url != "/404.html"));
  put(d, "description", opt(c.description));
  return d;
}

TemplateData ViewModel::terms_of(const Page& page, const std::string& root) const {
  data d;
  list topics;
  for (const auto& t : page.topics) {
    data item;
    put(item, "name", t);
    put(item, "url", root + "topics/" + slugify(t) + "/");
    topics.push_back(std::move(item));
  }
  put(d, "topics", std::move(topics));
  put(d, "has_topics", data(!page.topics.empty()));
  list audience;
  for (const auto& a : page.audience) {
    data item;
    put(item, "name", a);
    put(item, "url", root + "audience/" + a + "/");
    audience.push_back(std::move(item));
  }
  put(d, "audience", std::move(audience));
  put(d, "has_audience", data(!page.audience.empty()));
  return d;
}

TemplateData ViewModel::card(const Page& page, const std::string& root) const {
  data d;
  put(d, "title", page.title);
  put(d, "url", root + page.url.substr(1));
  put(d, "summary", opt(page.summary));
  put(d, "kind", kind_name(page.kind));
  put(d, "kind_label", kind_label(page.kind));
  std::optional<DateTime> date = page.date;
  if (!date && page.kind == Kind::event && !page.sessions.empty()) date = page.sessions.front().start;
  if (page.kind == Kind::meeting) date = page.meeting.start;
  put(d, "date", date_data(date));
  if (page.kind == Kind::briefing) put(d, "review_type", opt(tr(lib_.config.review_type_name(page.review_type))));
  if (page.report) {
    put(d, "report_type", opt(tr(lib_.config.report_type_name(page.report->report_type))));
    put(d, "period", opt(page.report->period));
  }
  if (page.issue) put(d, "issue", std::to_string(*page.issue));
  return d;
}

Hash128 ViewModel::card_key(const Page& p) const {
  auto of = [](const Page& page) {
    KeyInput in("card-key 1");
    add_card(in, page);
    return in.hash();
  };
  // Found once for every page, on every core (the other tasks that need them
  // wait): each term's key is made of its pages' cards.
  std::call_once(cards_once_, [&] {
    card_keys_.resize(lib_.pages.size());
    parallel_for(lib_.pages.size(), [&](size_t i) { card_keys_[i] = of(lib_.pages[i]); });
  });
  const Page* first = lib_.pages.data();
  if (std::less_equal<>{}(first, &p) && std::less<>{}(&p, first + card_keys_.size()))
    return card_keys_[static_cast<size_t>(&p - first)];
  return of(p);
}

}  // namespace herald
