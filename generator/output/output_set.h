// Everything a build will write, held in memory until the Write stage.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

struct OutputFile {
  std::string path;     ///< relative to the output folder, '/' separated, no leading '/'
  std::string content;
  std::string source;   ///< what produced it, for clash messages
};

/// Collects output files from many render threads.
class OutputSet {
 public:
  void add(std::string path, std::string content, std::string source = "");
  /// Sorted by path; two files for one path are reported as errors.
  std::vector<OutputFile> take_sorted(Diagnostics& diags);
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<OutputFile> files_;
};

/// True when a relative output path stays inside the output folder.
bool is_safe_output_path(const std::string& path);

}  // namespace herald
