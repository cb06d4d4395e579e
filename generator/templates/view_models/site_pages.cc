// herald's own pages: the accessibility statement, 404, search, feeds and embeds, an alias's redirect.
#include <fmt/format.h>

#include "core/text.h"
#include "output/feeds.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

TemplateData ViewModel::accessibility() const {
  data d = base("/accessibility/", tr("Accessibility statement"));
  const Config& c = lib_.config;
  put(d, "contact_email", opt(c.accessibility_email));
  put(d, "a11y_committed", word("a11y_committed", {{"site", c.title}}));
  put(d, "reviewed", date_data(c.accessibility_reviewed));
  list issues;
  for (const auto& text : c.accessibility_known_issues) issues.push_back(data(text));
  put(d, "has_known_issues", data(!issues.empty()));
  put(d, "known_issues", std::move(issues));
  return d;
}

TemplateData ViewModel::not_found() const { return base("/404.html", tr("Page not found")); }

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
  data d = base("/search/", tr("Search"));
  put(d, "search_page", data(true));  // Pagefind's WebAssembly needs 'wasm-unsafe-eval'
  std::string root = root_from("/search/");
  put(d, "search_base", d.get("asset_root")->string_value());
  put(d, "topics_url", root + "topics/");
  put(d, "audience_url", root + "audience/");
  put(d, "briefings_url", root + "briefings/");
  return d;
}

TemplateData ViewModel::feeds_page(const std::vector<Feed>& feeds) const {
  data d = base("/feeds/", tr("Feeds and embeds"));
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
                                 lib_.config.absolute_url(path), html_escape(word("embed_title", {{"what", title}, {"site", lib_.config.title}}))));
    embeds.push_back(std::move(e));
  };
  embed_item(tr("Latest 7-minute briefings"), "/embed/briefings/");
  embed_item(tr("Latest newsletters"), "/embed/newsletters/");
  if (!lib_.reports.empty()) embed_item(tr("Latest reports"), "/embed/reports/");
  for (const Term& t : lib_.topics) embed_item(word("latest_on", {{"name", t.name}}), "/embed/topics/" + t.key + "/");
  put(d, "embeds", std::move(embeds));
  return d;
}

TemplateData ViewModel::embed(const std::string& url, const std::string& title,
                              const std::vector<const Page*>& pages) const {
  data d = base(url, title);
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
