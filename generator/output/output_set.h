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

class StagedSite;

/// Collects output files from many render threads.
class OutputSet {
 public:
  /// From now on each file is written to `site` as it is added and only its
  /// path and source are kept (take_sorted gives them with empty contents).
  void stream_to(StagedSite* site) { site_ = site; }
  /// The first write that failed while streaming, else empty.
  std::string write_error() const;

  void add(std::string path, std::string content, std::string source = "");
  /// Sorted by path; two files for one path are reported as errors.
  std::vector<OutputFile> take_sorted(Diagnostics& diags);
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<OutputFile> files_;
  StagedSite* site_ = nullptr;
  std::string write_error_;
};

/// True when a relative output path stays inside the output folder.
bool is_safe_output_path(const std::string& path);

}  // namespace herald
