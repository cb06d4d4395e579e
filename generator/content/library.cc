// Assemble: sorted lists, manuals, taxonomies and every cross-file check.
#include "content/library.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "content/logo.h"
#include "content/site_files.h"
#include "content/source_path.h"
#include "content/static_files.h"
#include "core/text.h"
#include "git/repository.h"
#include "templates/words.h"

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
    case Kind::report: return "/reports/" + page.slug + "/";
    case Kind::board: return "/meetings/" + page.manual + "/";
    case Kind::meeting: return "/meetings/" + page.manual + "/" + page.slug + "/";
    case Kind::page: return "/" + page.slug + "/";
  }
  return "/";
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

/// A file of static/ or of a bundle, published as it is unless its name (or
/// a folder's) starts with a dot; one that runs script is published with a warning.
void add_static_file(Library& lib, const SourceFile& file, std::string output_path, std::string_view relative,
                     bool in_static, Diagnostics& diags) {
  if (std::string hidden = hidden_part(relative, in_static); !hidden.empty()) {
    diags.report(Severity::note, {file.path, 0, 0},
                 fmt::format("not published: files and folders whose name starts with a dot (here '{}') are "
                             "never published{}",
                             hidden, in_static ? ", except static/.well-known/" : ""));
    return;
  }
  if (may_run_script(file.path)) {
    if (auto script = find_script(file.content)) {
      int line, column;
      line_and_column(file.content, script->offset, &line, &column);
      diags.warning({file.path, line, column},
                    fmt::format("this file has script in it ({}), which runs on the site's web address whenever "
                                "someone opens the file: publish it only if you trust where it came from, or "
                                "remove the script",
                                script->what));
    }
  }
  lib.static_files.push_back({std::move(output_path), file.path, &file.content});
}

/// Is `bundle` the folder of a page in another language (`index.cy.md`
/// with no `index.md`)? Its files are that language's library's.
bool in_other_language_bundle(const Library& lib, const std::string& bundle) {
  for (const auto& other : lib.other_languages)
    for (const Page& page : other->pages)
      if (page.bundle_dir == bundle) return true;
  return false;
}

/// Every file of static/, and every file of a published page's bundle.
void gather_static_files(Library& lib, const std::vector<SourceFile>& files,
                         const std::map<std::string, const Page*>& bundle_pages, const std::set<std::string>& bundles,
                         Diagnostics& diags) {
  for (const SourceFile& file : files) {
    if (starts_with(file.path, "static/")) {
      if (file.kind != SourceFile::Kind::file) {
        diags.warning({file.path, 0, 0}, file.kind == SourceFile::Kind::symlink
                                             ? "symbolic links are not published: replace it with the file itself"
                                             : "submodules are not published");
        continue;
      }
      std::string relative = file.path.substr(7);
      add_static_file(lib, file, relative, relative, true, diags);
    } else if (starts_with(file.path, "content/") && !ends_with(file.path, ".md") &&
               file.kind == SourceFile::Kind::file) {  // links in content/ are reported where pages are parsed
      std::string bundle = bundle_of(file.path);
      auto owner = bundle_pages.find(bundle);
      if (owner == bundle_pages.end()) {
        if (lib.default_language || in_other_language_bundle(lib, bundle)) continue;  // reported once, here
        std::string hidden = hidden_part(file.path.substr(8), false);
        if (!hidden.empty())
          diags.report(Severity::note, {file.path, 0, 0},
                       fmt::format("not published: files and folders whose name starts with a dot (here '{}') "
                                   "are never published",
                                   hidden));
        else
          diags.warning({file.path, 0, 0},
                        "this file is not beside a page's index.md, so it is not published: move it "
                        "into static/ or into a bundle folder");
        continue;
      }
      if (!bundles.count(bundle)) continue;  // the page is not published
      std::string_view relative = std::string_view(file.path).substr(bundle.size());
      if (is_withheld_paper(*owner->second, relative)) continue;  // a restricted item's paper
      add_static_file(lib, file, owner->second->url.substr(1) + std::string(relative), relative, false, diags);
    }
  }
}

/// What a message calls the file at a path of the output: herald's own
/// files, each page, PDF and static file. Pages and aliases may not take
/// any of them, nor be inside herald's folders.
class WrittenPaths {
 public:
  explicit WrittenPaths(const Library& lib) {
    list_herald_files(lib, [&](std::string path, std::string what) { herald_.emplace(path, what); });
  }

  /// What a page would replace at `path` (its index.html): herald's own file or folder, or "".
  std::string herald_file(const std::string& path) const {
    if (const HeraldFolder* folder = herald_folder_of(path))
      return fmt::format("a page inside '/{}', {}", folder->path, folder->what);
    auto it = herald_.find(path);
    return it == herald_.end() ? "" : it->second;
  }

  /// The pages' own files, their PDFs and the static files: needed only
  /// when there are aliases to check (tens of thousands on a large site).
  void add_site(const Library& lib) {
    for (const Page& p : lib.pages) {
      if (!p.published || p.kind == Kind::home || p.kind == Kind::section) continue;
      paths_.emplace(p.url.substr(1) + "index.html", "the page " + p.source_path);
      if (p.pdf && !p.slug.empty()) paths_.emplace(pdf_output_path(p), "the PDF of " + p.source_path);
    }
    for (const StaticFile& f : lib.static_files) paths_.emplace(f.output_path, "the file " + f.source_path);
  }

  void add(const std::string& path, std::string what) { paths_.emplace(path, std::move(what)); }

  /// What a file written at `path` would replace: a file there, a file where
  /// one of its folders would be, or a folder of files where it would be.
  std::string clash(const std::string& path) const {
    for (const auto* map : {&herald_, &paths_}) {
      if (auto it = map->find(path); it != map->end()) return it->second;
      for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
        if (auto it = map->find(path.substr(0, slash)); it != map->end()) return it->second;
      if (auto it = map->lower_bound(path + "/"); it != map->end() && starts_with(it->first, path + "/"))
        return it->second;
    }
    return "";
  }

 private:
  std::map<std::string, std::string> herald_, paths_;
};

/// Pages may not take herald's own files; aliases may take nothing a build
/// writes (an error at the alias, which is then not written).
void check_written_paths(Library& lib, Diagnostics& diags) {
  WrittenPaths written(lib);
  bool aliases = false;
  for (const Page& page : lib.pages) {
    if (!page.published || page.kind == Kind::home || page.kind == Kind::section) continue;
    aliases = aliases || !page.aliases.empty();
    if (std::string what = written.herald_file(page.url.substr(1) + "index.html"); !what.empty())
      diags.error({page.source_path, 1, 1},
                  fmt::format("the page would replace {}: choose another file name or slug", what));
  }
  if (!aliases) return;
  written.add_site(lib);
  for (Page& page : lib.pages) {
    if (!page.published) continue;
    std::vector<std::string> kept;
    std::vector<SourceLocation> kept_at;
    for (size_t i = 0; i < page.aliases.size(); ++i) {
      const std::string& alias = page.aliases[i];
      SourceLocation where = i < page.aliases_at.size() ? page.aliases_at[i] : SourceLocation{page.source_path, 1, 1};
      std::string path = alias_output_path(alias);
      if (const HeraldFolder* folder = herald_folder_of(path)) {
        diags.error(where, fmt::format("alias '{}' is inside '/{}', {}: an alias cannot be there", alias,
                                       folder->path, folder->what));
        continue;
      }
      if (std::string what = written.clash(path); !what.empty()) {
        diags.error(where, fmt::format("alias '{}' would replace {}: an alias cannot take an address the site "
                                       "already uses",
                                       alias, what));
        continue;
      }
      written.add(path, "an alias of " + page.source_path);
      kept.push_back(alias);
      kept_at.push_back(where);
    }
    page.aliases = std::move(kept);
    page.aliases_at = std::move(kept_at);
  }
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
  // Every source claims its URL, published or not: two that would write the
  // same URL are an error today, not on the day the second is published.
  for (Page& page : lib.pages) {
    page.url = page_url(page);
    if (!claim(page.url, page)) continue;
    if (!page.published) continue;
    lib.by_url[page.url] = &page;
    switch (page.kind) {
      case Kind::home: lib.home = &page; break;
      case Kind::section: lib.section_intros[page.section] = &page; break;
      case Kind::newsletter: lib.newsletters.push_back(&page); break;
      case Kind::briefing: lib.briefings.push_back(&page); break;
      case Kind::event: lib.events.push_back(&page); break;
      case Kind::report: lib.reports.push_back(&page); break;
      case Kind::page: lib.plain_pages.push_back(&page); break;
      case Kind::board:
      case Kind::meeting: lib.all_published.push_back(&page); break;
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
                  fmt::format("manual '{}' has no content/procedures/{}/_index{}.md giving its title{}", slug, slug,
                              language_suffix(*first), language_suffix(*first).empty() ? "" : " in this language"));
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

  for (const auto* list : {&lib.newsletters, &lib.briefings, &lib.reports, &lib.events, &lib.plain_pages, &lib.chapters})
    lib.all_published.insert(lib.all_published.end(), list->begin(), list->end());
  for (const auto& m : lib.manuals) lib.all_published.push_back(m.index);
  // Newest first, sorted once (tens of thousands of pages): the newsletters'
  // and the briefings' lists are taken from it in its order.
  std::sort(lib.all_published.begin(), lib.all_published.end(), newer_first);
  lib.newsletters.clear();
  lib.briefings.clear();
  lib.reports.clear();
  for (const Page* p : lib.all_published) {
    if (p->kind == Kind::newsletter) lib.newsletters.push_back(p);
    if (p->kind == Kind::briefing) lib.briefings.push_back(p);
    if (p->kind == Kind::report) lib.reports.push_back(p);
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
    add(p.review_type, translate(lib.config.language, lib.config.review_type_name(p.review_type)));
  });

  // Static files and bundle resources.
  std::set<std::string> bundles;
  for (const Page& page : lib.pages)
    if (!page.bundle_dir.empty() && page.published) bundles.insert(page.bundle_dir);
  std::map<std::string, const Page*> bundle_pages;
  for (const Page& page : lib.pages)
    if (!page.bundle_dir.empty()) bundle_pages[page.bundle_dir] = &page;
  if (input.files) {
    gather_static_files(lib, *input.files, bundle_pages, bundles, diags);
    check_logo(lib, *input.files, diags);
  }
  assemble_boards(lib, input.files, diags);
  check_written_paths(lib, diags);
  assemble_menus(lib, diags);
}

}  // namespace herald
