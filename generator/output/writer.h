// Write stage: the only code that touches the output folder.
#pragma once

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "output/output_memo.h"
#include "output/output_set.h"

namespace herald {

/// A build's output on its way to the output folder: a locked temporary folder
/// beside it, filled file by file as pages are rendered (so the rendered site
/// need not be held in memory), then swapped into place whole by publish().
/// Destroyed unpublished, it removes the temporary folder: the previous site
/// stays exactly as it was.
class StagedSite {
 public:
  StagedSite() = default;
  StagedSite(const StagedSite&) = delete;
  StagedSite& operator=(const StagedSite&) = delete;
  ~StagedSite();

  /// Takes the lock and makes the empty temporary folder; false and `error`
  /// when another build holds the lock or the place cannot be written.
  bool open(const std::string& out_dir, std::string* error);
  /// Writes one file, making its folders. Safe from many threads. With
  /// `written`, gives the file's size and modification time.
  bool write(const std::string& path, const std::string& content, std::string* error,
             OutputRecord* written = nullptr);
  /// Puts the previous site's `path` into the new one as a hard link, when it
  /// is still the regular file of `size` and `mtime_ns` that a build wrote.
  /// False (and nothing done) otherwise: the caller writes it instead.
  bool link_previous(const std::string& path, uint64_t size, int64_t mtime_ns);
  /// Runs `before_publish` on the complete temporary folder (the search index
  /// is made there), then swaps it into place.
  bool publish(const std::function<void(const std::string& dir)>& before_publish, std::string* error);
  /// Removes the temporary folder and lets go of the lock.
  void abandon();

 private:
  bool make_parents(const std::string& path, std::string* error);

  std::string out_dir_, tmp_;
  int lock_fd_ = -1;
  std::mutex dirs_mutex_;
  std::set<std::string> dirs_;
};

/// Writes `files` into a sibling temporary folder of `out_dir`, then swaps it
/// into place atomically (renameat2 RENAME_EXCHANGE), so a failed or killed
/// build leaves the previous site complete. A lock file stops two builds
/// writing the same folder at once. `before_publish`, when given, runs on the
/// complete temporary folder just before the swap (the search index is made
/// there). Returns false and sets `error` on failure.
bool write_site(const std::string& out_dir, const std::vector<OutputFile>& files, std::string* error,
                const std::function<void(const std::string& dir)>& before_publish = {});

}  // namespace herald
