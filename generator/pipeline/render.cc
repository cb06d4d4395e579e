// Render: view models into HTML, feeds, vCards and PDFs, in parallel, each file written as it is made.
#include <filesystem>

#include <fmt/format.h>

#include "core/display_language.h"
#include "content/languages.h"
#include "output/extra_outputs.h"
#include "pipeline/build_context.h"
#include "templates/renderer.h"

namespace herald {

bool render_stage(BuildContext& ctx) {
  const BuildOptions& options = ctx.options;
  Diagnostics& diags = ctx.diags;
  Library& lib = *ctx.library;
  OutputMemo& memo = *ctx.memo;
  Renderer renderer(*ctx.theme, diags);
  OutputSet out;
  if (ctx.loading_memo.joinable()) ctx.loading_memo.join();
  if (!diags.has_errors()) {
    if (options.write) {
      // The site the last build replaced is kept in the cache; when the
      // records say what is in it, this build starts from it, and writes
      // only what changed since.
      SpareSite spare{ctx.spare_dir, memo.has_spare()};
      // The lock of the output folder is kept in the build cache, not left
      // beside the folder (in the site's repository, for public/).
      std::error_code ec;
      std::filesystem::create_directories(ctx.result.cache_dir, ec);
      std::string lock = fmt::format("{}/lock-{:016x}", ctx.result.cache_dir, ctx.out_hash);
      std::string why;
      if (!ctx.staged.open(ctx.result.out_dir, &why, spare, lock)) {
        diags.error({}, why);
        return ctx.failed();
      }
      out.stream_to(&ctx.staged);
      out.remember_in(&memo);
      out.reserve(memo.previous_count());
    } else if (options.cache) {
      out.keep_from(&options.cache->outputs);
    }
    // The long tasks (the PDFs, the sitemap, the feeds) first, and the many
    // short ones after them: both cores stay busy to the end.
    std::vector<RenderTask>& tasks = *ctx.tasks;
    // Each language's site in its folder ("" for the default's, at /).
    std::vector<std::unique_ptr<OutputSet>> folders;
    for (Library* l : language_libraries(lib)) {
      OutputSet& into = l == &lib ? out : *folders.emplace_back(
                                              std::make_unique<OutputSet>(out, l->config.language_folder));
      const size_t first = tasks.size();
      add_extra_tasks(*l, renderer, into, diags, tasks);
      add_html_tasks(*l, renderer, *ctx.theme, into, diags, tasks);
      // Dates and the theme's words in the language of the library's pages.
      if (!l->config.languages.empty())
        for (size_t i = first; i < tasks.size(); ++i)
          tasks[i].run = [run = std::move(tasks[i].run), tag = l->config.language] {
            DisplayLanguage in(tag);
            run();
          };
    }
    run_tasks(tasks);
    // The records' lines are made on the other core while this one publishes
    // the site; they are saved once it is in place.
    if (options.write) ctx.making_memo_lines = std::jthread([&ctx] { ctx.memo_lines = ctx.memo->lines(); });
  }
  for (Library* l : language_libraries(lib)) l->parse_tree = nullptr;  // it refers to this build's files
  BuildResult& result = ctx.result;
  result.files = out.take_sorted(diags);
  if (options.cache && !options.write) options.cache->outputs = KeptOutputs::of(result.files);
  if (std::string failed = out.write_error(); !failed.empty()) diags.error({}, failed);
  result.pages_rendered = result.files.size();
  result.files_reused = out.reused();
  return true;
}

}  // namespace herald
