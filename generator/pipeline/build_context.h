// What one build's stages share: the options, the loaded site, the caches and the threads that fill or save them.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cache/chapter_memo.h"
#include "cache/parse_cache.h"
#include "commands/pipeline.h"
#include "config/config.h"
#include "content/page_parser.h"
#include "content/source_path.h"
#include "markdown/document.h"
#include "output/output_memo.h"
#include "output/output_set.h"
#include "output/site_renderer.h"
#include "output/writer.h"
#include "templates/theme.h"

namespace herald {

/// A content file to parse, and what its path says it is.
struct ParseJob {
  SourceFile* file;
  ContentPath where;
};

/// Moves the build's files into the diagnostics sink when the build ends, so
/// that printed messages can quote their lines: not copied one by one. A file
/// the build did not read (its page came from the build cache) is read from
/// git if a message quotes it.
struct FilesToDiagnostics {
  LoadedSite& site;
  Diagnostics& diags;
  ~FilesToDiagnostics();
};

/// One build, passed from stage to stage (Load -> Parse -> Assemble ->
/// Render -> Write). The members are declared in the order the stages make
/// them: a thread is declared after what it uses, so that it is joined
/// before what it uses goes.
struct BuildContext {
  BuildContext(const BuildOptions& options, Diagnostics& diags, BuildResult& result);

  const BuildOptions& options;
  Diagnostics& diags;
  BuildResult& result;
  /// The build cache (.herald-cache/) is herald's executable's alone.
  const std::string identity;

  // ---- Load
  /// The parse cache on disk (herald build and check): read by a thread of
  /// its own while the rest of Load runs, on the other core.
  BuildCache disk_cache;
  std::optional<ParseCacheFolder> disk;
  std::jthread loading_parse_cache;
  /// What the previous build into the output folder wrote, from what: a page
  /// whose template and data are unchanged is not rendered again. Read by a
  /// thread of its own while Parse and Assemble run.
  std::shared_ptr<OutputMemo> memo = std::make_shared<OutputMemo>();
  std::jthread loading_memo;
  LoadedSite site;
  FilesToDiagnostics files_to_diagnostics{site, diags};
  /// Writes the history for the next build, while this one goes on.
  std::jthread saving_history;
  /// The build cache's records and spare site of this output folder (by its path).
  uint64_t out_hash = 0;
  std::string out_record, memo_stamp, spare_dir;
  int64_t now = 0;
  Config config;
  std::optional<Theme> theme;

  // ---- Parse
  std::unique_ptr<Library> library;
  ShortcodeResolver resolver;
  ParseContext parse_context;
  std::vector<ParseJob> jobs;
  /// Chapters parsed give the releases what they need of them (Assemble
  /// would otherwise read and parse every chapter of the site again).
  std::shared_ptr<ChapterMemo> chapters = std::make_shared<ChapterMemo>();
  std::string chapters_file;
  std::vector<std::unique_ptr<ChapterFacts>> facts;  ///< of the chapters parsed again
  std::jthread saving_parse_cache;

  // ---- Assemble
  std::mutex reading_git;  ///< libgit2's objects are for one thread at a time

  // ---- Render
  /// A build writes each file into the temporary folder as it is rendered, so
  /// the rendered site is never all in memory; an error anywhere abandons the
  /// folder and the previous site stays.
  StagedSite staged;
  std::shared_ptr<std::vector<RenderTask>> tasks = std::make_shared<std::vector<RenderTask>>();
  OutputMemo::Lines memo_lines;
  /// The records' lines are made on the other core while this one publishes.
  std::jthread making_memo_lines;

  /// Ends the build as one that could not be done (exit status 2).
  bool unusable(std::string why);
  /// Ends the build as one with content errors (exit status 1).
  bool failed();
};

/// The build cache's folder: .herald-cache/ at the root of the working tree
/// (in the git folder for a bare repository), never inside the output.
std::string cache_dir(const Repository& repo);

/// The file at `path` among `files` (sorted by path), or null.
const SourceFile* find_file(const std::vector<SourceFile>& files, const std::string& path);

/// The blob ids of herald.yaml and the contacts: besides a page's own
/// source, what every page shows (Library::inputs).
std::string site_inputs(const std::vector<SourceFile>& files);

/// What parsing depends on besides each file's bytes: the site's inputs and
/// --strict. The parse cache is kept for it.
std::string parse_inputs(const std::vector<SourceFile>& files, const BuildOptions& options);

/// The stages, each in a file of its own. Each returns false when the build
/// stops there (ctx.result says why).
bool load_stage(BuildContext& ctx);
bool parse_stage(BuildContext& ctx);
bool assemble_stage(BuildContext& ctx);
bool render_stage(BuildContext& ctx);
bool write_stage(BuildContext& ctx);

}  // namespace herald
