// Load: herald.yaml, the tree at a ref (or the working tree), one walk of the history, the theme; the caches meanwhile.
#include <git2.h>
#include <xxhash.h>

#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "core/checked_file.h"
#include "core/text.h"
#include "output/output_folder.h"
#include "pipeline/build_context.h"
#include "templates/words.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

/// The output folder, resolved: --out, else public/ at the root of the
/// working tree (in the current folder for a bare repository).
std::string output_folder(const BuildOptions& options, const Repository& repo) {
  if (!options.out.empty()) return resolve_output_folder(options.out);
  std::string root = repo.workdir();
  return resolve_output_folder(root.empty() ? "public" : root + "public");
}

/// Where the site goes, and that it may go there, before anything is
/// written; "" or why not.
std::string place_output(BuildContext& ctx) {
  const Repository& repo = *ctx.site.repo;
  ctx.result.out_dir = output_folder(ctx.options, repo);
  // The build cache keeps records and a spare site for each output folder,
  // by its path: builds into public/ and, say, with-drafts/ do not undo each
  // other's.
  ctx.out_hash = XXH3_64bits(ctx.result.out_dir.data(), ctx.result.out_dir.size());
  ctx.out_record = fmt::format("{}/outputs-{:016x}", cache_dir(repo), ctx.out_hash);
  if (!ctx.options.write) return "";
  ProtectedPlaces places = protected_places(
      repo.workdir(), {git_repository_path(repo.raw()), git_repository_commondir(repo.raw())}, cache_dir(repo));
  places.earlier_record = ctx.out_record;
  std::string shown = ctx.options.out.empty() ? "public/" : ctx.options.out;
  return refuse_output_folder(shown, ctx.result.out_dir, places);
}

/// The history: from the last build's walk, only commits added on top of it
/// are diffed; saved for the next build meanwhile when it changed.
void walk_history(BuildContext& ctx) {
  LoadedSite& site = ctx.site;
  const std::vector<std::string> prefixes = {"content/procedures/"};
  const std::string history_file = cache_dir(*site.repo) + "/history", history_magic = "herald-history 2";
  std::optional<History> known;
  if (auto text = read_checked_file(history_file, history_magic, ctx.identity)) known = History::parse(*text);
  std::optional<std::string> known_head;
  if (known) known_head = known->head_id();
  site.history = known ? History::walk(*site.repo, site.commit->id, prefixes, std::move(*known))
                       : History::walk(*site.repo, site.commit->id, prefixes);
  if (known_head != site.history->head_id()) {
    std::error_code ec;
    fs::create_directories(cache_dir(*site.repo), ec);
    // Nothing changes the history from here on.
    ctx.saving_history = std::jthread([&history = *site.history, history_file, history_magic,
                                       identity = ctx.identity] {
      std::string why;
      write_checked_file(history_file, history_magic, identity, history.serialize(), &why);  // only a cache
    });
  }
}

/// Notes and warnings about the repository itself.
void check_repository(BuildContext& ctx) {
  const Repository& repo = *ctx.site.repo;
  // The build cache holds a copy of the sites built (drafts too, with --drafts): it must
  // never be committed. A note, not a warning, so that --strict still builds.
  if (!ctx.options.worktree && !repo.workdir().empty()) {
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo.raw(), ".herald-cache/") == 0 && !ignored)
      ctx.diags.report(Severity::note, {".gitignore", 0, 0},
                       "the build cache .herald-cache/ is not ignored by git: add the line /.herald-cache/ to "
                       ".gitignore, so that it (with its copy of the site) is never committed");
  }
  // A shallow clone (a CI checkout's default) has only its newest commits: every
  // page would seem first published and last changed in them.
  if (ctx.site.commit && git_repository_is_shallow(repo.raw()) == 1)
    ctx.diags.warning({repo.workdir().empty() ? "shallow" : ".git/shallow", 0, 0},
                      "the repository is a shallow clone, so each page's dates (\"First published\", \"Last "
                      "updated\") and the procedures' changes come only from the commits it has: clone its whole "
                      "history (with actions/checkout, `fetch-depth: 0`)");
}

}  // namespace

bool load_stage(BuildContext& ctx) {
  const BuildOptions& options = ctx.options;
  LoadedSite& site = ctx.site;
  std::string error;
  site.repo = Repository::open(options.repo, &error);
  if (!site.repo) return ctx.unusable(error);
  ctx.result.cache_dir = cache_dir(*site.repo);
  if (std::string refusal = place_output(ctx); !refusal.empty()) return ctx.unusable(refusal);
  if (options.worktree) {
    if (site.repo->workdir().empty()) return ctx.unusable("a bare repository has no working tree to preview");
    site.files = site.repo->read_worktree(options.cache ? &options.cache->worktree : nullptr);
    site.commit = site.repo->resolve("HEAD", &error);  // may be unborn
  } else {
    site.commit = site.repo->resolve(options.ref, &error);
    if (!site.commit) return ctx.unusable(error);
    // What a build reads besides the pages' Markdown: the settings, the
    // contacts, a theme, static files and bundles' files. A page's Markdown is
    // read only if it is parsed again (see Parse): on a rebuild most come from
    // the build cache. Anything else in the repository (a README, say) is
    // only listed; a message that quotes such a file reads it then.
    site.files = site.repo->list_tree(site.commit->id);
    if (!options.cache) {
      // Its stamp names herald, herald.yaml and the contacts, as in Parse.
      ctx.disk.emplace(cache_dir(*site.repo), ctx.identity + "\n" + parse_inputs(site.files, options));
      ctx.loading_parse_cache = std::jthread([&ctx] { ctx.disk->load(ctx.disk_cache); });
    }
    std::vector<SourceFile*> needed;
    for (SourceFile& f : site.files) {
      bool markdown = starts_with(f.path, "content/") && ends_with(f.path, ".md");
      bool used = f.path == "herald.yaml" || starts_with(f.path, "data/") || starts_with(f.path, "themes/") ||
                  starts_with(f.path, "static/") || starts_with(f.path, "content/");
      if (used && !markdown) needed.push_back(&f);
    }
    site.repo->read_contents(needed);
  }
  if (site.commit) walk_history(ctx);

  ctx.now = static_cast<int64_t>(std::time(nullptr));
  const SourceFile* config_file = find_file(site.files, "herald.yaml");
  if (!config_file) {
    ctx.diags.error({"herald.yaml", 0, 0},
                    options.worktree ? "the site has no herald.yaml at its root"
                                     : fmt::format("the site has no herald.yaml at its root in {}", options.ref));
    return ctx.failed();
  }
  auto parsed_config = parse_config(config_file->content, "herald.yaml", ctx.diags);
  if (!parsed_config) return ctx.failed();
  ctx.config = *parsed_config;
  // The site's address makes its feeds, sitemap and canonical links: a
  // build needs it (the preview, on this computer only, does not).
  if (!options.preview && ctx.config.base_url == "/")  // the default: none given
    ctx.diags.error({"herald.yaml", 1, 1},
                    "herald.yaml has no base_url: give the site's web address, such as base_url: "
                    "https://safeguarding.example/, for its feeds, sitemap and the links partners share");
  check_repository(ctx);
  if (!options.now.empty()) {
    std::string why;
    auto fixed = parse_datetime(options.now, ctx.config.zone(), &why);
    if (!fixed) return ctx.unusable("--now: " + why);
    ctx.now = fixed->utc_seconds;
  }
  ctx.theme = Theme::load(ctx.config.theme, site.files, ctx.diags, ctx.config.theme_at);
  use_theme_words(*ctx.theme, ctx.diags);  // the theme's own i18n/<code>.yaml, over the built-in words
  if (options.write) {
    ctx.memo_stamp = fmt::format("{}\ntheme {}\nout {}", ctx.identity, ctx.theme->fingerprint(), ctx.result.out_dir);
    ctx.spare_dir = fmt::format("{}/spare-{:016x}", cache_dir(*site.repo), ctx.out_hash);
    ctx.loading_memo = std::jthread(
        [memo = ctx.memo, record = ctx.out_record, stamp = ctx.memo_stamp] { memo->load(record, stamp); });
  }
  return true;
}

}  // namespace herald
