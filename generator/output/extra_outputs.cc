// The list of non-HTML outputs; each format lives in its own file.
#include "templates/words.h"
#include "output/extra_outputs.h"

#include <mutex>

#include "output/email/email_edition.h"
#include "output/feeds.h"
#include "output/ics.h"
#include "output/meeting_ics.h"
#include "output/pdf/pdf_outputs.h"
#include "output/sitemap.h"
#include "templates/view_model.h"

namespace herald {

void add_extra_tasks(const Library& library, const Renderer& renderer, OutputSet& out,
                     Diagnostics& diags, std::vector<RenderTask>& tasks) {
  add_pdf_tasks(library, out, diags, tasks);
  add_email_tasks(library, renderer, out, diags, tasks);
  tasks.push_back({"sitemap", [&library, &out] {
                     out.add("sitemap.xml", make_sitemap(library), "sitemap");
                     if (!library.default_language) out.add("robots.txt", make_robots(library), "robots");
                   }});
  // The feeds are collected by the first of their tasks, on whichever core
  // is free, and made by all four, so that the cores share them.
  struct Feeds {
    std::once_flag collected;
    std::vector<Feed> all;
  };
  auto feeds = std::make_shared<Feeds>();
  auto collect = [&library, feeds]() -> const std::vector<Feed>& {
    std::call_once(feeds->collected, [&] { feeds->all = collect_feeds(library); });
    return feeds->all;
  };
  const size_t feed_tasks = 4;
  for (size_t first = 0; first < feed_tasks; ++first) {
    tasks.push_back({"feeds", [&library, &out, collect, first, feed_tasks] {
                       const std::vector<Feed>& all = collect();
                       for (size_t i = first; i < all.size(); i += feed_tasks) {
                         const Feed& f = all[i];
                         std::string source = "feed /" + f.path;
                         // Keyed by all they are made from: an unchanged feed is not made again.
                         out.add_keyed(
                             f.path + "feed.xml", source, [&] { return feed_key(f, library, "rss"); },
                             [&] { return make_rss(f, library); });
                         out.add_keyed(
                             f.path + "atom.xml", source, [&] { return feed_key(f, library, "atom"); },
                             [&] { return make_atom(f, library); });
                         out.add_keyed(
                             f.path + "feed.json", source, [&] { return feed_key(f, library, "json"); },
                             [&] { return make_json_feed(f, library); });
                       }
                     }});
  }
  tasks.push_back({"calendar", [&library, &out] {
                     out.add("events.ics", make_calendar(library.events, library), "events");
                     for (const Page* e : library.events)
                       out.add(e->url.substr(1) + e->slug + ".ics", make_calendar({e}, library), e->source_path);
                   }});
  if (!library.boards.empty())
    tasks.push_back({"meetings calendar", [&library, &out] {
                       std::vector<const Board*> all;
                       for (const Board& b : library.boards) all.push_back(&b);
                       out.add("meetings.ics",
                               make_meetings_calendar(all, library.config.title + " meetings", library), "meetings");
                       for (const Board* b : all)
                         out.add("meetings/" + b->slug + ".ics",
                                 make_meetings_calendar({b}, b->index->title, library), b->index->source_path);
                     }});
  auto vm = std::make_shared<ViewModel>(library);
  tasks.push_back({"embeds", [&library, &renderer, &out, vm, collect] {
                     out.add("feeds/index.html", renderer.render_page("feeds", vm->feeds_page(collect())), "feeds");
                     out.add("embed/briefings/index.html",
                             renderer.render("embed", vm->embed("/embed/briefings/", tr("Latest 7-minute briefings"), library.briefings)),
                             "embed");
                     out.add("embed/newsletters/index.html",
                             renderer.render("embed", vm->embed("/embed/newsletters/", tr("Latest newsletters"), library.newsletters)),
                             "embed");
                     out.add("embed/reports/index.html",
                             renderer.render("embed", vm->embed("/embed/reports/", tr("Latest reports"), library.reports)),
                             "embed");
                     for (const Term& t : library.topics)
                       out.add("embed/topics/" + t.key + "/index.html",
                               renderer.render("embed", vm->embed("/embed/topics/" + t.key + "/", word("latest_on", {{"name", t.name}}), t.pages)),
                               "embed");
                   }});
}

}  // namespace herald
