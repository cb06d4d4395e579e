// Template data for every page type.
#include "templates/view_model.h"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>
#include <xxhash.h>

#include "cache/parse_cache.h"
#include "core/text.h"
#include "core/thread_pool.h"
#include "markdown/document.h"
#include "output/feeds.h"
#include "templates/template_data.h"

namespace herald {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;

data text(const std::string& s) { return data(s); }

// More put()s beside those of templates/template_data.h: a list, and text.
using herald::put;
void put(data& d, const std::string& key, list&& items) { put(d, key, as_data(std::move(items))); }
void put(data& d, const std::string& key, const std::string& value) { put(d, key, data(value)); }
void put(data& d, const std::string& key, const char* value) { put(d, key, data(value)); }

/// Optional text: empty becomes false, because mustache treats an empty
/// string as true in a {{#section}}.
data opt(const std::string& s) { return s.empty() ? data(false) : data(s); }

struct NavItem {
  const char* title;
  const char* url;
  const char* section;
};

const NavItem kNav[] = {
    {"Newsletters", "newsletters/", "newsletters"},
    {"7-minute briefings", "briefings/", "briefings"},
    {"Procedures", "procedures/", "procedures"},
    {"Events", "events/", "events"},
    {"Contacts", "contacts/", "contacts"},
    {"Search", "search/", "search"},
};

std::string section_title(const std::string& section) {
  for (const auto& n : kNav)
    if (section == n.section) return n.title;
  if (section == "topics") return "Topics";
  if (section == "audience") return "Audiences";
  if (section == "feeds") return "Feeds";
  return "";
}

std::string tel_href(const PhoneNumber& n) { return "tel:" + n.e164; }

data date_data(const std::optional<DateTime>& d) {
  if (!d) return data(false);
  data out;
  put(out, "human", format_human_date(*d));
  put(out, "iso", d->has_time ? format_rfc3339(*d) : format_iso_date(*d));
  return out;
}

data date_from_git(int64_t seconds, const TimeZone& zone) {
  if (seconds == 0) return data(false);
  DateTime t = in_zone(seconds, zone, false);
  data out;
  put(out, "human", format_human_date(t));
  put(out, "iso", format_iso_date(t));
  return out;
}

}  // namespace

std::string root_from(const std::string& url) {
  std::string root;
  if (url.empty() || url[0] != '/') return root;
  size_t depth = std::count(url.begin(), url.end(), '/') - 1;
  for (size_t i = 0; i < depth; ++i) root += "../";
  return root;
}

ViewModel::ViewModel(const Library& library) : lib_(library) {
  list urgent;
  if (lib_.contacts)
    for (const Contact* c : lib_.contacts->urgent()) urgent.push_back(contact(*c, ""));
  urgent_ = as_data(std::move(urgent));
  for (const Release& r : lib_.releases) {
    for (const ChapterChange& c : r.added) mentions_[c.manual + '/' + c.slug].push_back({&r, &c, "New chapter"});
    for (const ChapterChange& c : r.updated) mentions_[c.manual + '/' + c.slug].push_back({&r, &c, "Updated"});
  }
  for (const Manual& manual : lib_.manuals)
    for (size_t i = 0; i < manual.chapters.size(); ++i)
      neighbours_[manual.chapters[i]] = {i > 0 ? manual.chapters[i - 1] : nullptr,
                                         i + 1 < manual.chapters.size() ? manual.chapters[i + 1] : nullptr};
}

std::pair<const Page*, const Page*> ViewModel::neighbours(const Page& chapter) const {
  auto it = neighbours_.find(&chapter);
  return it == neighbours_.end() ? std::pair<const Page*, const Page*>{} : it->second;
}

TemplateData ViewModel::contact(const Contact& c, const std::string& root) const {
  data d;
  put(d, "id", c.id);
  put(d, "name", c.name);
  put(d, "organisation", opt(c.organisation));
  put(d, "urgent", data(c.urgent));
  list phones;
  for (const auto& p : c.phones) {
    data ph;
    put(ph, "display", p.number.display);
    put(ph, "href", tel_href(p.number));
    put(ph, "label", opt(p.label));
    put(ph, "hours", opt(p.hours));
    phones.push_back(std::move(ph));
  }
  put(d, "phones", std::move(phones));
  put(d, "has_phones", data(!c.phones.empty()));
  if (!c.phones.empty()) {
    put(d, "first_phone", opt(c.phones.front().number.display));
    put(d, "first_phone_href", tel_href(c.phones.front().number));
  }
  put(d, "email", opt(c.email));
  put(d, "contact_url", opt(c.url));
  list audience;
  for (const auto& a : c.audience) audience.push_back(text(a));
  put(d, "audience", std::move(audience));
  put(d, "vcard_url", root + "contacts/" + c.id + ".vcf");
  put(d, "notes", opt(c.notes));
  return d;
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
  crumb("Home", "");
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
    if (const Page* p = lib_.find_page(path); p && p->kind == Kind::manual) title = p->title;
    if (section == "briefings/review-type") continue;
    if (!title.empty()) crumb(title, path.substr(1));
  }
  return as_data(std::move(crumbs));
}

TemplateData ViewModel::base(const std::string& url, const std::string& title,
                             const std::string& section) const {
  const Config& c = lib_.config;
  std::string root = url == "/404.html" ? c.base_path() : root_from(url);
  data d;
  data site;
  put(site, "title", c.title);
  put(site, "description", opt(c.description));
  put(site, "language", c.language);
  put(site, "base_url", c.base_url);
  put(site, "brand_colour", c.brand_colour);
  std::string logo = c.logo;
  if (starts_with(logo, "static/")) logo = logo.substr(7);
  put(site, "logo", logo.empty() ? data(false) : data(root + logo));
  put(d, "site", std::move(site));
  put(d, "root", root);
  put(d, "title", title);
  put(d, "url", url.substr(1));
  put(d, "canonical", c.absolute_url(url));
  put(d, "is_home", data(url == "/"));
  put(d, "preview", data(lib_.preview));
  list nav;
  for (const auto& n : kNav) {
    data item;
    put(item, "title", n.title);
    put(item, "url", root + n.url);
    put(item, "current", data(section == n.section));
    nav.push_back(std::move(item));
  }
  put(d, "nav", std::move(nav));
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
  for (const char* s : {"/newsletters/", "/briefings/", "/events/", "/procedures/changes/"})
    if (starts_with(url, s)) folder = std::string(s).substr(1);
  if (starts_with(url, "/topics/") || starts_with(url, "/audience/")) {
    size_t second = url.find('/', url.find('/', 1) + 1);
    if (second != std::string::npos && second + 1 == url.size()) folder = url.substr(1);
  }
  if (starts_with(url, "/briefings/review-type/")) folder = "briefings/";
  if (!folder.empty()) {
    std::string name = folder == "newsletters/" ? "Newsletters" : folder == "briefings/" ? "7-minute briefings"
                     : folder == "events/" ? "Events" : folder == "procedures/changes/" ? "Changes to the procedures"
                     : title;
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

/// What a reader calls each kind of page, in cards and search filters.
static std::string kind_label(Kind kind) {
  switch (kind) {
    case Kind::newsletter: return "Newsletter";
    case Kind::briefing: return "7-minute briefing";
    case Kind::chapter: return "Procedure";
    case Kind::manual: return "Procedures manual";
    case Kind::event: return "Event";
    default: return "Page";
  }
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
  put(d, "date", date_data(date));
  if (page.kind == Kind::briefing) put(d, "review_type", opt(lib_.config.review_type_name(page.review_type)));
  if (page.issue) put(d, "issue", std::to_string(*page.issue));
  return d;
}

TemplateData ViewModel::page(const Page& p) const {
  std::string section;
  switch (p.kind) {
    case Kind::newsletter: section = "newsletters"; break;
    case Kind::briefing: section = "briefings"; break;
    case Kind::manual:
    case Kind::chapter: section = "procedures"; break;
    case Kind::event: section = "events"; break;
    default: break;
  }
  data d = base(p.url, p.title, section);
  std::string root = root_from(p.url);
  const TimeZone zone = lib_.config.zone();
  data pg = terms_of(p, root);
  put(pg, "title", p.title);
  put(pg, "summary", opt(p.summary));
  put(pg, "kind", kind_name(p.kind));
  put(pg, "kind_label", kind_label(p.kind));
  put(d, "searchable", data(true));  // indexed by Pagefind, with its filters
  put(pg, "date", date_data(p.date));
  put(pg, "last_updated", date_from_git(p.last_commit, zone));
  put(pg, "draft", data(p.draft));
  // A site path written from the top (`/contacts/`) is made relative, so the
  // site works under any base path: in the body and in booking_url.
  auto site_relative = [&](std::string_view u) {
    if (!u.empty() && u[0] == '/' && (u.size() < 2 || u[1] != '/')) return root + std::string(u.substr(1));
    return std::string(u);
  };
  std::string body = p.doc ? p.doc->html_with_urls(site_relative) : "";
  put(pg, "html", body);
  if (p.pdf) put(pg, "pdf_url", p.slug + ".pdf");
  put(pg, "has_pdf", data(p.pdf));
  // Contents list from ## and ### headings.
  list toc;
  if (p.doc) {
    std::vector<data> items;
    for (const auto& h : p.doc->headings()) {
      if (h.level == 2) {
        data item;
        put(item, "text", h.text);
        put(item, "anchor", h.anchor);
        put(item, "children", list{});
        items.push_back(std::move(item));
      } else if (h.level == 3 && !items.empty()) {
        data child;
        put(child, "text", h.text);
        put(child, "anchor", h.anchor);
        data* kids = const_cast<data*>(items.back().get("children"));
        kids->push_back(child);
        items.back().set("has_children", data(true));
      }
    }
    for (auto& item : items) toc.push_back(std::move(item));
  }
  put(pg, "toc", std::move(toc));
  put(d, "toc_title", p.kind == Kind::newsletter ? "In this issue" : "Contents");
  put(d, "one_minute", data(p.reading_minutes == 1));
  put(pg, "show_toc", data((p.kind == Kind::newsletter || p.toc) && p.doc && !p.doc->headings().empty()));
  if (p.kind == Kind::newsletter) {
    if (p.issue) put(pg, "issue", std::to_string(*p.issue));
    put(pg, "series", opt(p.series));
  }
  if (p.kind == Kind::briefing) {
    put(pg, "review_type", opt(lib_.config.review_type_name(p.review_type)));
    put(pg, "review_type_url", root + "briefings/review-type/" + p.review_type + "/");
    put(pg, "lead_html", opt(p.lead_html.str()));
    list sections;
    for (const auto& s : p.sections) {
      data item;
      put(item, "number", std::to_string(s.number));
      put(item, "title", s.title);
      put(item, "anchor", s.anchor);
      put(item, "html", s.html.str());
      sections.push_back(std::move(item));
    }
    put(pg, "sections", std::move(sections));
    put(pg, "reading_minutes", std::to_string(p.reading_minutes));
    if (!p.source.title.empty() || !p.source.url.empty()) {
      data src;
      put(src, "title", p.source.title.empty() ? p.source.url : p.source.title);
      put(src, "url", p.source.url);
      put(src, "published", date_data(p.source.published));
      put(pg, "source", std::move(src));
    } else {
      put(pg, "source", data(false));
    }
  }
  if (p.kind == Kind::chapter) {
    const Manual* m = lib_.find_manual(p.manual);
    if (m && m->index) {
      put(pg, "manual_title", opt(m->index->title));
      put(pg, "manual_url", root + m->index->url.substr(1));
    }
    put(pg, "owner", opt(p.owner));
    put(pg, "reviewed", date_data(p.reviewed));
    put(pg, "review_due", date_data(p.review_due));
    put(pg, "overdue", data(p.review_due && p.review_due->utc_seconds < lib_.now));
    put(pg, "amendment", opt(p.amendment));
    put(pg, "reread", data(p.reread));
    // The chapter's own history: every release that touched it.
    list history;
    if (auto found = mentions_.find(p.manual + '/' + p.slug); found != mentions_.end()) {
      history.reserve(found->second.size());
      for (const Mention& m : found->second) {
        const Release& r = *m.release;
        const ChapterChange& c = *m.change;
        data h;
        put(h, "release", r.name);
        put(h, "date", date_data(r.date));
        put(h, "what", m.what);
        put(h, "amendment", opt(c.type == ChapterChange::Type::moved ? "Moved from " + c.old_path : c.amendment));
        put(h, "url", root + "procedures/changes/#" + r.id);
        history.push_back(std::move(h));
      }
    }
    put(pg, "history", std::move(history));
    auto [previous, next] = neighbours(p);
    if (previous) put(pg, "previous", card(*previous, root));
    if (next) put(pg, "next", card(*next, root));
  }
  if (p.kind == Kind::event) {
    list sessions;
    bool upcoming = false;
    for (const auto& s : p.sessions) {
      data item;
      put(item, "date", format_human_date(s.start));
      put(item, "start_time", format_human_time(s.start));
      put(item, "end_time", format_human_time(s.end));
      put(item, "end_date", opt(format_iso_date(s.start) != format_iso_date(s.end) ? format_human_date(s.end) : ""));
      put(item, "start_iso", format_rfc3339(s.start));
      put(item, "end_iso", format_rfc3339(s.end));
      put(item, "past", data(s.end.utc_seconds < lib_.now));
      upcoming = upcoming || s.end.utc_seconds >= lib_.now;
      sessions.push_back(std::move(item));
    }
    put(pg, "sessions", std::move(sessions));
    put(pg, "several_sessions", data(p.sessions.size() > 1));
    put(pg, "location", opt(p.location));
    put(pg, "booking_url", opt(p.booking_url.empty() ? "" : site_relative(p.booking_url)));
    put(pg, "upcoming", data(upcoming));
    put(pg, "ics_url", p.slug + ".ics");
  }
  put(d, "page", std::move(pg));
  return d;
}

namespace {

void add_date(KeyInput& in, const std::optional<DateTime>& d) {
  in.flag(d.has_value());
  if (d) {  // all that its formats are made from
    in.number(d->utc_seconds);
    in.number(d->offset_seconds);
    in.flag(d->has_time);
  }
}

/// What ViewModel::card shows of a page (besides the site's settings).
void add_card(KeyInput& in, const Page& page) {
  in.text(page.title);
  in.text(page.url);
  in.text(page.summary);
  in.text(kind_name(page.kind));
  std::optional<DateTime> date = page.date;
  if (!date && page.kind == Kind::event && !page.sessions.empty()) date = page.sessions.front().start;
  add_date(in, date);
  in.text(page.kind == Kind::briefing ? page.review_type : "");
  in.flag(page.issue.has_value());
  if (page.issue) in.number(*page.issue);
}

/// The whole page as parsed and dated. A page parsed from a source is what
/// parsing that file's bytes gives, with the site's inputs (`Library::inputs`,
/// in every key) and herald's build (in the output records' stamp): its path
/// and git blob id stand for all that, with what Assemble sets (its URL, its
/// commit dates, whether and why not it is published). Hashing those is far
/// cheaper than hashing every member.
void add_page(KeyInput& in, const Page& p) {
  in.flag(p.source_blob.empty());
  if (p.source_blob.empty()) {
    in.text(encode_page(p));
    return;
  }
  in.text(p.source_path);
  in.text(p.source_blob);
  in.text(p.url);
  in.number(p.first_commit);
  in.number(p.last_commit);
  in.flag(p.published);
  in.text(p.withheld_reason);
}

}  // namespace

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

Hash128 ViewModel::page_key(const Page& p, const std::string& tmpl) const {
  KeyInput in("page-key 1");
  in.text(tmpl);
  in.text(lib_.inputs);
  in.flag(lib_.preview);
  add_page(in, p);
  in.flag(p.review_due && p.review_due->utc_seconds < lib_.now);
  for (const auto& s : p.sessions) in.flag(s.end.utc_seconds < lib_.now);
  // The breadcrumbs name each parent folder that is a manual.
  for (size_t slash = p.url.find('/', 1); slash != std::string::npos && slash + 1 < p.url.size();
       slash = p.url.find('/', slash + 1))
    if (const Page* parent = lib_.find_page(p.url.substr(0, slash + 1)); parent && parent->kind == Kind::manual)
      in.text(parent->title);
  if (p.kind == Kind::chapter) {
    const Manual* m = lib_.find_manual(p.manual);
    in.flag(m && m->index);
    if (m && m->index) {
      in.text(m->index->title);
      in.text(m->index->url);
    }
    auto [previous, next] = neighbours(p);
    in.flag(previous);
    if (previous) add_page(in, *previous);
    in.flag(next);
    if (next) add_page(in, *next);
    if (auto found = mentions_.find(p.manual + '/' + p.slug); found != mentions_.end()) {
      for (const Mention& mention : found->second) {
        const Release& r = *mention.release;
        const ChapterChange& c = *mention.change;
        in.text(r.name);
        in.text(r.id);
        add_date(in, r.date);
        in.text(mention.what);
        in.number(static_cast<int>(c.type));
        in.text(c.old_path);
        in.text(c.amendment);
      }
    }
  }
  return in.hash();
}

Hash128 ViewModel::term_key(const Term& t, const std::string& kind) const {
  KeyInput in("term-key 1");
  in.text(kind);
  in.text(t.key);
  in.text(t.name);
  in.text(lib_.inputs);
  in.flag(lib_.preview);
  for (const Page* p : t.pages) in.key(card_key(*p));
  return in.hash();
}

TemplateData ViewModel::home() const {
  data d = base("/", lib_.config.title, "");
  const std::string root;
  if (lib_.home && lib_.home->doc) put(d, "intro", opt(lib_.home->doc->html()));
  if (!lib_.newsletters.empty()) put(d, "latest_newsletter", card(*lib_.newsletters.front(), root));
  list briefings;
  for (size_t i = 0; i < lib_.briefings.size() && i < 4; ++i) briefings.push_back(card(*lib_.briefings[i], root));
  put(d, "latest_briefings", std::move(briefings));
  put(d, "has_briefings", data(!lib_.briefings.empty()));
  list events;
  events.reserve(lib_.events.size());
  for (const Page* e : lib_.events) {
    bool upcoming = false;
    for (const auto& s : e->sessions) upcoming = upcoming || s.end.utc_seconds >= lib_.now;
    if (upcoming && events.size() < 3) {
      data c = card(*e, root);
      for (const auto& s : e->sessions)
        if (s.end.utc_seconds >= lib_.now) {
          put(c, "date", date_data(s.start));
          break;
        }
      events.push_back(std::move(c));
    }
  }
  put(d, "has_events", data(!events.empty()));
  put(d, "upcoming_events", std::move(events));
  list topics;
  for (const auto& t : lib_.topics) {
    data item;
    put(item, "name", t.name);
    put(item, "url", "topics/" + t.key + "/");
    put(item, "count", std::to_string(t.pages.size()));
    topics.push_back(std::move(item));
  }
  put(d, "topics", std::move(topics));
  return d;
}

namespace {

/// How many of a term's pages are briefings (the briefings list's filters).
int64_t briefing_count(const Term& t) {
  return std::count_if(t.pages.begin(), t.pages.end(), [](const Page* p) { return p->kind == Kind::briefing; });
}

/// The year a page is listed under: of its date, else of its first commit.
int list_year(const Page& p) {
  return p.date ? civil_time(*p.date).year : civil_time(DateTime{p.first_commit, 0, false}).year;
}

data grouped_by_year(const std::vector<const Page*>& pages, const std::function<data(const Page&)>& card) {
  list years;
  int current = 0;
  data group;
  // Lists are reserved throughout: kainjow's data has no noexcept move, so a
  // vector that grows copies every card it holds.
  list items;
  size_t left = pages.size();
  items.reserve(left);
  auto flush = [&] {
    if (current == 0) return;
    put(group, "year", std::to_string(current));
    put(group, "items", std::move(items));
    years.push_back(std::move(group));
    group = data();
    items = list();
    items.reserve(left);
  };
  for (const Page* p : pages) {
    int year = list_year(*p);
    if (year != current) {
      flush();
      current = year;
    }
    items.push_back(card(*p));
    --left;
  }
  flush();
  return as_data(std::move(years));
}

}  // namespace

/// The inputs of a section's list page besides its cards: the site's
/// inputs, the preview flag and the section's intro page.
KeyInput ViewModel::list_key_input(const char* what, const std::string& section) const {
  KeyInput in(what);
  in.text(lib_.inputs);
  in.flag(lib_.preview);
  auto it = lib_.section_intros.find(section);
  in.flag(it != lib_.section_intros.end());
  if (it != lib_.section_intros.end()) add_page(in, *it->second);
  return in;
}

Hash128 ViewModel::newsletters_key() const {
  KeyInput in = list_key_input("newsletters-key 1", "newsletters");
  for (const Page* p : lib_.newsletters) {
    in.key(card_key(*p));
    in.number(list_year(*p));
  }
  return in.hash();
}

Hash128 ViewModel::briefings_key() const {
  KeyInput in = list_key_input("briefings-key 1", "briefings");
  for (const Page* p : lib_.briefings) in.key(card_key(*p));
  for (const std::vector<Term>* terms : {&lib_.review_types, &lib_.topics, &lib_.audiences})
    for (const Term& t : *terms) {
      in.text(t.key);
      in.text(t.name);
      in.number(briefing_count(t));
    }
  in.text("end");
  return in.hash();
}

TemplateData ViewModel::newsletters() const {
  data d = base("/newsletters/", "Newsletters", "newsletters");
  std::string root = root_from("/newsletters/");
  auto it = lib_.section_intros.find("newsletters");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  put(d, "years", grouped_by_year(lib_.newsletters, [&](const Page& p) { return card(p, root); }));
  put(d, "empty", data(lib_.newsletters.empty()));
  return d;
}

TemplateData ViewModel::briefings() const {
  data d = base("/briefings/", "7-minute briefings", "briefings");
  std::string root = root_from("/briefings/");
  auto it = lib_.section_intros.find("briefings");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  list items;
  items.reserve(lib_.briefings.size());
  for (const Page* p : lib_.briefings) items.push_back(card(*p, root));
  put(d, "items", std::move(items));
  put(d, "empty", data(lib_.briefings.empty()));
  auto terms = [&](const std::vector<Term>& v, const std::string& prefix) {
    list out;
    for (const auto& t : v) {
      int64_t count = briefing_count(t);
      if (count == 0) continue;
      data item;
      put(item, "name", t.name);
      put(item, "url", root + prefix + t.key + "/");
      put(item, "count", std::to_string(count));
      out.push_back(std::move(item));
    }
    return out;
  };
  put(d, "review_types", terms(lib_.review_types, "briefings/review-type/"));
  put(d, "topics", terms(lib_.topics, "topics/"));
  put(d, "audiences", terms(lib_.audiences, "audience/"));
  return d;
}

TemplateData ViewModel::procedures() const {
  data d = base("/procedures/", "Procedures", "procedures");
  std::string root = root_from("/procedures/");
  auto it = lib_.section_intros.find("procedures");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  list manuals;
  for (const auto& m : lib_.manuals) {
    data item = card(*m.index, root);
    put(item, "chapter_count", std::to_string(m.chapters.size()));
    manuals.push_back(std::move(item));
  }
  put(d, "manuals", std::move(manuals));
  if (!lib_.releases.empty()) put(d, "latest_release", release(lib_.releases.front(), root));
  return d;
}

TemplateData ViewModel::manual(const Manual& m) const {
  data d = page(*m.index);
  std::string root = root_from(m.index->url);
  list chapters;
  chapters.reserve(m.chapters.size());
  for (const Page* c : m.chapters) {
    data item = card(*c, root);
    put(item, "owner", opt(c->owner));
    put(item, "overdue", data(c->review_due && c->review_due->utc_seconds < lib_.now));
    put(item, "last_updated", date_from_git(c->last_commit, lib_.config.zone()));
    chapters.push_back(std::move(item));
  }
  put(d, "chapters", std::move(chapters));
  return d;
}

Hash128 ViewModel::manual_key(const Manual& m) const {
  KeyInput in("manual-key 1");
  in.key(page_key(*m.index, "manual"));
  for (const Page* c : m.chapters) {
    in.key(card_key(*c));
    in.text(c->owner);
    in.flag(c->review_due && c->review_due->utc_seconds < lib_.now);
    in.number(c->last_commit);
  }
  return in.hash();
}

const Page* ViewModel::live_chapter(const ChapterChange& c) const {
  if (c.type == ChapterChange::Type::removed) return nullptr;
  return lib_.find_page("/procedures/" + c.manual + "/" + c.slug + "/");
}

std::string ViewModel::manual_title(const ChapterChange& c) const {
  const Manual* m = lib_.find_manual(c.manual);
  return m && m->index ? m->index->title : c.manual;
}

TemplateData ViewModel::release(const Release& r, const std::string& root) const {
  data d;
  put(d, "name", r.name);
  put(d, "id", r.id);
  put(d, "date", date_data(r.date));
  put(d, "from_tag", data(r.from_tag));
  auto changes = [&](const std::vector<ChapterChange>& v) {
    list out;
    out.reserve(v.size());
    for (const auto& c : v) {
      data item;
      put(item, "title", c.title.empty() ? c.slug : c.title);
      const Page* live = live_chapter(c);
      put(item, "url", live ? data(root + live->url.substr(1)) : data(false));
      put(item, "manual", manual_title(c));
      put(item, "amendment", opt(c.amendment));
      put(item, "reread", data(c.reread));
      put(item, "moved", data(c.type == ChapterChange::Type::moved));
      put(item, "old_path", opt(c.old_path));
      out.push_back(std::move(item));
    }
    return out;
  };
  put(d, "added", changes(r.added));
  put(d, "updated", changes(r.updated));
  put(d, "removed", changes(r.removed));
  put(d, "has_added", data(!r.added.empty()));
  put(d, "has_updated", data(!r.updated.empty()));
  put(d, "has_removed", data(!r.removed.empty()));
  return d;
}

void ViewModel::add_release(KeyInput& in, const Release& r) const {
  in.text(r.name);
  in.text(r.id);
  in.flag(r.from_tag);
  add_date(in, r.date);
  for (const std::vector<ChapterChange>* changes : {&r.added, &r.updated, &r.removed}) {
    in.number(static_cast<int64_t>(changes->size()));
    for (const ChapterChange& c : *changes) {
      in.text(c.title.empty() ? c.slug : c.title);
      const Page* live = live_chapter(c);
      in.flag(live);
      if (live) in.text(live->url);
      in.text(manual_title(c));
      in.text(c.amendment);
      in.flag(c.reread);
      in.flag(c.type == ChapterChange::Type::moved);
      in.text(c.old_path);
    }
  }
}

Hash128 ViewModel::procedures_key() const {
  KeyInput in = list_key_input("procedures-key 1", "procedures");
  for (const Manual& m : lib_.manuals) {
    in.key(card_key(*m.index));
    in.number(static_cast<int64_t>(m.chapters.size()));
  }
  in.flag(!lib_.releases.empty());
  if (!lib_.releases.empty()) add_release(in, lib_.releases.front());
  return in.hash();
}

Hash128 ViewModel::changes_key() const {
  KeyInput in = list_key_input("changes-key 1", "");
  in.number(static_cast<int64_t>(lib_.releases.size()));
  for (const Release& r : lib_.releases) add_release(in, r);
  return in.hash();
}

TemplateData ViewModel::changes() const {
  data d = base("/procedures/changes/", "Changes to the procedures", "procedures");
  std::string root = root_from("/procedures/changes/");
  list releases;
  releases.reserve(lib_.releases.size());
  for (const auto& r : lib_.releases) releases.push_back(release(r, root));
  put(d, "releases", std::move(releases));
  put(d, "empty", data(lib_.releases.empty()));
  put(d, "by_month", data(!lib_.releases.empty() && !lib_.releases.front().from_tag));
  return d;
}

TemplateData ViewModel::events() const {
  data d = base("/events/", "Events and training", "events");
  std::string root = root_from("/events/");
  list upcoming, past;
  std::vector<std::pair<int64_t, const Page*>> next;
  for (const Page* e : lib_.events) {
    int64_t when = 0;
    for (const auto& s : e->sessions)
      if (s.end.utc_seconds >= lib_.now) {
        when = s.start.utc_seconds;
        break;
      }
    if (when) next.emplace_back(when, e);
  }
  std::stable_sort(next.begin(), next.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [when, e] : next) {
    data c = card(*e, root);
    put(c, "date", date_data(in_zone(when, lib_.config.zone())));
    put(c, "location", opt(e->location));
    upcoming.push_back(std::move(c));
  }
  std::vector<const Page*> done;
  for (const Page* e : lib_.events)
    if (std::none_of(next.begin(), next.end(), [&](auto& n) { return n.second == e; })) done.push_back(e);
  std::reverse(done.begin(), done.end());  // most recent first
  for (const Page* e : done) {
    data c = card(*e, root);
    put(c, "location", opt(e->location));
    past.push_back(std::move(c));
  }
  put(d, "upcoming", std::move(upcoming));
  put(d, "past", std::move(past));
  put(d, "has_upcoming", data(!next.empty()));
  put(d, "has_past", data(!done.empty()));
  return d;
}

TemplateData ViewModel::contacts() const {
  data d = base("/contacts/", "Contacts", "contacts");
  std::string root = root_from("/contacts/");
  static const std::vector<std::pair<std::string, std::string>> groups = {
      {"children", "Children and young people"}, {"adults", "Adults"},
      {"families", "Families"}, {"practitioners", "Practitioners"}};
  list out;
  // A contact listed in several groups is linkable (#id) at its first place only.
  std::set<std::string> anchored;
  auto item = [&](const Contact& c) {
    data d = contact(c, root);
    if (anchored.insert(c.id).second) put(d, "anchor", c.id);
    return d;
  };
  if (lib_.contacts) {
    for (const auto& [key, name] : groups) {
      list items;
      for (const auto& c : lib_.contacts->contacts())
        if (std::find(c.audience.begin(), c.audience.end(), key) != c.audience.end())
          items.push_back(item(c));
      if (items.empty()) continue;
      data g;
      put(g, "name", name);
      put(g, "id", key);
      put(g, "contacts", std::move(items));
      out.push_back(std::move(g));
    }
    list other;
    for (const auto& c : lib_.contacts->contacts())
      if (c.audience.empty()) other.push_back(item(c));
    if (!other.empty()) {
      data g;
      put(g, "name", "Other contacts");
      put(g, "id", "other");
      put(g, "contacts", std::move(other));
      out.push_back(std::move(g));
    }
  }
  put(d, "groups", std::move(out));
  return d;
}

TemplateData ViewModel::term(const Term& t, const std::string& kind) const {
  std::string url = kind == "topic" ? "/topics/" + t.key + "/"
                  : kind == "audience" ? "/audience/" + t.key + "/"
                                       : "/briefings/review-type/" + t.key + "/";
  std::string title = kind == "topic" ? "Topic: " + t.name
                    : kind == "audience" ? "For " + t.name
                                         : t.name;
  data d = base(url, title, kind == "review-type" ? "briefings" : "");
  std::string root = root_from(url);
  list items;
  items.reserve(t.pages.size());
  for (const Page* p : t.pages) items.push_back(card(*p, root));
  put(d, "items", std::move(items));
  put(d, "term", t.name);
  put(d, "count", std::to_string(t.pages.size()));
  put(d, "one", data(t.pages.size() == 1));
  return d;
}

TemplateData ViewModel::term_index(const std::string& kind) const {
  std::string url = kind == "topic" ? "/topics/" : "/audience/";
  data d = base(url, kind == "topic" ? "Topics" : "Audiences", "");
  std::string root = root_from(url);
  list items;
  for (const auto& t : kind == "topic" ? lib_.topics : lib_.audiences) {
    data item;
    put(item, "name", t.name);
    put(item, "url", root + url.substr(1) + t.key + "/");
    put(item, "count", std::to_string(t.pages.size()));
    items.push_back(std::move(item));
  }
  put(d, "items", std::move(items));
  return d;
}

TemplateData ViewModel::accessibility() const {
  data d = base("/accessibility/", "Accessibility statement", "");
  const Config& c = lib_.config;
  put(d, "contact_email", opt(c.accessibility_email));
  put(d, "reviewed", date_data(c.accessibility_reviewed));
  list issues;
  for (const auto& text : c.accessibility_known_issues) issues.push_back(data(text));
  put(d, "has_known_issues", data(!issues.empty()));
  put(d, "known_issues", std::move(issues));
  return d;
}

TemplateData ViewModel::not_found() const { return base("/404.html", "Page not found", ""); }

TemplateData ViewModel::redirect(const Page& page) const {
  data d;
  data site;
  put(site, "language", lib_.config.language);
  put(d, "site", std::move(site));
  put(d, "title", page.title);
  put(d, "target", lib_.config.absolute_url(page.url));
  return d;
}

TemplateData ViewModel::search() const {
  data d = base("/search/", "Search", "search");
  put(d, "search_page", data(true));  // Pagefind's WebAssembly needs 'wasm-unsafe-eval'
  std::string root = root_from("/search/");
  put(d, "search_base", root);
  put(d, "topics_url", root + "topics/");
  put(d, "audience_url", root + "audience/");
  put(d, "briefings_url", root + "briefings/");
  return d;
}

TemplateData ViewModel::feeds_page(const std::vector<Feed>& feeds) const {
  data d = base("/feeds/", "Feeds and embeds", "feeds");
  list items;
  for (const Feed& f : feeds) {
    data item;
    put(item, "title", f.title);
    put(item, "page_url", f.page_url);
    put(item, "rss", lib_.config.absolute_url("/" + f.path + "feed.xml"));
    put(item, "atom", lib_.config.absolute_url("/" + f.path + "atom.xml"));
    put(item, "json", lib_.config.absolute_url("/" + f.path + "feed.json"));
    items.push_back(std::move(item));
  }
  put(d, "feeds_list", std::move(items));
  put(d, "calendar", lib_.config.absolute_url("/events.ics"));
  list embeds;
  auto embed_item = [&](const std::string& title, const std::string& path) {
    data e;
    put(e, "title", title);
    put(e, "url", lib_.config.absolute_url(path));
    put(e, "snippet", fmt::format("<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0\"></iframe>",
                                 lib_.config.absolute_url(path), html_escape(title + " from " + lib_.config.title)));
    embeds.push_back(std::move(e));
  };
  embed_item("Latest 7-minute briefings", "/embed/briefings/");
  embed_item("Latest newsletters", "/embed/newsletters/");
  for (const Term& t : lib_.topics) embed_item("Latest on " + t.name, "/embed/topics/" + t.key + "/");
  put(d, "embeds", std::move(embeds));
  return d;
}

TemplateData ViewModel::embed(const std::string& url, const std::string& title,
                              const std::vector<const Page*>& pages) const {
  data d = base(url, title, "");
  list items;
  for (size_t i = 0; i < pages.size() && i < 10; ++i) {
    data c = card(*pages[i], "");
    put(c, "url", lib_.config.absolute_url(pages[i]->url));
    items.push_back(std::move(c));
  }
  put(d, "items", std::move(items));
  put(d, "site_url", lib_.config.base_url);
  return d;
}

}  // namespace herald
