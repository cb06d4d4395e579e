// Write: the only stage that touches the output folder: the search index in the staged site, then the swap.
#include <unistd.h>

#include <filesystem>

#include "output/search_index.h"
#include "pipeline/build_context.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

/// What only the end of the process needs to free goes with the result
/// (moved, not copied): `build` leaves it for the system to reclaim.
void leave_with_result(BuildContext& ctx) {
  BuildResult& result = ctx.result;
  if (ctx.saving_history.joinable()) ctx.saving_history.join();
  auto leave = [&result](auto&& made) {
    using T = std::decay_t<decltype(made)>;
    result.leftovers.push_back(std::make_shared<T>(std::forward<decltype(made)>(made)));
  };
  leave(std::move(ctx.site.history));
  leave(std::move(ctx.jobs));
  leave(std::move(ctx.facts));
  result.leftovers.push_back(std::move(ctx.memo));
  result.leftovers.push_back(std::move(ctx.chapters));
  result.leftovers.push_back(std::move(ctx.tasks));
}

}  // namespace

bool write_stage(BuildContext& ctx) {
  const BuildOptions& options = ctx.options;
  Diagnostics& diags = ctx.diags;
  BuildResult& result = ctx.result;
  result.library = std::move(ctx.library);
  // The search index is made by Pagefind from the written pages; without it
  // the site still builds and /search/ offers the browsing pages.
  bool search_disabled = false;
  std::optional<std::string> pagefind = find_pagefind(ctx.site.repo->workdir(), &search_disabled);
  if (!pagefind && !search_disabled && !options.preview) {  // the preview has no search index anyway
    diags.warning({"herald.yaml", 1, 1},
                  "search index not built: Pagefind was not found (herald's package installs it; in a checkout "
                  "of herald's source, run `npm ci`; or set HERALD_PAGEFIND to its path, or to `none` to build "
                  "without search)");
  }
  if (diags.has_errors()) return ctx.failed();
  if (options.write) {
    std::string why;
    // A site whose search fails is not published: the previous one stays.
    auto index = [&](const std::string& dir, std::string* failure) {
      if (!pagefind || run_pagefind(*pagefind, dir, pagefind_time_limit(), failure)) return true;
      *failure = "search index not built, so nothing was published: " + *failure;
      return false;
    };
    ctx.staged.remove_others(ctx.memo->spare_paths(), result.files);
    // The records go while the folders change places, and are saved once the
    // site is in place, so that they never describe folders they are not of:
    // a build killed in between finds none, and renders every page.
    ::unlink(ctx.out_record.c_str());
    std::error_code ec;
    fs::create_directories(cache_dir(*ctx.site.repo), ec);  // for the spare
    if (!ctx.staged.publish(index, &why)) {
      diags.error({}, why);
      return ctx.failed();
    }
    // A cache that cannot be written costs the next build time, nothing else.
    if (ctx.making_memo_lines.joinable()) ctx.making_memo_lines.join();
    OutputMemo::save(ctx.out_record, ctx.memo_stamp, ctx.memo_lines, ctx.staged.kept_spare(), &why);
  }
  leave_with_result(ctx);
  return true;
}

}  // namespace herald
