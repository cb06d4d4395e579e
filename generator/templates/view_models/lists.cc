// The home page and the lists: newsletters by year, briefings with their filters, a term's pages; their keys.
#include <algorithm>
#include <functional>

#include "content/menus.h"
#include "markdown/document.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

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

TemplateData ViewModel::home() const {
  data d = base("/", lib_.config.title);
  const std::string root;
  if (lib_.home && lib_.home->doc) put(d, "intro", opt(lib_.home->doc->html()));
  // The home page's own title (content/_index.cy.md's Welsh name of the partnership), else the site's.
  put(d, "heading", lib_.home && !lib_.home->title.empty() ? lib_.home->title : lib_.config.title);
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
  put(d, "has_topics", data(!lib_.topics.empty()));
  // "Everything on this site": each section that has something in it.
  static const std::pair<const char*, const char*> kSections[] = {
      {"newsletters", "Newsletters"},    {"briefings", "7-minute briefings"}, {"procedures", "Multi-agency procedures"},
      {"reports", "Reports"},            {"events", "Events and training"},   {"contacts", "Contacts"}};
  list sections;
  for (const auto& [name, title] : kSections) {
    if (!section_has_content(lib_, name)) continue;
    data item;
    put(item, "title", tr(title));
    put(item, "url", std::string(name) + "/");
    sections.push_back(std::move(item));
  }
  put(d, "has_sections", data(!sections.empty()));
  put(d, "sections", std::move(sections));
  return d;
}

/// The inputs of a section's list page besides its cards: the site's
/// inputs, the menus, the preview flag and the section's intro page.
KeyInput ViewModel::list_key_input(const char* what, const std::string& section) const {
  KeyInput in(what);
  in.text(lib_.inputs);
  in.key(menu_key_);
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
  data d = base("/newsletters/", tr("Newsletters"));
  std::string root = root_from("/newsletters/");
  auto it = lib_.section_intros.find("newsletters");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  put(d, "years", grouped_by_year(lib_.newsletters, [&](const Page& p) { return card(p, root); }));
  put(d, "empty", data(lib_.newsletters.empty()));
  return d;
}

TemplateData ViewModel::briefings() const {
  data d = base("/briefings/", tr("7-minute briefings"));
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

TemplateData ViewModel::term(const Term& t, const std::string& kind) const {
  std::string url = kind == "topic" ? "/topics/" + t.key + "/"
                  : kind == "audience" ? "/audience/" + t.key + "/"
                                       : "/briefings/review-type/" + t.key + "/";
  std::string title = kind == "topic" ? word("topic_title", {{"name", t.name}})
                    : kind == "audience" ? word("for_title", {{"name", t.name}})
                                         : t.name;
  data d = base(url, title);
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

Hash128 ViewModel::term_key(const Term& t, const std::string& kind) const {
  KeyInput in("term-key 1");
  in.text(kind);
  in.text(t.key);
  in.text(t.name);
  in.text(lib_.inputs);
  in.key(menu_key_);
  in.flag(lib_.preview);
  for (const Page* p : t.pages) in.key(card_key(*p));
  return in.hash();
}

TemplateData ViewModel::term_index(const std::string& kind) const {
  std::string url = kind == "topic" ? "/topics/" : "/audience/";
  data d = base(url, tr(kind == "topic" ? "Topics" : "Audiences"));
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

}  // namespace herald
