// Template data for every page type.
#include "templates/view_model.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "markdown/document.h"
#include "output/feeds.h"

namespace herald {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;

data text(const std::string& s) { return data(s); }

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
  out.set("human", format_human_date(*d));
  out.set("iso", d->has_time ? format_rfc3339(*d) : format_iso_date(*d));
  return out;
}

data date_from_git(int64_t seconds, const TimeZone& zone) {
  if (seconds == 0) return data(false);
  DateTime t = in_zone(seconds, zone, false);
  data out;
  out.set("human", format_human_date(t));
  out.set("iso", format_iso_date(t));
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
  urgent_ = data(urgent);
}

TemplateData ViewModel::contact(const Contact& c, const std::string& root) const {
  data d;
  d.set("id", c.id);
  d.set("name", c.name);
  d.set("organisation", opt(c.organisation));
  d.set("urgent", data(c.urgent));
  list phones;
  for (const auto& p : c.phones) {
    data ph;
    ph.set("display", p.number.display);
    ph.set("href", tel_href(p.number));
    ph.set("label", opt(p.label));
    ph.set("hours", opt(p.hours));
    phones.push_back(ph);
  }
  d.set("phones", phones);
  d.set("has_phones", data(!c.phones.empty()));
  if (!c.phones.empty()) {
    d.set("first_phone", opt(c.phones.front().number.display));
    d.set("first_phone_href", tel_href(c.phones.front().number));
  }
  d.set("email", opt(c.email));
  d.set("contact_url", opt(c.url));
  list audience;
  for (const auto& a : c.audience) audience.push_back(text(a));
  d.set("audience", audience);
  d.set("vcard_url", root + "contacts/" + c.id + ".vcf");
  d.set("notes", opt(c.notes));
  return d;
}

TemplateData ViewModel::breadcrumbs(const std::string& url, const std::string& root) const {
  list crumbs;
  if (url == "/") return crumbs;
  auto crumb = [&](const std::string& title, const std::string& href) {
    data c;
    c.set("title", title);
    c.set("url", root + href);
    crumbs.push_back(c);
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
  return crumbs;
}

TemplateData ViewModel::base(const std::string& url, const std::string& title,
                             const std::string& section) const {
  const Config& c = lib_.config;
  std::string root = url == "/404.html" ? c.base_path() : root_from(url);
  data d;
  data site;
  site.set("title", c.title);
  site.set("description", opt(c.description));
  site.set("language", c.language);
  site.set("base_url", c.base_url);
  site.set("brand_colour", c.brand_colour);
  std::string logo = c.logo;
  if (starts_with(logo, "static/")) logo = logo.substr(7);
  site.set("logo", logo.empty() ? data(false) : data(root + logo));
  d.set("site", site);
  d.set("root", root);
  d.set("title", title);
  d.set("url", url.substr(1));
  d.set("canonical", c.absolute_url(url));
  d.set("is_home", data(url == "/"));
  d.set("preview", data(lib_.preview));
  list nav;
  for (const auto& n : kNav) {
    data item;
    item.set("title", n.title);
    item.set("url", root + n.url);
    item.set("current", data(section == n.section));
    nav.push_back(item);
  }
  d.set("nav", nav);
  // Urgent contacts are rendered with this page's root for the vCard links.
  list urgent;
  if (lib_.contacts)
    for (const Contact* ct : lib_.contacts->urgent()) urgent.push_back(contact(*ct, root));
  d.set("urgent", urgent);
  d.set("has_urgent", data(lib_.contacts && !lib_.contacts->urgent().empty()));
  d.set("breadcrumbs", breadcrumbs(url, root));
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
      f.set("type", type);
      f.set("title", name + " (" + (std::string(file) == "feed.xml" ? "RSS" : std::string(file) == "atom.xml" ? "Atom" : "JSON Feed") + ")");
      f.set("href", root + folder + file);
      feeds.push_back(f);
    }
  }
  d.set("feeds", feeds);
  d.set("has_breadcrumbs", data(url != "/" && url != "/404.html"));
  d.set("description", opt(c.description));
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
    item.set("name", t);
    item.set("url", root + "topics/" + slugify(t) + "/");
    topics.push_back(item);
  }
  d.set("topics", topics);
  d.set("has_topics", data(!page.topics.empty()));
  list audience;
  for (const auto& a : page.audience) {
    data item;
    item.set("name", a);
    item.set("url", root + "audience/" + a + "/");
    audience.push_back(item);
  }
  d.set("audience", audience);
  d.set("has_audience", data(!page.audience.empty()));
  return d;
}

TemplateData ViewModel::card(const Page& page, const std::string& root) const {
  data d;
  d.set("title", page.title);
  d.set("url", root + page.url.substr(1));
  d.set("summary", opt(page.summary));
  d.set("kind", kind_name(page.kind));
  d.set("kind_label", kind_label(page.kind));
  std::optional<DateTime> date = page.date;
  if (!date && page.kind == Kind::event && !page.sessions.empty()) date = page.sessions.front().start;
  d.set("date", date_data(date));
  if (page.kind == Kind::briefing) d.set("review_type", opt(lib_.config.review_type_name(page.review_type)));
  if (page.issue) d.set("issue", std::to_string(*page.issue));
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
  pg.set("title", p.title);
  pg.set("summary", opt(p.summary));
  pg.set("kind", kind_name(p.kind));
  pg.set("kind_label", kind_label(p.kind));
  d.set("searchable", data(true));  // indexed by Pagefind, with its filters
  pg.set("date", date_data(p.date));
  pg.set("last_updated", date_from_git(p.last_commit, zone));
  pg.set("draft", data(p.draft));
  std::string body = p.doc ? p.doc->html_with_urls([&](std::string_view u) {
    if (!u.empty() && u[0] == '/' && (u.size() < 2 || u[1] != '/')) return root + std::string(u.substr(1));
    return std::string(u);
  }) : "";
  pg.set("html", body);
  if (p.pdf) pg.set("pdf_url", p.slug + ".pdf");
  pg.set("has_pdf", data(p.pdf));
  // Contents list from ## and ### headings.
  list toc;
  if (p.doc) {
    std::vector<data> items;
    for (const auto& h : p.doc->headings()) {
      if (h.level == 2) {
        data item;
        item.set("text", h.text);
        item.set("anchor", h.anchor);
        item.set("children", list{});
        items.push_back(item);
      } else if (h.level == 3 && !items.empty()) {
        data child;
        child.set("text", h.text);
        child.set("anchor", h.anchor);
        data* kids = const_cast<data*>(items.back().get("children"));
        kids->push_back(child);
        items.back().set("has_children", data(true));
      }
    }
    for (auto& item : items) toc.push_back(item);
  }
  pg.set("toc", toc);
  d.set("toc_title", p.kind == Kind::newsletter ? "In this issue" : "Contents");
  d.set("one_minute", data(p.reading_minutes == 1));
  pg.set("show_toc", data((p.kind == Kind::newsletter || p.toc) && p.doc && !p.doc->headings().empty()));
  if (p.kind == Kind::newsletter) {
    if (p.issue) pg.set("issue", std::to_string(*p.issue));
    pg.set("series", opt(p.series));
  }
  if (p.kind == Kind::briefing) {
    pg.set("review_type", opt(lib_.config.review_type_name(p.review_type)));
    pg.set("review_type_url", root + "briefings/review-type/" + p.review_type + "/");
    pg.set("lead_html", opt(p.lead_html));
    list sections;
    for (const auto& s : p.sections) {
      data item;
      item.set("number", std::to_string(s.number));
      item.set("title", s.title);
      item.set("anchor", s.anchor);
      item.set("html", s.html);
      sections.push_back(item);
    }
    pg.set("sections", sections);
    pg.set("reading_minutes", std::to_string(p.reading_minutes));
    if (!p.source.title.empty() || !p.source.url.empty()) {
      data src;
      src.set("title", p.source.title.empty() ? p.source.url : p.source.title);
      src.set("url", p.source.url);
      src.set("published", date_data(p.source.published));
      pg.set("source", src);
    } else {
      pg.set("source", data(false));
    }
  }
  if (p.kind == Kind::chapter) {
    const Manual* m = lib_.find_manual(p.manual);
    if (m && m->index) {
      pg.set("manual_title", opt(m->index->title));
      pg.set("manual_url", root + m->index->url.substr(1));
    }
    pg.set("owner", opt(p.owner));
    pg.set("reviewed", date_data(p.reviewed));
    pg.set("review_due", date_data(p.review_due));
    pg.set("overdue", data(p.review_due && p.review_due->utc_seconds < lib_.now));
    pg.set("amendment", opt(p.amendment));
    pg.set("reread", data(p.reread));
    // The chapter's own history: every release that touched it.
    list history;
    for (const Release& r : lib_.releases) {
      auto mentions = [&](const std::vector<ChapterChange>& v, const char* what) {
        for (const auto& c : v) {
          if (c.manual != p.manual || c.slug != p.slug) continue;
          data h;
          h.set("release", r.name);
          h.set("date", date_data(r.date));
          h.set("what", what);
          h.set("amendment", opt(c.type == ChapterChange::Type::moved ? "Moved from " + c.old_path : c.amendment));
          h.set("url", root + "procedures/changes/#" + r.id);
          history.push_back(h);
        }
      };
      mentions(r.added, "New chapter");
      mentions(r.updated, "Updated");
    }
    pg.set("history", history);
    if (m) {
      for (size_t i = 0; i < m->chapters.size(); ++i) {
        if (m->chapters[i] != &p) continue;
        if (i > 0) pg.set("previous", card(*m->chapters[i - 1], root));
        if (i + 1 < m->chapters.size()) pg.set("next", card(*m->chapters[i + 1], root));
      }
    }
  }
  if (p.kind == Kind::event) {
    list sessions;
    bool upcoming = false;
    for (const auto& s : p.sessions) {
      data item;
      item.set("date", format_human_date(s.start));
      item.set("start_time", format_human_time(s.start));
      item.set("end_time", format_human_time(s.end));
      item.set("end_date", opt(format_iso_date(s.start) != format_iso_date(s.end) ? format_human_date(s.end) : ""));
      item.set("start_iso", format_rfc3339(s.start));
      item.set("end_iso", format_rfc3339(s.end));
      item.set("past", data(s.end.utc_seconds < lib_.now));
      upcoming = upcoming || s.end.utc_seconds >= lib_.now;
      sessions.push_back(item);
    }
    pg.set("sessions", sessions);
    pg.set("several_sessions", data(p.sessions.size() > 1));
    pg.set("location", opt(p.location));
    pg.set("booking_url", opt(p.booking_url));
    pg.set("upcoming", data(upcoming));
    pg.set("ics_url", p.slug + ".ics");
  }
  d.set("page", pg);
  return d;
}

TemplateData ViewModel::home() const {
  data d = base("/", lib_.config.title, "");
  const std::string root;
  if (lib_.home && lib_.home->doc) d.set("intro", opt(lib_.home->doc->html()));
  if (!lib_.newsletters.empty()) d.set("latest_newsletter", card(*lib_.newsletters.front(), root));
  list briefings;
  for (size_t i = 0; i < lib_.briefings.size() && i < 4; ++i) briefings.push_back(card(*lib_.briefings[i], root));
  d.set("latest_briefings", briefings);
  d.set("has_briefings", data(!lib_.briefings.empty()));
  list events;
  for (const Page* e : lib_.events) {
    bool upcoming = false;
    for (const auto& s : e->sessions) upcoming = upcoming || s.end.utc_seconds >= lib_.now;
    if (upcoming && events.size() < 3) {
      data c = card(*e, root);
      for (const auto& s : e->sessions)
        if (s.end.utc_seconds >= lib_.now) {
          c.set("date", date_data(s.start));
          break;
        }
      events.push_back(c);
    }
  }
  d.set("has_events", data(!events.empty()));
  d.set("upcoming_events", events);
  list topics;
  for (const auto& t : lib_.topics) {
    data item;
    item.set("name", t.name);
    item.set("url", "topics/" + t.key + "/");
    item.set("count", std::to_string(t.pages.size()));
    topics.push_back(item);
  }
  d.set("topics", topics);
  return d;
}

namespace {

data grouped_by_year(const std::vector<const Page*>& pages, const std::function<data(const Page&)>& card) {
  list years;
  int current = 0;
  data group;
  list items;
  auto flush = [&] {
    if (current == 0) return;
    group.set("year", std::to_string(current));
    group.set("items", items);
    years.push_back(group);
    group = data();
    items = list();
  };
  for (const Page* p : pages) {
    int year = p->date ? civil_time(*p->date).year : civil_time(DateTime{p->first_commit, 0, false}).year;
    if (year != current) {
      flush();
      current = year;
    }
    items.push_back(card(*p));
  }
  flush();
  return years;
}

}  // namespace

TemplateData ViewModel::newsletters() const {
  data d = base("/newsletters/", "Newsletters", "newsletters");
  std::string root = root_from("/newsletters/");
  auto it = lib_.section_intros.find("newsletters");
  if (it != lib_.section_intros.end() && it->second->doc) d.set("intro", opt(it->second->doc->html()));
  d.set("years", grouped_by_year(lib_.newsletters, [&](const Page& p) { return card(p, root); }));
  d.set("empty", data(lib_.newsletters.empty()));
  return d;
}

TemplateData ViewModel::briefings() const {
  data d = base("/briefings/", "7-minute briefings", "briefings");
  std::string root = root_from("/briefings/");
  auto it = lib_.section_intros.find("briefings");
  if (it != lib_.section_intros.end() && it->second->doc) d.set("intro", opt(it->second->doc->html()));
  list items;
  for (const Page* p : lib_.briefings) items.push_back(card(*p, root));
  d.set("items", items);
  d.set("empty", data(lib_.briefings.empty()));
  auto terms = [&](const std::vector<Term>& v, const std::string& prefix) {
    list out;
    for (const auto& t : v) {
      size_t count = std::count_if(t.pages.begin(), t.pages.end(),
                                   [](const Page* p) { return p->kind == Kind::briefing; });
      if (count == 0) continue;
      data item;
      item.set("name", t.name);
      item.set("url", root + prefix + t.key + "/");
      item.set("count", std::to_string(count));
      out.push_back(item);
    }
    return out;
  };
  d.set("review_types", terms(lib_.review_types, "briefings/review-type/"));
  d.set("topics", terms(lib_.topics, "topics/"));
  d.set("audiences", terms(lib_.audiences, "audience/"));
  return d;
}

TemplateData ViewModel::procedures() const {
  data d = base("/procedures/", "Procedures", "procedures");
  std::string root = root_from("/procedures/");
  auto it = lib_.section_intros.find("procedures");
  if (it != lib_.section_intros.end() && it->second->doc) d.set("intro", opt(it->second->doc->html()));
  list manuals;
  for (const auto& m : lib_.manuals) {
    data item = card(*m.index, root);
    item.set("chapter_count", std::to_string(m.chapters.size()));
    manuals.push_back(item);
  }
  d.set("manuals", manuals);
  if (!lib_.releases.empty()) d.set("latest_release", release(lib_.releases.front(), root));
  return d;
}

TemplateData ViewModel::manual(const Manual& m) const {
  data d = page(*m.index);
  std::string root = root_from(m.index->url);
  list chapters;
  for (const Page* c : m.chapters) {
    data item = card(*c, root);
    item.set("owner", opt(c->owner));
    item.set("overdue", data(c->review_due && c->review_due->utc_seconds < lib_.now));
    item.set("last_updated", date_from_git(c->last_commit, lib_.config.zone()));
    chapters.push_back(item);
  }
  d.set("chapters", chapters);
  return d;
}

TemplateData ViewModel::release(const Release& r, const std::string& root) const {
  data d;
  d.set("name", r.name);
  d.set("id", r.id);
  d.set("date", date_data(r.date));
  d.set("from_tag", data(r.from_tag));
  auto changes = [&](const std::vector<ChapterChange>& v) {
    list out;
    for (const auto& c : v) {
      data item;
      item.set("title", c.title.empty() ? c.slug : c.title);
      const Page* live = lib_.find_page("/procedures/" + c.manual + "/" + c.slug + "/");
      item.set("url", live && c.type != ChapterChange::Type::removed ? data(root + live->url.substr(1)) : data(false));
      const Manual* m = lib_.find_manual(c.manual);
      item.set("manual", m && m->index ? m->index->title : c.manual);
      item.set("amendment", opt(c.amendment));
      item.set("reread", data(c.reread));
      item.set("moved", data(c.type == ChapterChange::Type::moved));
      item.set("old_path", opt(c.old_path));
      out.push_back(item);
    }
    return out;
  };
  d.set("added", changes(r.added));
  d.set("updated", changes(r.updated));
  d.set("removed", changes(r.removed));
  d.set("has_added", data(!r.added.empty()));
  d.set("has_updated", data(!r.updated.empty()));
  d.set("has_removed", data(!r.removed.empty()));
  return d;
}

TemplateData ViewModel::changes() const {
  data d = base("/procedures/changes/", "Changes to the procedures", "procedures");
  std::string root = root_from("/procedures/changes/");
  list releases;
  for (const auto& r : lib_.releases) releases.push_back(release(r, root));
  d.set("releases", releases);
  d.set("empty", data(lib_.releases.empty()));
  d.set("by_month", data(!lib_.releases.empty() && !lib_.releases.front().from_tag));
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
    c.set("date", date_data(in_zone(when, lib_.config.zone())));
    c.set("location", opt(e->location));
    upcoming.push_back(c);
  }
  std::vector<const Page*> done;
  for (const Page* e : lib_.events)
    if (std::none_of(next.begin(), next.end(), [&](auto& n) { return n.second == e; })) done.push_back(e);
  std::reverse(done.begin(), done.end());  // most recent first
  for (const Page* e : done) {
    data c = card(*e, root);
    c.set("location", opt(e->location));
    past.push_back(c);
  }
  d.set("upcoming", upcoming);
  d.set("past", past);
  d.set("has_upcoming", data(!next.empty()));
  d.set("has_past", data(!done.empty()));
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
    if (anchored.insert(c.id).second) d.set("anchor", c.id);
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
      g.set("name", name);
      g.set("id", key);
      g.set("contacts", items);
      out.push_back(g);
    }
    list other;
    for (const auto& c : lib_.contacts->contacts())
      if (c.audience.empty()) other.push_back(item(c));
    if (!other.empty()) {
      data g;
      g.set("name", "Other contacts");
      g.set("id", "other");
      g.set("contacts", other);
      out.push_back(g);
    }
  }
  d.set("groups", out);
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
  for (const Page* p : t.pages) items.push_back(card(*p, root));
  d.set("items", items);
  d.set("term", t.name);
  d.set("count", std::to_string(t.pages.size()));
  d.set("one", data(t.pages.size() == 1));
  return d;
}

TemplateData ViewModel::term_index(const std::string& kind) const {
  std::string url = kind == "topic" ? "/topics/" : "/audience/";
  data d = base(url, kind == "topic" ? "Topics" : "Audiences", "");
  std::string root = root_from(url);
  list items;
  for (const auto& t : kind == "topic" ? lib_.topics : lib_.audiences) {
    data item;
    item.set("name", t.name);
    item.set("url", root + url.substr(1) + t.key + "/");
    item.set("count", std::to_string(t.pages.size()));
    items.push_back(item);
  }
  d.set("items", items);
  return d;
}

TemplateData ViewModel::accessibility() const {
  data d = base("/accessibility/", "Accessibility statement", "");
  const Config& c = lib_.config;
  d.set("contact_email", opt(c.accessibility_email));
  d.set("reviewed", date_data(c.accessibility_reviewed));
  list issues;
  for (const auto& text : c.accessibility_known_issues) issues.push_back(data(text));
  d.set("known_issues", issues);
  d.set("has_known_issues", data(!issues.empty()));
  return d;
}

TemplateData ViewModel::not_found() const { return base("/404.html", "Page not found", ""); }

TemplateData ViewModel::search() const {
  data d = base("/search/", "Search", "search");
  d.set("search_page", data(true));  // Pagefind's WebAssembly needs 'wasm-unsafe-eval'
  std::string root = root_from("/search/");
  d.set("search_base", root);
  d.set("topics_url", root + "topics/");
  d.set("audience_url", root + "audience/");
  d.set("briefings_url", root + "briefings/");
  return d;
}

TemplateData ViewModel::feeds_page(const std::vector<Feed>& feeds) const {
  data d = base("/feeds/", "Feeds and embeds", "feeds");
  list items;
  for (const Feed& f : feeds) {
    data item;
    item.set("title", f.title);
    item.set("page_url", f.page_url);
    item.set("rss", lib_.config.absolute_url("/" + f.path + "feed.xml"));
    item.set("atom", lib_.config.absolute_url("/" + f.path + "atom.xml"));
    item.set("json", lib_.config.absolute_url("/" + f.path + "feed.json"));
    items.push_back(item);
  }
  d.set("feeds_list", items);
  d.set("calendar", lib_.config.absolute_url("/events.ics"));
  list embeds;
  auto embed_item = [&](const std::string& title, const std::string& path) {
    data e;
    e.set("title", title);
    e.set("url", lib_.config.absolute_url(path));
    e.set("snippet", fmt::format("<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0\"></iframe>",
                                 lib_.config.absolute_url(path), html_escape(title + " from " + lib_.config.title)));
    embeds.push_back(e);
  };
  embed_item("Latest 7-minute briefings", "/embed/briefings/");
  embed_item("Latest newsletters", "/embed/newsletters/");
  for (const Term& t : lib_.topics) embed_item("Latest on " + t.name, "/embed/topics/" + t.key + "/");
  d.set("embeds", embeds);
  return d;
}

TemplateData ViewModel::embed(const std::string& url, const std::string& title,
                              const std::vector<const Page*>& pages) const {
  data d = base(url, title, "");
  list items;
  for (size_t i = 0; i < pages.size() && i < 10; ++i) {
    data c = card(*pages[i], "");
    c.set("url", lib_.config.absolute_url(pages[i]->url));
    items.push_back(c);
  }
  d.set("items", items);
  d.set("site_url", lib_.config.base_url);
  return d;
}

}  // namespace herald
