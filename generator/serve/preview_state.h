// What the preview server shows: the last good build, the current build errors, and a generation counter.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "output/output_set.h"

namespace herald {

/// The files of one good build, by output path ("briefings/sudi/index.html").
/// The preview's files by path, each shared with the build that made it (and
/// the next one, when it is unchanged).
using SiteFiles = std::unordered_map<std::string, std::shared_ptr<const std::string>>;

/// A build error as the browser shows it.
struct PreviewProblem {
  std::string where;    ///< `path:line:col`, or empty when no file is to blame
  std::string message;  ///< e.g. "error: 'date' must be ..."
  std::string excerpt;  ///< the source line and a caret under the column, or empty

  bool operator==(const PreviewProblem&) const = default;
};

/// The errors of a build, in the order the terminal shows them.
std::vector<PreviewProblem> problems_of(const Diagnostics& diags);

/// Shared between the thread that builds and the server's threads. Each
/// change a browser should see (new output, errors appearing or going)
/// bumps the generation and wakes every waiting event stream.
class PreviewState {
 public:
  /// One consistent view: the site, the errors, their generation.
  struct Snapshot {
    std::shared_ptr<const SiteFiles> files;  ///< null until a build succeeds
    std::shared_ptr<const std::vector<PreviewProblem>> problems;
    uint64_t generation = 0;
  };

  /// Takes a finished build: `files` is null when it failed, and the last
  /// good site stays served. Returns true when anything a browser sees
  /// changed (then the generation went up).
  bool publish(std::shared_ptr<const SiteFiles> files, std::vector<PreviewProblem> problems);

  Snapshot snapshot() const;

  /// Waits until the generation differs from `seen`, stop() is called or
  /// `timeout` passes; returns the generation then.
  uint64_t wait_for_change(uint64_t seen, std::chrono::milliseconds timeout) const;

  /// Wakes every waiter for good (the server is stopping).
  void stop();
  bool stopped() const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Snapshot current_{nullptr, std::make_shared<const std::vector<PreviewProblem>>(), 0};
  bool stopped_ = false;
};

/// The files of a build as the server keeps them.
std::shared_ptr<const SiteFiles> site_files_of(std::vector<OutputFile> files);

}  // namespace herald
