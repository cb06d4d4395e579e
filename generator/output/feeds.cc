// Feeds built as XML trees with tinyxml2 (and JSON with an escaping writer), never by concatenation of markup.
#include "output/feeds.h"

#include <tinyxml2.h>

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "content/languages.h"
#include "content/site_files.h"
#include "core/display_language.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "markdown/document.h"
#include "output/string_printer.h"
#include "templates/words.h"

namespace herald {
namespace {

std::string clean(const std::string& s) { return strip_control_characters(s); }

/// Resolves `url` (as written in a page at `page_url`) against the site.
std::string resolve(const std::string& url, const std::string& page_url, const Config& config) {
  if (url.empty() || url[0] == '#') return config.absolute_url(page_url) + url;
  if (url.find("://") != std::string::npos || starts_with(url, "mailto:") || starts_with(url, "tel:"))
    return url;
  if (starts_with(url, "//")) return "https:" + url;
  if (url[0] == '/') return config.absolute_url(url);
  // Relative to the page's folder, with ../ removed.
  std::string base = page_url;  // "/briefings/x/"
  std::string rest = url;
  while (starts_with(rest, "../")) {
    rest = rest.substr(3);
    if (base.size() > 1) base = base.substr(0, base.rfind('/', base.size() - 2) + 1);
  }
  while (starts_with(rest, "./")) rest = rest.substr(2);
  return config.absolute_url(base + rest);
}

int64_t published_of(const Page& p) { return p.date ? p.date->utc_seconds : p.first_commit; }

FeedItem page_item(const Page& p, const Library& lib) {
  FeedItem item;
  int64_t published = published_of(p);
  DateTime first = in_zone(published, lib.config.zone(), false);
  item.id = fmt::format("tag:{},{}:{}", lib.config.host(), format_iso_date(first), p.url);
  item.title = p.title;
  item.url = lib.config.absolute_url(p.url);
  item.published = published;
  item.updated = std::max(published, p.last_commit);
  item.summary = p.summary;
  if (p.kind == Kind::event && !p.sessions.empty()) {
    std::string when;
    for (const auto& s : p.sessions)
      when += (when.empty() ? "" : "; ") + format_human_date(s.start) + ", " + format_human_time(s.start) + " " +
              word_in(lib.config.language, "to") + " " + format_human_time(s.end);
    item.summary = when + (p.summary.empty() ? "" : ". " + p.summary);
  }
  if (p.kind == Kind::meeting && p.meeting.start) {
    std::string status = meeting_status(p.meeting, lib.now);
    const char* what = status == "held"        ? "status_minutes"
                       : status == "cancelled" ? "status_cancelled"
                       : status == "postponed" ? "status_postponed"
                                               : "status_agenda";
    const std::string& lang = lib.config.language;
    item.summary = word_in(lang, "feed_meeting_summary",
                           {{"what", word_in(lang, what)},
                            {"date", format_human_date(*p.meeting.start)},
                            {"time", format_human_time(*p.meeting.start)}}) +
                   (p.summary.empty() ? "" : ". " + p.summary);
  }
  item.page = &p;  // its content is filled in by make_feed, if it is kept
  item.categories = p.topics;
  return item;
}

FeedItem release_item(const Release& r, const Library& lib) {
  FeedItem item;
  std::string url = "/procedures/changes/#" + r.id;
  item.id = fmt::format("tag:{},{}:/procedures/changes/{}", lib.config.host(), format_iso_date(r.date), r.id);
  DisplayLanguage in_language(lib.config.language);  // a month's name in the feed's language
  item.title = word_in(lib.config.language, "changes_to_procedures") + ": " + display_name(r);
  item.url = lib.config.absolute_url(url);
  item.published = r.commit.time;
  item.updated = r.commit.time;
  std::string html, text;
  auto list = [&](const std::string& heading, const std::vector<ChapterChange>& v) {
    if (v.empty()) return;
    html += fmt::format("<h2>{}</h2>\n<ul>\n", heading);
    text += fmt::format("{}: ", heading);
    bool first = true;
    for (const auto& c : v) {
      std::string title = c.title.empty() ? c.slug : c.title;
      std::string line = html_escape(title);
      if (c.type != ChapterChange::Type::removed)
        line = fmt::format("<a href=\"{}\">{}</a>", html_escape(lib.config.absolute_url("/procedures/" + c.manual + "/" + c.slug + "/")), line);
      if (c.type == ChapterChange::Type::moved) line += " (" + html_escape(word_in(lib.config.language, "moved_from_feed", {{"path", c.old_path}})) + ")";
      else if (!c.amendment.empty() && c.type != ChapterChange::Type::removed) line += ": " + html_escape(c.amendment);
      if (c.reread && c.type != ChapterChange::Type::removed) line += " <strong>" + html_escape(word_in(lib.config.language, "revised_throughout_feed")) + "</strong>";
      html += "<li>" + line + "</li>\n";
      text += (first ? "" : ", ") + title;
      first = false;
    }
    html += "</ul>\n";
    text += ". ";
  };
  list(word_in(lib.config.language, "new_chapters"), r.added);
  list(word_in(lib.config.language, "updated_chapters"), r.updated);
  list(word_in(lib.config.language, "removed_chapters"), r.removed);
  item.summary = std::string(trim(text));
  item.set_content_html(std::move(html));
  return item;
}

bool newest_first(const FeedItem& a, const FeedItem& b) {
  return a.published != b.published ? a.published > b.published : a.id < b.id;
}

/// Each page's content with absolute URLs, made once however many feeds
/// carry the page (the site's, its section's, each of its topics'...).
using FeedContents = std::unordered_map<const Page*, std::shared_ptr<const FeedItem::Content>>;

Feed make_feed(const Library& lib, FeedContents& contents, std::string path, std::string title, std::string page,
               std::vector<FeedItem> items) {
  std::stable_sort(items.begin(), items.end(), newest_first);
  if (items.size() > static_cast<size_t>(lib.config.feed_items)) items.resize(lib.config.feed_items);
  // The content only of the items kept: a topic's feed may be cut from thousands of pages.
  for (FeedItem& item : items) {
    if (item.page && lib.config.feed_full_content) {
      auto [it, made] = contents.try_emplace(item.page);
      if (made) {
        FeedItem with;
        with.set_content_html(absolute_html(*item.page, lib));
        it->second = std::move(with.content);
      }
      item.content = it->second;
    }
    item.page = nullptr;
  }
  return {std::move(path), std::move(title), lib.config.absolute_url(page), std::move(items)};
}

/// The items of the newest `feed_items` pages: a feed keeps no more, and a
/// topic may have thousands. The order is make_feed's: newest first, then by
/// id, which for one date is by URL.
std::vector<FeedItem> items_of(const std::vector<const Page*>& pages, const Library& lib) {
  std::vector<const Page*> newest = pages;
  size_t keep = static_cast<size_t>(std::max(lib.config.feed_items, 0));
  if (newest.size() > keep) {
    std::partial_sort(newest.begin(), newest.begin() + static_cast<std::ptrdiff_t>(keep), newest.end(),
                      [](const Page* a, const Page* b) {
                        int64_t pa = published_of(*a), pb = published_of(*b);
                        return pa != pb ? pa > pb : a->url < b->url;
                      });
    newest.resize(keep);
  }
  std::vector<FeedItem> out;
  out.reserve(newest.size());
  for (const Page* p : newest) out.push_back(page_item(*p, lib));
  return out;
}

void set_text(tinyxml2::XMLElement* parent, const char* name, const std::string& text) {
  parent->InsertNewChildElement(name)->SetText(clean(text).c_str());
}

std::string print(tinyxml2::XMLDocument& doc) {
  StringPrinter printer;
  doc.Print(&printer);
  return printer.take();
}

/// When the feed last changed: its newest item, or the commit for an empty feed
/// (never the build machine's clock).
int64_t newest_update(const Feed& feed, const Library& lib) {
  if (feed.items.empty()) return lib.commit_time;
  int64_t newest = 0;
  for (const auto& i : feed.items) newest = std::max(newest, i.updated);
  return newest;
}

std::string feed_url(const Feed& feed, const Library& lib, const char* file) {
  return lib.config.absolute_url("/" + feed.path + file);
}

}  // namespace

const std::string& FeedItem::content_html() const {
  static const std::string none;
  return content ? content->html : none;
}

const Hash128& FeedItem::content_key() const {
  static const Hash128 none{};
  return content ? content->key : none;
}

void FeedItem::set_content_html(std::string html) {
  if (html.empty()) {
    content = nullptr;
    return;
  }
  KeyInput in("feed-content 1");
  in.text(html);
  content = std::make_shared<const Content>(Content{std::move(html), in.hash()});
}

std::string absolute_html(const Page& page, const Library& lib) {
  if (!page.doc) return "";
  // A file of static/ is at the site's top, whichever language's folder the page is in.
  const Config& top = lib.default_language ? lib.default_language->config : lib.config;
  return page.doc->html_for_feed([&](std::string_view url) {
    bool at_top = url.size() > 1 && url[0] == '/' && url[1] != '/' && leads_to_top(lib, url.substr(1));
    return resolve(std::string(url), page.url, at_top ? top : lib.config);
  });
}

std::vector<Feed> collect_feeds(const Library& lib) {
  std::vector<Feed> feeds;
  FeedContents contents;
  const std::string& site = lib.config.title;
  const std::string& lang = lib.config.language;
  auto w = [&](const std::string& name) { return word_in(lang, name); };
  std::vector<FeedItem> everything = items_of(lib.newsletters, lib);
  for (auto& i : items_of(lib.briefings, lib)) everything.push_back(std::move(i));
  for (auto& i : items_of(lib.reports, lib)) everything.push_back(std::move(i));
  for (auto& i : items_of(lib.events, lib)) everything.push_back(std::move(i));
  std::vector<FeedItem> releases;
  for (const Release& r : lib.releases) releases.push_back(release_item(r, lib));
  everything.insert(everything.end(), releases.begin(), releases.end());
  feeds.push_back(make_feed(lib, contents, "", site, "/", everything));
  feeds.push_back(make_feed(lib, contents, "newsletters/", w("newsletters") + " – " + site, "/newsletters/", items_of(lib.newsletters, lib)));
  for (const SeriesFeed& series : newsletter_series_feeds(lib)) {
    std::vector<const Page*> issues;
    for (const Page* p : lib.newsletters)
      if (!p->series.empty() && slugify(p->series) == slugify(series.name)) issues.push_back(p);
    feeds.push_back(make_feed(lib, contents, series.folder, series.name + " – " + site, "/newsletters/",
                              items_of(issues, lib)));
  }
  feeds.push_back(make_feed(lib, contents, "briefings/", w("seven_minute_briefings") + " – " + site, "/briefings/", items_of(lib.briefings, lib)));
  feeds.push_back(make_feed(lib, contents, "reports/", w("reports") + " – " + site, "/reports/", items_of(lib.reports, lib)));
  feeds.push_back(make_feed(lib, contents, "procedures/changes/", w("changes_to_procedures") + " – " + site, "/procedures/changes/", releases));
  feeds.push_back(make_feed(lib, contents, "events/", w("events_and_training") + " – " + site, "/events/", items_of(lib.events, lib)));
  for (const Term& t : lib.topics)
    feeds.push_back(make_feed(lib, contents, "topics/" + t.key + "/", word_in(lang, "topic_title", {{"name", t.name}}) + " – " + site,
                              "/topics/" + t.key + "/", items_of(t.pages, lib)));
  for (const Board& b : lib.boards)
    feeds.push_back(make_feed(lib, contents, "meetings/" + b.slug + "/", b.index->title + " – " + site,
                              b.index->url, items_of(b.meetings, lib)));
  for (const Term& t : lib.audiences)
    feeds.push_back(make_feed(lib, contents, "audience/" + t.key + "/", word_in(lang, "for_title", {{"name", t.name}}) + " – " + site,
                              "/audience/" + t.key + "/", items_of(t.pages, lib)));
  return feeds;
}

Hash128 feed_key(const Feed& feed, const Library& lib, std::string_view format) {
  KeyInput in("feed-key 2");
  in.text(format);
  in.text(lib.inputs);  // herald.yaml, whence every setting the files show
  in.flag(lib.preview);
  in.text(feed.path);
  in.text(feed.title);
  in.text(feed.page_url);
  in.number(feed.items.empty() ? lib.commit_time : 0);
  for (const FeedItem& i : feed.items) {
    in.text(i.id);
    in.text(i.title);
    in.text(i.url);
    in.number(i.published);
    in.number(i.updated);
    in.text(i.summary);
    in.key(i.content_key());
    in.number(static_cast<int64_t>(i.categories.size()));
    for (const std::string& c : i.categories) in.text(c);
  }
  return in.hash();
}

std::string make_rss(const Feed& feed, const Library& lib) {
  const TimeZone zone = lib.config.zone();
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
  auto* rss = doc.NewElement("rss");
  rss->SetAttribute("version", "2.0");
  rss->SetAttribute("xmlns:atom", "http://www.w3.org/2005/Atom");
  rss->SetAttribute("xmlns:content", "http://purl.org/rss/1.0/modules/content/");
  doc.InsertEndChild(rss);
  auto* channel = rss->InsertNewChildElement("channel");
  set_text(channel, "title", feed.title);
  set_text(channel, "link", feed.page_url);
  set_text(channel, "description", lib.config.description.empty() ? feed.title : lib.config.description);
  set_text(channel, "language", lib.config.language);
  auto* self = channel->InsertNewChildElement("atom:link");
  self->SetAttribute("href", feed_url(feed, lib, "feed.xml").c_str());
  self->SetAttribute("rel", "self");
  self->SetAttribute("type", "application/rss+xml");
  set_text(channel, "lastBuildDate", format_rfc822(in_zone(newest_update(feed, lib), zone)));
  set_text(channel, "generator", "herald");
  for (const auto& item : feed.items) {
    auto* e = channel->InsertNewChildElement("item");
    set_text(e, "title", item.title);
    set_text(e, "link", item.url);
    auto* guid = e->InsertNewChildElement("guid");
    guid->SetAttribute("isPermaLink", "false");
    guid->SetText(clean(item.id).c_str());
    set_text(e, "pubDate", format_rfc822(in_zone(item.published, zone)));
    set_text(e, "description", item.summary);
    for (const auto& c : item.categories) set_text(e, "category", c);
    if (!item.content_html().empty()) set_text(e, "content:encoded", item.content_html());
  }
  return print(doc);
}

std::string make_atom(const Feed& feed, const Library& lib) {
  const TimeZone zone = lib.config.zone();
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
  auto* root = doc.NewElement("feed");
  root->SetAttribute("xmlns", "http://www.w3.org/2005/Atom");
  root->SetAttribute("xml:lang", lib.config.language.c_str());
  doc.InsertEndChild(root);
  set_text(root, "title", feed.title);
  set_text(root, "id", feed_url(feed, lib, "atom.xml"));
  auto* alternate = root->InsertNewChildElement("link");
  alternate->SetAttribute("rel", "alternate");
  alternate->SetAttribute("type", "text/html");
  alternate->SetAttribute("href", feed.page_url.c_str());
  auto* self = root->InsertNewChildElement("link");
  self->SetAttribute("rel", "self");
  self->SetAttribute("type", "application/atom+xml");
  self->SetAttribute("href", feed_url(feed, lib, "atom.xml").c_str());
  set_text(root, "updated", format_rfc3339(in_zone(newest_update(feed, lib), zone)));
  auto* author = root->InsertNewChildElement("author");
  set_text(author, "name", lib.config.title);
  set_text(root, "generator", "herald");
  for (const auto& item : feed.items) {
    auto* e = root->InsertNewChildElement("entry");
    set_text(e, "title", item.title);
    set_text(e, "id", item.id);
    auto* link = e->InsertNewChildElement("link");
    link->SetAttribute("rel", "alternate");
    link->SetAttribute("type", "text/html");
    link->SetAttribute("href", clean(item.url).c_str());
    set_text(e, "published", format_rfc3339(in_zone(item.published, zone)));
    set_text(e, "updated", format_rfc3339(in_zone(item.updated, zone)));
    auto* summary = e->InsertNewChildElement("summary");
    summary->SetAttribute("type", "text");
    summary->SetText(clean(item.summary).c_str());
    for (const auto& c : item.categories) e->InsertNewChildElement("category")->SetAttribute("term", clean(c).c_str());
    if (!item.content_html().empty()) {
      auto* content = e->InsertNewChildElement("content");
      content->SetAttribute("type", "html");
      content->SetText(clean(item.content_html()).c_str());
    }
  }
  return print(doc);
}

std::string make_json_feed(const Feed& feed, const Library& lib) {
  const TimeZone zone = lib.config.zone();
  JsonWriter w;
  w.begin_object();
  w.key("version").value("https://jsonfeed.org/version/1.1");
  w.key("title").value(clean(feed.title));
  w.key("home_page_url").value(feed.page_url);
  w.key("feed_url").value(feed_url(feed, lib, "feed.json"));
  if (!lib.config.description.empty()) w.key("description").value(clean(lib.config.description));
  w.key("language").value(lib.config.language);
  w.key("authors").begin_array().begin_object().key("name").value(clean(lib.config.title)).end_object().end_array();
  w.key("items").begin_array();
  for (const auto& item : feed.items) {
    w.begin_object();
    w.key("id").value(clean(item.id));
    w.key("url").value(clean(item.url));
    w.key("title").value(clean(item.title));
    if (!item.content_html().empty()) w.key("content_html").value(clean(item.content_html()));
    else w.key("content_text").value(clean(item.summary));
    if (!item.summary.empty()) w.key("summary").value(clean(item.summary));
    w.key("date_published").value(format_rfc3339(in_zone(item.published, zone)));
    w.key("date_modified").value(format_rfc3339(in_zone(item.updated, zone)));
    if (!item.categories.empty()) {
      w.key("tags").begin_array();
      for (const auto& c : item.categories) w.value(clean(c));
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str() + "\n";
}

}  // namespace herald
