// The output records file: a header, a line per file, and a checksum of them.
#include "output/output_memo.h"

#include <cinttypes>
#include <cstdio>
#include <iterator>

#include <fmt/format.h>

#include "core/checked_file.h"

namespace herald {
namespace {

// A line per file: "p" for the published site's, "s" for the spare's.
constexpr const char* kMagic = "herald-outputs 3";

}  // namespace

bool OutputMemo::load(const std::string& file, const std::string& stamp) {
  previous_.clear();
  spare_.clear();
  std::optional<std::string> body = read_checked_file(file, kMagic, stamp);
  if (!body) return false;
  std::map<std::string, OutputRecord> published, spare;
  for (size_t pos = 0; pos < body->size();) {
    size_t nl = body->find('\n', pos);  // the body is whole lines
    std::string line = body->substr(pos, nl - pos);
    pos = nl + 1;
    OutputRecord r;
    char which = 0;
    int path_at = -1;
    if (std::sscanf(line.c_str(), "%c %" SCNx64 " %" SCNx64 " %" SCNu64 " %" SCNd64 " %" SCNu64 " %n", &which,
                    &r.key.high, &r.key.low, &r.size, &r.mtime_ns, &r.inode, &path_at) != 6 ||
        (which != 'p' && which != 's') || path_at <= 0 || static_cast<size_t>(path_at) >= line.size())
      return false;
    (which == 'p' ? published : spare)[line.substr(static_cast<size_t>(path_at))] = r;
  }
  previous_ = std::move(published);
  spare_ = std::move(spare);
  return true;
}

bool OutputMemo::save(const std::string& file, const std::string& stamp, bool spare, std::string* error) const {
  std::string body;
  auto put = [&](char which, const std::map<std::string, OutputRecord>& records) {
    for (const auto& [path, r] : records)
      fmt::format_to(std::back_inserter(body), "{} {:x} {:x} {} {} {} {}\n", which, r.key.high, r.key.low, r.size,
                     r.mtime_ns, r.inode, path);
  };
  {
    std::lock_guard lock(mutex_);
    put('p', current_);
  }
  if (spare) put('s', previous_);
  return write_checked_file(file, kMagic, stamp, body, error);
}

const OutputRecord* OutputMemo::previous(const std::string& path) const {
  auto it = previous_.find(path);
  return it == previous_.end() ? nullptr : &it->second;
}

const OutputRecord* OutputMemo::spare(const std::string& path) const {
  auto it = spare_.find(path);
  return it == spare_.end() ? nullptr : &it->second;
}

std::vector<std::string> OutputMemo::spare_paths() const {
  std::vector<std::string> paths;
  paths.reserve(spare_.size());
  for (const auto& [path, r] : spare_) paths.push_back(path);
  return paths;
}

void OutputMemo::record(const std::string& path, const OutputRecord& r) {
  std::lock_guard lock(mutex_);
  current_[path] = r;
}

}  // namespace herald
