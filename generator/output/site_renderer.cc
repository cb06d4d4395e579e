// Turning the library into HTML pages and the files that go with them.
#include "output/site_renderer.h"

#include <fmt/format.h>

#include "content/site_files.h"
#include "core/thread_pool.h"
#include "markdown/document.h"
#include "output/chart_html.h"
#include "output/vcard.h"
#include "templates/data_hash.h"
#include "templates/view_model.h"

namespace herald {
namespace {

std::string index_path(const std::string& url) {
  // "/briefings/x/" -> "briefings/x/index.html"
  return url.substr(1) + "index.html";
}

/// A page keyed by its template data: made, then hashed.
void render_or_reuse(const Renderer& renderer, OutputSet& out, const std::string& path, const std::string& tmpl,
                     TemplateData data, const std::string& source) {
  out.add_keyed(
      path, source, [&] { return hash_template_data(tmpl, data); },
      [&] { return renderer.render_page(tmpl, std::move(data)); });
}

}  // namespace

const char* template_for(Kind kind) {
  switch (kind) {
    case Kind::newsletter: return "newsletter";
    case Kind::briefing: return "briefing";
    case Kind::chapter: return "chapter";
    case Kind::event: return "event";
    case Kind::report: return "report";
    case Kind::meeting: return "meeting";
    default: return "page";
  }
}

void run_tasks(const std::vector<RenderTask>& tasks) {
  parallel_for(tasks.size(), [&](size_t i) { tasks[i].run(); });
}

void add_html_tasks(const Library& lib, const Renderer& renderer, const Theme& theme,
                    OutputSet& out, Diagnostics& diags, std::vector<RenderTask>& tasks) {
  auto vm = std::make_shared<ViewModel>(lib);
  auto page_task = [&, vm](std::string path, std::string tmpl,
                           std::function<TemplateData()> data) {
    tasks.push_back({path, [&renderer, &out, vm, path, tmpl, data] {
                       render_or_reuse(renderer, out, path, tmpl, data(), "built-in page /" + path);
                     }});
  };
  // Content pages, in batches so that thousands of pages share few tasks
  // (and one list of them).
  auto pages = std::make_shared<std::vector<const Page*>>();
  for (const Page& p : lib.pages)
    if (p.published && p.kind != Kind::home && p.kind != Kind::section && p.kind != Kind::manual &&
        p.kind != Kind::board)
      pages->push_back(&p);
  const size_t batch = 64;
  for (size_t start = 0; start < pages->size(); start += batch) {
    tasks.push_back({"pages", [&renderer, &out, vm, pages, start, batch] {
                       for (size_t i = start; i < std::min(pages->size(), start + batch); ++i) {
                         const Page& p = *(*pages)[i];
                         std::string tmpl = template_for(p.kind);
                         // Keyed by what its data is made from: an unchanged page's data is never made.
                         out.add_keyed(
                             index_path(p.url), p.source_path, [&] { return vm->page_key(p, tmpl); },
                             [&] { return renderer.render_page(tmpl, vm->page(p)); });
                       }
                     }});
  }
  for (const Manual& m : lib.manuals)
    tasks.push_back({m.slug, [&renderer, &out, vm, &m] {
                       out.add_keyed(
                           index_path(m.index->url), m.index->source_path, [&] { return vm->manual_key(m); },
                           [&] { return renderer.render_page("manual", vm->manual(m)); });
                     }});
  page_task("index.html", "home", [vm] { return vm->home(); });
  // The longest lists (the newsletters, the briefings, and the procedures'
  // pages, which list the releases' changes), keyed by what they are made
  // from, as a term's page: an unchanged one's data is never made.
  using KeyOf = Hash128 (ViewModel::*)() const;
  using DataOf = TemplateData (ViewModel::*)() const;
  auto list_task = [&, vm](const std::string& url, std::string tmpl, KeyOf key, DataOf data) {
    tasks.push_back({tmpl, [&renderer, &out, vm, url, tmpl, key, data] {
                       out.add_keyed(
                           index_path(url), "built-in page " + url, [&] { return (*vm.*key)(); },
                           [&] { return renderer.render_page(tmpl, (*vm.*data)()); });
                     }});
  };
  list_task("/newsletters/", "newsletters", &ViewModel::newsletters_key, &ViewModel::newsletters);
  list_task("/briefings/", "briefings", &ViewModel::briefings_key, &ViewModel::briefings);
  list_task("/procedures/", "procedures", &ViewModel::procedures_key, &ViewModel::procedures);
  list_task("/reports/", "reports", &ViewModel::reports_key, &ViewModel::reports);
  list_task("/procedures/changes/", "changes", &ViewModel::changes_key, &ViewModel::changes);
  page_task("events/index.html", "events", [vm] { return vm->events(); });
  // Boards: a few, with a few dozen meetings each, made every time.
  if (!lib.boards.empty()) page_task("meetings/index.html", "meetings", [vm] { return vm->meetings(); });
  for (const Board& b : lib.boards) {
    page_task(index_path(b.index->url), "board", [vm, &b] { return vm->board(b); });
    page_task(b.index->url.substr(1) + "actions/index.html", "actions",
              [vm, &b] { return vm->actions(b); });
  }
  page_task("contacts/index.html", "contacts", [vm] { return vm->contacts(); });
  page_task("topics/index.html", "terms", [vm] { return vm->term_index("topic"); });
  page_task("audience/index.html", "terms", [vm] { return vm->term_index("audience"); });
  page_task("search/index.html", "search", [vm] { return vm->search(); });
  // One 404 page, theme and static files for the site: another language's
  // pages, in its folder, use the default language's.
  const bool in_folder = lib.default_language != nullptr;
  if (!in_folder) page_task("404.html", "not_found", [vm] { return vm->not_found(); });
  if (!lib.find_page("/accessibility/"))
    page_task("accessibility/index.html", "accessibility", [vm] { return vm->accessibility(); });
  // A term's page lists a card for each of its pages (thousands, on a large
  // site): keyed by what the cards show, an unchanged one is never made.
  auto term_task = [&, vm](const std::string& path, const Term& t, const char* kind) {
    tasks.push_back({path, [&renderer, &out, vm, path, &t, kind] {
                       out.add_keyed(
                           path, "built-in page /" + path, [&] { return vm->term_key(t, kind); },
                           [&] { return renderer.render_page("term", vm->term(t, kind)); });
                     }});
  };
  for (const Term& t : lib.topics) term_task("topics/" + t.key + "/index.html", t, "topic");
  for (const Term& t : lib.audiences) term_task("audience/" + t.key + "/index.html", t, "audience");
  for (const Term& t : lib.review_types) term_task("briefings/review-type/" + t.key + "/index.html", t, "review-type");

  // Each chart's data, as CSV beside its page (keyed by the page's source:
  // an unchanged page's files are kept without decoding its document).
  tasks.push_back({"charts", [&lib, &out] {
                     for (const Page& p : lib.pages) {
                       if (!p.published || !p.charts || !p.doc) continue;
                       for (size_t i = 0; i < p.charts; ++i) {
                         const int number = static_cast<int>(i) + 1;
                         out.add_keyed(
                             p.url.substr(1) + chart_file_name(number), p.source_path,
                             [&] {
                               KeyInput in("chart-csv 1");
                               in.text(p.source_blob.empty() ? p.doc->chart_csvs()[i] : p.source_blob);
                               in.number(number);
                               return in.hash();
                             },
                             [&] { return p.doc->chart_csvs()[i]; });
                       }
                     }
                   }});
  // Redirects from old addresses.
  // (Assemble refused those that would replace anything else the build writes.)
  tasks.push_back({"aliases", [&lib, &renderer, &out, vm] {
                     for (const Page& p : lib.pages) {
                       if (!p.published || p.aliases.empty()) continue;
                       std::string html = renderer.render("redirect", vm->redirect(p));
                       for (const auto& alias : p.aliases) out.add(alias_output_path(alias), html, p.source_path);
                     }
                   }});
  // vCards.
  tasks.push_back({"vcards", [&lib, &out] {
                     if (!lib.contacts) return;
                     for (const auto& c : lib.contacts->contacts())
                       out.add("contacts/" + c.id + ".vcf",
                               make_vcard(c, lib.config.base_url, lib.config.languages.empty() ? "" : lib.config.language,
                                          lib.default_language ? lib.default_language->config.base_url : ""),
                               "data/contacts.yaml");
                   }});
  // Theme assets, the brand colour, and the site's static files.
  if (!in_folder) tasks.push_back({"assets", [&lib, &theme, &out] {
                     for (const auto& [path, content] : theme.assets())
                       out.add(path, *content, theme.origin(path));
                     out.add("assets/brand.css",
                             fmt::format(":root {{ --govuk-brand-colour: {}; }}\n", lib.config.brand_colour), "herald.yaml");
                     for (const auto& f : lib.static_files) out.add(f.output_path, *f.content, f.source_path);
                   }});
  (void)diags;
}

}  // namespace herald
