// What the previous build wrote, so that an unchanged page is linked, not rendered again.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "templates/data_hash.h"

namespace herald {

/// One output file as a build left it: the hash of the template and data it
/// was rendered from, and its size and modification time once written (a file
/// changed by hand since then is not reused).
struct OutputRecord {
  Hash128 key;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

/// The records of the previous build, read from the build cache, and those of
/// this build, saved for the next one. Reading a missing, stale or damaged
/// file gives no records: every page is rendered again, nothing is wrong.
class OutputMemo {
 public:
  /// Reads `file`; false (and no records) unless it was saved with `stamp`
  /// (herald's build, the theme, the output folder) and is intact.
  bool load(const std::string& file, const std::string& stamp);
  /// Saves this build's records (write to a temporary name, then rename).
  bool save(const std::string& file, const std::string& stamp, std::string* error) const;

  /// The previous build's record of `path`, or null.
  const OutputRecord* previous(const std::string& path) const;
  /// Keeps the record of a file this build wrote or reused. Safe from many threads.
  void record(const std::string& path, const OutputRecord& r);

 private:
  std::map<std::string, OutputRecord> previous_;
  mutable std::mutex mutex_;
  std::map<std::string, OutputRecord> current_;
};

}  // namespace herald
