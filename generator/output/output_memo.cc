// The output records file: a header, a line per file, and a checksum of them.
#include "output/output_memo.h"

#include <cinttypes>
#include <cstdio>

#include <fmt/format.h>

#include "core/checked_file.h"

namespace herald {
namespace {

constexpr const char* kMagic = "herald-outputs 1";

}  // namespace

bool OutputMemo::load(const std::string& file, const std::string& stamp) {
  previous_.clear();
  std::optional<std::string> body = read_checked_file(file, kMagic, stamp);
  if (!body) return false;
  std::map<std::string, OutputRecord> records;
  for (size_t pos = 0; pos < body->size();) {
    size_t nl = body->find('\n', pos);  // the body is whole lines
    std::string line = body->substr(pos, nl - pos);
    pos = nl + 1;
    OutputRecord r;
    int path_at = -1;
    if (std::sscanf(line.c_str(), "%" SCNx64 " %" SCNx64 " %" SCNu64 " %" SCNd64 " %n", &r.key.high, &r.key.low,
                    &r.size, &r.mtime_ns, &path_at) != 4 ||
        path_at <= 0 || static_cast<size_t>(path_at) >= line.size())
      return false;
    records[line.substr(static_cast<size_t>(path_at))] = r;
  }
  previous_ = std::move(records);
  return true;
}

bool OutputMemo::save(const std::string& file, const std::string& stamp, std::string* error) const {
  std::string body;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [path, r] : current_)
      body += fmt::format("{:x} {:x} {} {} {}\n", r.key.high, r.key.low, r.size, r.mtime_ns, path);
  }
  return write_checked_file(file, kMagic, stamp, body, error);
}

const OutputRecord* OutputMemo::previous(const std::string& path) const {
  auto it = previous_.find(path);
  return it == previous_.end() ? nullptr : &it->second;
}

void OutputMemo::record(const std::string& path, const OutputRecord& r) {
  std::lock_guard lock(mutex_);
  current_[path] = r;
}

}  // namespace herald
