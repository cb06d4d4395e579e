// Everything a build will write, held in memory until the Write stage.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "templates/data_hash.h"

namespace herald {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string p, std::string c = "", std::string s = "", std::shared_ptr<const std::string> k = nullptr,
             Hash128 h = {})
      : path(std::move(p)), content(std::move(c)), source(std::move(s)), kept(std::move(k)), key(h) {}

  std::string path;     ///< relative to the output folder, '/' separated, no leading '/'
  std::string content;
  std::string source;   ///< what produced it, for clash messages
  /// Kept in memory for the next build (the preview): the content (then
  /// `content` is empty) and what it was made from (zero: no key).
  std::shared_ptr<const std::string> kept;
  Hash128 key{};
};

/// What the last build in memory made (the preview), by path: each file
/// made from a key, with its content. A file whose key is unchanged is
/// taken from here, not rendered again.
struct KeptOutputs {
  struct File {
    Hash128 key;
    std::shared_ptr<const std::string> content;
  };
  std::unordered_map<std::string, File> files;
  /// The files of a finished build that can be kept for the next.
  static KeptOutputs of(const std::vector<OutputFile>& files);
};

class StagedSite;
class OutputMemo;

/// Collects output files from many render threads.
class OutputSet {
 public:
  OutputSet() = default;
  /// The files of one language's folder (`folder`, e.g. "cy/"): each file
  /// added to it goes into `parent` under that folder.
  OutputSet(OutputSet& parent, std::string folder) : parent_(&parent), folder_(std::move(folder)) {}
  /// The folder of this set's files within the output ("" or "cy/").
  const std::string& folder() const { return folder_; }
  /// From now on each file is written to `site` as it is added and only its
  /// path and source are kept (take_sorted gives them with empty contents).
  void stream_to(StagedSite* site) { site_ = site; }
  /// The first write that failed while streaming, else empty.
  std::string write_error() const;

  /// With `memo` (while streaming), files added with a key are recorded, and
  /// reuse() can link the previous build's copy instead of rendering again.
  void remember_in(OutputMemo* memo) { memo_ = memo; }
  /// In memory (the preview): files are held shared, with their keys, and
  /// reuse() takes one from `previous` when it was made from the same key.
  void keep_from(const KeptOutputs* previous) { kept_ = previous; }
  /// Room for `count` files, made once.
  void reserve(size_t count) { files_.reserve(count); }
  bool remembers() const { return parent_ ? parent_->remembers() : (memo_ && site_) || kept_; }

  void add(std::string path, std::string content, std::string source = "", const Hash128* key = nullptr);
  /// True when the previous build wrote `path` from the same `key` and its
  /// file is unchanged: it is kept (in the spare site this build started
  /// from) or linked (from the published site) into this build, as if added.
  bool reuse(const std::string& path, const Hash128& key, const std::string& source);
  /// Reuses the previous build's `path` when `key()` (asked for only when
  /// the build keeps records) is the one it was made from; else adds what
  /// `make()` makes, recording the key.
  template <class Key, class Make>
  void add_keyed(const std::string& path, const std::string& source, Key key, Make make) {
    std::optional<Hash128> k;
    if (remembers()) k = key();
    if (k && reuse(path, *k, source)) return;
    add(path, make(), source, k ? &*k : nullptr);
  }
  /// Sorted by path; two files for one path are reported as errors.
  std::vector<OutputFile> take_sorted(Diagnostics& diags);
  size_t size() const;
  /// How many files were kept or linked from earlier builds (reuse() gave true).
  size_t reused() const;

 private:
  mutable std::mutex mutex_;
  std::vector<OutputFile> files_;
  size_t reused_ = 0;
  StagedSite* site_ = nullptr;
  OutputMemo* memo_ = nullptr;
  const KeptOutputs* kept_ = nullptr;
  std::string write_error_;
  OutputSet* parent_ = nullptr;
  std::string folder_;
};

/// True when a relative output path stays inside the output folder.
bool is_safe_output_path(std::string_view path);

}  // namespace herald
