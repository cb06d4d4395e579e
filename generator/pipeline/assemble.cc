// Assemble: dates from git, what is published, the Library and every cross-file check; the releases meanwhile.
#include <exception>
#include <filesystem>

#include "content/amendments.h"
#include "content/languages.h"
#include "content/link_check.h"
#include "markdown/document.h"
#include "pipeline/build_context.h"

namespace herald {
namespace fs = std::filesystem;

bool assemble_stage(BuildContext& ctx) {
  const BuildOptions& options = ctx.options;
  LoadedSite& site = ctx.site;
  Library& lib = *ctx.library;
  for (Page& page : lib.pages) {
    if (site.history) {
      if (const FileDates* d = site.history->dates(page.source_path)) {
        page.first_commit = d->first;
        page.last_commit = d->last;
        page.commits = d->changes;
      }
    }
    if (page.first_commit == 0) page.first_commit = lib.commit_time ? lib.commit_time : ctx.now;
    if (page.last_commit == 0) page.last_commit = page.first_commit;
    decide_publication(page, ctx.now, options.drafts);
  }
  // The releases are worked out on the other core while Assemble runs on
  // this one: neither uses what the other makes.
  std::vector<Release> releases;
  std::exception_ptr releases_failed;
  std::jthread releasing;
  if (site.commit && site.history) {
    releasing = std::jthread([&] {
      try {
        releases = compute_releases(*site.repo, *site.history, site.commit->id, ctx.config,
                                    {ctx.now, options.drafts}, ctx.diags, ctx.chapters.get());
        if (!options.worktree) {
          std::error_code ec;
          std::string why;
          fs::create_directories(cache_dir(*site.repo), ec);
          ctx.chapters->save(ctx.chapters_file, ctx.identity, &why);  // failing costs the next build time only
        }
      } catch (...) {
        releases_failed = std::current_exception();
      }
    });
  }
  // Each language's pages are a library of their own (one for most sites).
  split_by_language(lib, ctx.diags);
  AssembleInput input{&site.files};
  for (Library* l : language_libraries(lib)) {
    assemble(*l, input, ctx.diags);
    check_links(*l, site.files, options.drafts, ctx.diags);
  }
  link_translations(lib, /*list_untranslated=*/!options.write, ctx.diags);
  if (releasing.joinable()) releasing.join();
  if (releases_failed) std::rethrow_exception(releases_failed);
  lib.releases = std::move(releases);
  // A page from the build cache has no Markdown tree: a PDF that cannot be
  // reused is drawn from the tree parsed again, exactly as the first time.
  for (Library* l : language_libraries(lib)) l->parse_tree = [&ctx](const Page& page) -> std::shared_ptr<Document> {
    const SourceFile* f = find_file(ctx.site.files, page.source_path);
    std::string problem;
    auto where = f ? classify_content_path(f->path, &problem) : std::nullopt;
    if (!where || f->blob_id != page.source_blob) return nullptr;
    std::optional<std::string> text = f->content;
    if (f->unread) {
      std::lock_guard lock(ctx.reading_git);
      text = ctx.site.repo->read_blob(f->blob_id);
    }
    Diagnostics quiet;  // reported when it was parsed
    ParseContext with_tree = ctx.parse_context;
    with_tree.keep_tree = true;
    auto again = text ? parse_page(f->path, *text, *where, with_tree, quiet) : std::nullopt;
    return again ? again->doc : nullptr;
  };
  return true;
}

}  // namespace herald
