// Assemble: sorted lists, manuals, taxonomies and every cross-file check.
#include "content/library.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "content/logo.h"
#include "content/source_path.h"
#include "core/text.h"
#include "git/repository.h"

namespace herald {
namespace {

std::string page_url(const Page& page) {
  switch (page.kind) {
    case Kind::home: return "/";
    case Kind::section: return "/" + page.section + "/";
    case Kind::newsletter: return "/newsletters/" + page.slug + "/";
    case Kind::briefing: return "/briefings/" + page.slug + "/";
    case Kind::manual: return "/procedures/" + page.manual + "/";
    case Kind::chapter: return "/procedures/" + page.manual + "/" + page.slug + "/";
    case Kind::event: return "/events/" + page.slug + "/";
    case Kind::page: return "/" + page.slug + "/";
  }
  return "/";
}

/// URLs herald writes itself; a page may not take them.
const std::set<std::string>& generated_urls() {
  static const std::set<std::string> urls = {
      "/contacts/", "/search/", "/feeds/", "/topics/", "/audience/", "/embed/",
      "/procedures/changes/", "/briefings/review-type/", "/404.html"};
  return urls;
}

/// The terms of `pages`, by key. `terms_of(page, add)` calls
/// `add(key, name)` for each term of a page; a page is listed once under each key.
template <class TermsOf>
void build_terms(std::vector<Term>& out, const std::vector<const Page*>& pages, const TermsOf& terms_of) {
  std::map<std::string, Term> terms;
  for (const Page* page : pages) {
    terms_of(*page, [&](const std::string& key, const std::string& name) {
      if (key.empty()) return;
      Term& term = terms[key];
      if (term.key.empty()) {
        term.key = key;
        term.name = name;
      }
      if (term.pages.empty() || term.pages.back() != page) term.pages.push_back(page);  // once per page
    });
  }
  for (auto& [key, term] : terms) out.push_back(std::move(term));
}

}  // namespace

std::string withheld_reason(bool draft, const std::optional<DateTime>& date, const std::optional<DateTime>& expires,
                            int64_t now, bool drafts) {
  if (draft && !drafts) return "draft";
  if (date && date->utc_seconds > now) return "scheduled";
  if (expires && expires->utc_seconds <= now) return "expired";
  return "";
}

void decide_publication(Page& page, int64_t now, bool drafts) {
  page.withheld_reason = withheld_reason(page.draft, page.date, page.expires, now, drafts);
  page.published = page.withheld_reason.empty();
}

const Manual* Library::find_manual(const std::string& slug) const {
  for (const auto& m : manuals)
    if (m.slug == slug) return &m;
  return nullptr;
}

const Page* Library::find_page(const std::string& url) const {
  auto it = by_url.find(url);
  return it == by_url.end() ? nullptr : it->second;
}

void assemble(Library& lib, const AssembleInput& input, Diagnostics& diags) {
  const TimeZone zone = lib.config.zone();
  std::map<std::string, const Page*> owners;  // URL -> first source that writes it
  auto claim = [&](const std::string& url, const Page& page) {
    auto [it, inserted] = owners.emplace(url, &page);
    if (!inserted) {
      diags.error({page.source_path, 1, 1},
                  fmt::format("two sources write the same URL '{}': {} and {}", url,
                              it->second->source_path, page.source_path));
      return false;
    }
    return true;
  };

  std::map<std::string, Manual> manuals;
  lib.by_url.reserve(lib.pages.size());
  for (Page& page : lib.pages) {
    page.url = page_url(page);
    if (!page.published) continue;
    if (page.kind == Kind::page && generated_urls().count(page.url)) {
      diags.error({page.source_path, 1, 1},
                  fmt::format("the page would replace herald's own '{}' page: choose another file name or slug", page.url));
      continue;
    }
    if (!claim(page.url, page)) continue;
    for (const auto& alias : page.aliases) {
      std::string url = alias.back() == '/' || ends_with(alias, ".html") ? alias : alias + "/";
      claim(url, page);
    }
    lib.by_url[page.url] = &page;
    switch (page.kind) {
      case Kind::home: lib.home = &page; break;
      case Kind::section: lib.section_intros[page.section] = &page; break;
      case Kind::newsletter: lib.newsletters.push_back(&page); break;
      case Kind::briefing: lib.briefings.push_back(&page); break;
      case Kind::event: lib.events.push_back(&page); break;
      case Kind::page: lib.plain_pages.push_back(&page); break;
      case Kind::manual: manuals[page.manual].index = &page; manuals[page.manual].slug = page.manual; break;
      case Kind::chapter:
        manuals[page.manual].slug = page.manual;
        manuals[page.manual].chapters.push_back(&page);
        lib.chapters.push_back(&page);
        break;
    }
    if (page.kind == Kind::chapter && page.review_due && page.review_due->utc_seconds < lib.now)
      diags.warning(page.review_due_at,
                    fmt::format("this chapter was due for review on {}: review it, or give a new review_due",
                                format_human_date(*page.review_due)));
  }

  for (auto& [slug, manual] : manuals) {
    if (!manual.index) {
      const Page* first = manual.chapters.front();
      diags.error({first->source_path, 1, 1},
                  fmt::format("manual '{}' has no content/procedures/{}/_index.md giving its title", slug, slug));
      continue;
    }
    std::sort(manual.chapters.begin(), manual.chapters.end(), [](const Page* a, const Page* b) {
      return a->order != b->order ? a->order < b->order : a->title < b->title;
    });
    lib.manuals.push_back(std::move(manual));
  }
  std::sort(lib.manuals.begin(), lib.manuals.end(), [](const Manual& a, const Manual& b) {
    return a.index->order != b.index->order ? a.index->order < b.index->order
                                            : a.index->title < b.index->title;
  });

  std::sort(lib.plain_pages.begin(), lib.plain_pages.end(),
            [](const Page* a, const Page* b) { return a->title < b->title; });
  std::sort(lib.events.begin(), lib.events.end(), [](const Page* a, const Page* b) {
    int64_t ta = a->sessions.empty() ? 0 : a->sessions.front().start.utc_seconds;
    int64_t tb = b->sessions.empty() ? 0 : b->sessions.front().start.utc_seconds;
    return ta != tb ? ta < tb : a->title < b->title;
  });

  for (const auto* list : {&lib.newsletters, &lib.briefings, &lib.events, &lib.plain_pages, &lib.chapters})
    lib.all_published.insert(lib.all_published.end(), list->begin(), list->end());
  for (const auto& m : lib.manuals) lib.all_published.push_back(m.index);
  // Newest first, sorted once (tens of thousands of pages): the newsletters'
  // and the briefings' lists are taken from it in its order.
  std::sort(lib.all_published.begin(), lib.all_published.end(), newer_first);
  lib.newsletters.clear();
  lib.briefings.clear();
  for (const Page* p : lib.all_published) {
    if (p->kind == Kind::newsletter) lib.newsletters.push_back(p);
    if (p->kind == Kind::briefing) lib.briefings.push_back(p);
  }

  // A site has a few dozen topics, written on thousands of pages: each is slugified once.
  std::unordered_map<std::string, std::string> slugs;
  build_terms(lib.topics, lib.all_published, [&](const Page& p, const auto& add) {
    for (const auto& t : p.topics) {
      auto it = slugs.find(t);
      if (it == slugs.end()) it = slugs.emplace(t, slugify(t)).first;
      add(it->second, t);
    }
  });
  build_terms(lib.audiences, lib.all_published, [](const Page& p, const auto& add) {
    for (const auto& a : p.audience) add(a, a);
  });
  build_terms(lib.review_types, lib.briefings, [&](const Page& p, const auto& add) {
    add(p.review_type, lib.config.review_type_name(p.review_type));
  });

  // Static files and bundle resources.
  std::set<std::string> bundles;
  for (const Page& page : lib.pages)
    if (!page.bundle_dir.empty() && page.published) bundles.insert(page.bundle_dir);
  std::map<std::string, const Page*> bundle_pages;
  for (const Page& page : lib.pages)
    if (!page.bundle_dir.empty()) bundle_pages[page.bundle_dir] = &page;
  if (input.files) {
    for (const SourceFile& file : *input.files) {
      if (file.kind != SourceFile::Kind::file) continue;
      if (starts_with(file.path, "static/")) {
        lib.static_files.push_back({file.path.substr(7), file.path, &file.content});
      } else if (starts_with(file.path, "content/") && !ends_with(file.path, ".md")) {
        std::string bundle = bundle_of(file.path);
        if (!bundle_pages.count(bundle)) {
          diags.warning({file.path, 0, 0},
                        "this file is not beside a page's index.md, so it is not published: move it "
                        "into static/ or into a bundle folder");
          continue;
        }
        if (!bundles.count(bundle)) continue;  // the page is not published
        const Page* owner = bundle_pages[bundle];
        std::string rest = file.path.substr(bundle.size());
        lib.static_files.push_back({owner->url.substr(1) + rest, file.path, &file.content});
      }
    }
    check_logo(lib, diags);
  }
}

}  // namespace herald
