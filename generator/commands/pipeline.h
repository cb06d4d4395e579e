// The build pipeline: Load -> Parse -> Assemble -> Render -> Write, each stage timed.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/chapter_memo.h"
#include "content/library.h"
#include "core/diagnostic.h"
#include "git/history.h"
#include "git/repository.h"
#include "output/output_set.h"

namespace herald {

/// What one build keeps for the next (herald serve): a content file whose
/// bytes are unchanged is not parsed again, its page and diagnostics reused.
struct BuildCache {
  /// What parsing one file gave.
  struct Parsed {
    /// None when the file gave no page. A pointer, so that an entry read
    /// from the cache on disk (the page still encoded) is a few words.
    std::shared_ptr<Page> page;
    std::vector<Diagnostic> diagnostics;
    /// Read from the cache on disk and not decoded yet: the page and the
    /// diagnostics are these bytes (see decode_entry) of the file `file`
    /// keeps mapped, and the two members above are empty. `sealed` holds
    /// them with the key before them, as the file does, and `checksum` is
    /// what the file says their checksum is (checked by decode_entry).
    std::string_view encoded, sealed;
    uint64_t checksum = 0;
    std::shared_ptr<const void> file;
  };
  /// Parsing also depends on herald.yaml, the contact directory and --strict:
  /// their blob ids, and the cache is emptied when they change.
  std::string context;
  std::map<std::string, Parsed> parsed;  ///< by path + '\n' + blob id
  size_t reused = 0;                     ///< files the last build did not parse again
  /// The working tree as the last build read it (the preview).
  WorktreeMemo worktree;
  /// What each chapter blob said, for the releases: without it, every save
  /// read and parsed again every chapter of every release from git.
  std::shared_ptr<ChapterMemo> chapters;
  /// What the last build made, in memory (the preview): unchanged pages are
  /// not rendered again.
  KeptOutputs outputs;
};

struct BuildOptions {
  std::string repo = ".";
  std::string ref = "HEAD";
  std::string out;            ///< default: public/ at the repository's root
  bool drafts = false;
  bool strict = false;
  std::string now;            ///< --now, ISO 8601; empty: the clock
  bool verbose = false;
  bool write = true;          ///< false for `herald check`
  bool worktree = false;      ///< read the working tree instead of a commit (preview, check --worktree)
  bool preview = false;       ///< the preview: pages marked as such, no base_url needed
  BuildCache* cache = nullptr;  ///< reuse what earlier builds parsed (preview)
};

/// How long each stage took, for --verbose.
struct StageTiming {
  std::string name;
  double milliseconds = 0;
};

/// What a build produced and how it went.
struct BuildResult {
  enum class Status { ok, content_errors, unusable } status = Status::ok;
  std::string fatal;  ///< for `unusable`: why the repository cannot be read
  std::unique_ptr<Library> library;
  std::vector<OutputFile> files;  ///< what was (or would be) written
  std::vector<StageTiming> timings;
  std::string out_dir;
  std::string cache_dir;  ///< the build cache's folder (.herald-cache/ of the site)
  size_t pages_rendered = 0;
  size_t files_reused = 0;   ///< unchanged pages linked from the previous build
  size_t sources_reused = 0; ///< unchanged sources taken from the parse cache
  /// What else the build made (its history, records, tasks): freed with the
  /// result, or left for the system to reclaim by `build` and `check`.
  std::vector<std::shared_ptr<void>> leftovers;
};

/// The loaded site: the tree at a commit (or the working tree) and its history.
struct LoadedSite {
  std::unique_ptr<Repository> repo;
  std::optional<Commit> commit;
  std::vector<SourceFile> files;
  std::optional<History> history;
};

/// Runs the whole pipeline, reporting into `diags`. Writes the output folder
/// only when options.write is set and there is no error.
BuildResult run_pipeline(const BuildOptions& options, Diagnostics& diags);

/// Exit status of the contract: 0 success, 1 content errors, 2 unusable.
int exit_code(const BuildResult& result, const Diagnostics& diags);

/// Prints every diagnostic (sorted) and a summary line to `err`.
void print_diagnostics(const Diagnostics& diags, FILE* err);

}  // namespace herald
