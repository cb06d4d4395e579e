// What the previous build wrote, so that an unchanged page is linked, not rendered again.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "templates/data_hash.h"

namespace herald {

/// One output file as a build left it: the hash of the template and data it
/// was rendered from (none, all zero, for a file that is written every time),
/// and its size, modification time and inode once written (a file changed or
/// replaced by hand since then is not reused). A file linked or kept from an
/// earlier build is the same inode, so its record stays true.
struct OutputRecord {
  Hash128 key;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
};

/// The records of the previous build (of every file of the site it
/// published, and of the spare site kept beside it: see StagedSite), read from
/// the build cache, and those of this build, saved for the next one. Reading
/// a missing, stale or damaged file gives no records: every page is rendered
/// again, nothing is wrong.
class OutputMemo {
 public:
  /// Reads `file`; false (and no records) unless it was saved with `stamp`
  /// (herald's build, the theme, the output folder) and is intact.
  bool load(const std::string& file, const std::string& stamp);
  /// The lines `save` writes: this build's records, sorted, then the previous
  /// build's, from `spare_from` on. Made while the site is being published.
  struct Lines {
    std::string text;
    size_t spare_from = 0;
  };
  Lines lines() const;
  /// Saves this build's records (write to a temporary name, then rename) and,
  /// with `spare`, the previous build's as those of the spare site: the site
  /// this build replaced.
  static bool save(const std::string& file, const std::string& stamp, const Lines& lines, bool spare,
                   std::string* error);

  /// The previous build's record of `path`, or null.
  const OutputRecord* previous(const std::string& path) const;
  /// The record of `path` in the spare site, or null.
  const OutputRecord* spare(const std::string& path) const;
  /// Every file of the spare site, in no order; none when there is no spare.
  /// Views of the records' paths: valid while the records are.
  std::vector<std::string_view> spare_paths() const;
  bool has_spare() const { return !spare_.empty(); }
  /// How many files the previous build published: about as many as this one makes.
  size_t previous_count() const { return previous_.size(); }
  /// Keeps the record of a file this build wrote or reused. Safe from many threads.
  void record(const std::string& path, const OutputRecord& r);

 private:
  std::unordered_map<std::string, OutputRecord> previous_, spare_;
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, OutputRecord>> current_;  ///< in the order recorded
};

}  // namespace herald
