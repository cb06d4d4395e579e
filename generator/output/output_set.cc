// Output files gathered from the render threads.
#include "output/output_set.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "output/writer.h"

namespace herald {

void OutputSet::add(std::string path, std::string content, std::string source, const Hash128* key) {
  if (parent_) return parent_->add(folder_ + path, std::move(content), std::move(source), key);
  if (site_) {
    // Written now, outside the lock; an unsafe path is never written, and
    // take_sorted reports it (and clashes) as before.
    std::string error;
    OutputRecord written;
    bool safe = is_safe_output_path(path);
    // Every file is recorded (one without a key is never reused): the next
    // build may start from this site, and must know all that is in it.
    bool failed = safe && !site_->write(path, content, &error, memo_ ? &written : nullptr);
    if (safe && !failed && memo_) {
      if (key) written.key = *key;
      memo_->record(path, written);
    }
    content.clear();
    content.shrink_to_fit();
    std::lock_guard lock(mutex_);
    if (failed && write_error_.empty()) write_error_ = std::move(error);
    files_.push_back({std::move(path), std::move(content), std::move(source)});
    return;
  }
  if (kept_) {
    auto shared = std::make_shared<const std::string>(std::move(content));
    std::lock_guard lock(mutex_);
    files_.push_back({std::move(path), "", std::move(source), std::move(shared), key ? *key : Hash128{}});
    return;
  }
  std::lock_guard lock(mutex_);
  files_.push_back({std::move(path), std::move(content), std::move(source)});
}

bool OutputSet::reuse(const std::string& path, const Hash128& key, const std::string& source) {
  if (parent_) return parent_->reuse(folder_ + path, key, source);
  if (kept_) {
    auto it = kept_->files.find(path);
    if (key == Hash128{} || it == kept_->files.end() || !(it->second.key == key)) return false;
    std::lock_guard lock(mutex_);
    ++reused_;
    files_.push_back({path, "", source, it->second.content, key});
    return true;
  }
  if (!site_ || !memo_ || !is_safe_output_path(path) || key == Hash128{}) return false;
  // The spare site's copy, if it is still the one a build wrote from this
  // key, stays as it is; else the published site's is linked.
  const OutputRecord* r = memo_->spare(path);
  bool reused = r && r->key == key && site_->keep(path, *r);
  if (!reused) {
    r = memo_->previous(path);
    reused = r && r->key == key && site_->link_previous(path, *r);
  }
  if (!reused) return false;
  memo_->record(path, *r);
  std::lock_guard lock(mutex_);
  ++reused_;
  files_.push_back({path, "", source});
  return true;
}

std::string OutputSet::write_error() const {
  std::lock_guard lock(mutex_);
  return write_error_;
}

size_t OutputSet::reused() const {
  std::lock_guard lock(mutex_);
  return reused_;
}

size_t OutputSet::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

KeptOutputs KeptOutputs::of(const std::vector<OutputFile>& files) {
  KeptOutputs out;
  out.files.reserve(files.size());
  for (const OutputFile& f : files)
    if (f.kept && !(f.key == Hash128{})) out.files.emplace(f.path, File{f.key, f.kept});
  return out;
}

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == ".." || part == ".git") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

std::vector<OutputFile> OutputSet::take_sorted(Diagnostics& diags) {
  std::vector<OutputFile> files;
  {
    std::lock_guard lock(mutex_);
    files.swap(files_);
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  std::vector<OutputFile> out;
  out.reserve(files.size());
  for (auto& f : files) {
    if (!is_safe_output_path(f.path)) {
      diags.error({f.source, 0, 0}, fmt::format("'{}' would be written outside the output folder", f.path));
      continue;
    }
    if (!out.empty() && out.back().path == f.path) {
      diags.error({f.source, 0, 0}, fmt::format("two sources write the same file '/{}': {} and {}", f.path,
                                                out.back().source, f.source));
      continue;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace herald
