// `herald build` and `herald check`.
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "commands/check_external.h"
#include "commands/commands.h"
#include "commands/report.h"
#include "content/languages.h"
#include "git/repository.h"

namespace herald {

namespace {

void print_timings(const BuildResult& result) {
  double total = 0;
  for (const auto& t : result.timings) {
    std::fprintf(stderr, "  %-9s %9.1f ms\n", t.name.c_str(), t.milliseconds);
    total += t.milliseconds;
  }
  std::fprintf(stderr, "  %-9s %9.1f ms\n", "total", total);
}

/// `build` and `check` end the process when they return: what the build made
/// is left for the system to reclaim at exit, since freeing tens of thousands
/// of pages one by one takes a noticeable part of a rebuild.
void keep_until_exit(BuildResult&& result) {
  static BuildResult* kept = nullptr;  // reachable, so not reported as a leak
  delete kept;
  kept = new BuildResult(std::move(result));
}

/// `check` reads what is committed: says how many of the site's files have
/// changes it did not look at, and how to check them.
void say_uncommitted(const BuildOptions& options) {
  std::string error;
  auto repo = Repository::open(options.repo, &error);
  if (!repo || options.ref != "HEAD") return;
  std::vector<std::string> changed =
      repo->uncommitted({"herald.yaml", "content/", "data/", "static/", "themes/"});
  if (changed.empty()) return;
  std::fprintf(stderr,
               "herald: %zu file%s of the site (%s%s) %s changes that are not committed, and %s not checked: herald "
               "checks what is committed; commit them, or run herald check --worktree to check the files as they "
               "are\n",
               changed.size(), changed.size() == 1 ? "" : "s", changed.front().c_str(),
               changed.size() > 1 ? ", …" : "", changed.size() == 1 ? "has" : "have",
               changed.size() == 1 ? "was" : "were");
}

}  // namespace

int command_build(const BuildOptions& options) {
  Diagnostics diags;
  BuildResult result = run_pipeline(options, diags);
  if (result.status == BuildResult::Status::unusable) {
    std::fprintf(stderr, "error: %s\n", result.fatal.c_str());
    return 2;
  }
  print_diagnostics(diags, stderr);
  int code = exit_code(result, diags);
  if (options.verbose) {
    if (result.library) {
      // Every language's pages (the Welsh library's as well as the default's).
      size_t pages = 0, withheld = 0;
      for (const Library* language : language_libraries(*result.library))
        for (const auto& p : language->pages) {
          ++pages;
          withheld += !p.published;
        }
      std::fprintf(stderr, "herald: %zu pages (%zu withheld: drafts, scheduled or expired), %zu files\n", pages,
                   withheld, result.files.size());
      std::fprintf(stderr, "herald: from the build cache: %zu sources not parsed again, %zu pages not rendered again\n",
                   result.sources_reused, result.files_reused);
    }
    print_timings(result);
  }
  // The output folder as the user named it (the default in full: it depends on --repo).
  const std::string& shown = options.out.empty() ? result.out_dir : options.out;
  if (code == 0)
    std::fprintf(stderr, "herald: published %zu files to %s\n", result.files.size(), shown.c_str());
  else if (std::filesystem::exists(result.out_dir))
    std::fprintf(stderr, "herald: nothing was written: the previous site in %s is unchanged\n", shown.c_str());
  else
    std::fprintf(stderr, "herald: nothing was written (%s does not exist yet)\n", shown.c_str());
  keep_until_exit(std::move(result));
  return code;
}

int command_check(const BuildOptions& options_in, const std::string& format, bool external) {
  BuildOptions options = options_in;
  options.write = false;
  Diagnostics diags;
  BuildResult result = run_pipeline(options, diags);
  if (result.status == BuildResult::Status::unusable) {
    std::fprintf(stderr, "error: %s\n", result.fatal.c_str());
    return 2;
  }
  // The network only on request, never by a build: the results of the last
  // day are kept in the build cache.
  if (external) check_external(result, static_cast<int64_t>(std::time(nullptr)), diags);
  if (format == "json") {
    std::fputs(diagnostics_json(diags).c_str(), stdout);
  } else if (format == "github") {
    std::fputs(diagnostics_github(diags).c_str(), stdout);
  } else {
    print_diagnostics(diags, stderr);
    if (!diags.has_errors())
      std::fprintf(stderr, "herald: the site has no errors%s\n", options.worktree ? " (as it is in the working tree)" : "");
    if (!options.worktree) say_uncommitted(options);
  }
  if (options.verbose) print_timings(result);
  int code = exit_code(result, diags);
  keep_until_exit(std::move(result));
  return code;
}

}  // namespace herald
