// A content page's data (any kind; a briefing's and a newsletter's parts here) and its key.
#include "content/languages.h"
#include "markdown/document.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

TemplateData ViewModel::page(const Page& p) const {
  data d = base(p.url, p.title);
  std::string root = root_from(p.url);
  const TimeZone zone = lib_.config.zone();
  data pg = terms_of(p, root);
  put(pg, "title", p.title);
  put(pg, "summary", opt(p.summary));
  // Shown above the body when written: a summary taken from the body's first paragraph is there already.
  put(pg, "lead", opt(p.summary_written ? p.summary : ""));
  put(pg, "kind", kind_name(p.kind));
  put(pg, "kind_label", kind_label(p.kind));
  put(d, "searchable", data(true));  // indexed by Pagefind, with its filters
  put(pg, "date", date_data(p.date));
  put(pg, "last_updated", date_from_git(p.last_commit, zone));
  put(pg, "draft", data(p.draft));
  // A site path written from the top (`/contacts/`) is made relative, so the
  // site works under any base path: in the body and in booking_url.
  // In another language's folder (/cy/), a file of static/ is still at the
  // site's top, where it is published once.
  const std::string top_root = top_from(root, lib_.config);
  auto site_relative = [&](std::string_view u) {
    if (!u.empty() && u[0] == '/' && (u.size() < 2 || u[1] != '/'))
      return (leads_to_top(lib_, u.substr(1)) ? top_root : root) + std::string(u.substr(1));
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
        put(item, "number", opt(h.number));
        put(item, "children", list{});
        items.push_back(std::move(item));
      } else if (h.level == 3 && !items.empty()) {
        data child;
        put(child, "text", h.text);
        put(child, "anchor", h.anchor);
        put(child, "number", opt(h.number));
        data* kids = const_cast<data*>(items.back().get("children"));
        kids->push_back(child);
        items.back().set("has_children", data(true));
      }
    }
    for (auto& item : items) toc.push_back(std::move(item));
  }
  put(pg, "toc", std::move(toc));
  put(d, "toc_title", tr(p.kind == Kind::newsletter ? "In this issue" : "Contents"));
  put(d, "one_minute", data(p.reading_minutes == 1));
  put(pg, "show_toc", data((p.kind == Kind::newsletter || p.toc) && p.doc && !p.doc->headings().empty()));
  if (p.kind == Kind::newsletter) {
    if (p.issue) put(pg, "issue", std::to_string(*p.issue));
    put(pg, "series", opt(p.series));
  }
  if (p.kind == Kind::briefing) briefing_data(p, root, pg);
  if (p.kind == Kind::chapter) chapter_data(p, root, pg);
  if (p.report) report_data(p, pg);
  if (p.kind == Kind::meeting) meeting_data(p, root, pg);
  if (p.kind == Kind::event) {
    event_data(p, root, pg);
    put(pg, "booking_url", opt(p.booking_url.empty() ? "" : site_relative(p.booking_url)));
  }
  put(d, "page", std::move(pg));
  return d;
}

void ViewModel::briefing_data(const Page& p, const std::string& root, TemplateData& pg) const {
  put(pg, "review_type", opt(tr(lib_.config.review_type_name(p.review_type))));
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

Hash128 ViewModel::page_key(const Page& p, const std::string& tmpl) const {
  KeyInput in("page-key 1");
  in.text(tmpl);
  in.text(lib_.inputs);
  in.key(menu_key_);
  in.flag(lib_.preview);
  add_page(in, p);
  in.flag(p.review_due && p.review_due->utc_seconds < lib_.now);
  for (const auto& s : p.sessions) in.flag(s.end.utc_seconds < lib_.now);
  // The breadcrumbs name each parent folder that is a manual.
  for (size_t slash = p.url.find('/', 1); slash != std::string::npos && slash + 1 < p.url.size();
       slash = p.url.find('/', slash + 1))
    if (const Page* parent = lib_.find_page(p.url.substr(0, slash + 1)); parent && (parent->kind == Kind::manual || parent->kind == Kind::board))
      in.text(parent->title);
  if (p.kind == Kind::chapter) add_chapter_key(in, p);
  if (p.kind == Kind::meeting) add_meeting_key(in, p);
  // The language switch and hreflang links lead to its translations.
  in.text(lib_.config.language);
  for (const Translation& t : p.translations) {
    in.text(t.tag);
    in.text(t.url);
  }
  return in.hash();
}

}  // namespace herald
