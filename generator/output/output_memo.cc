// The output records file: a header, a line per file, and a checksum of them.
#include "output/output_memo.h"

#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace herald {
namespace {

constexpr const char* kMagic = "herald-outputs 1";

}  // namespace

bool OutputMemo::load(const std::string& file, const std::string& stamp) {
  previous_.clear();
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // The magic line, the stamp, a line per file, and last "end <xxh64 of all before it>".
  size_t end_line = text.rfind("end ", text.size() >= 4 ? text.size() - 4 : 0);
  if (end_line == std::string::npos || text.empty() || text.back() != '\n') return false;
  if (text.compare(end_line, std::string::npos, fmt::format("end {:x}\n", XXH3_64bits(text.data(), end_line))) != 0)
    return false;
  std::string expected_head = std::string(kMagic) + "\n" + stamp + "\n";
  if (text.compare(0, expected_head.size(), expected_head) != 0) return false;
  std::map<std::string, OutputRecord> records;
  size_t pos = expected_head.size();
  while (pos < end_line) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos || nl > end_line) return false;
    std::string line = text.substr(pos, nl - pos);
    OutputRecord r;
    int path_at = -1;
    if (std::sscanf(line.c_str(), "%" SCNx64 " %" SCNx64 " %" SCNu64 " %" SCNd64 " %n", &r.key.high, &r.key.low,
                    &r.size, &r.mtime_ns, &path_at) != 4 ||
        path_at <= 0 || static_cast<size_t>(path_at) >= line.size())
      return false;
    records[line.substr(static_cast<size_t>(path_at))] = r;
    pos = nl + 1;
  }
  previous_ = std::move(records);
  return true;
}

bool OutputMemo::save(const std::string& file, const std::string& stamp, std::string* error) const {
  std::string text = std::string(kMagic) + "\n" + stamp + "\n";
  {
    std::lock_guard lock(mutex_);
    for (const auto& [path, r] : current_)
      text += fmt::format("{:x} {:x} {} {} {}\n", r.key.high, r.key.low, r.size, r.mtime_ns, path);
  }
  text += fmt::format("end {:x}\n", XXH3_64bits(text.data(), text.size()));
  std::string tmp = file + "." + std::to_string(::getpid()) + ".tmp";  // two builds may save at once
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      *error = fmt::format("cannot write '{}': {}", tmp, std::strerror(errno));
      return false;
    }
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) {
    *error = fmt::format("cannot write '{}': {}", file, std::strerror(errno));
    return false;
  }
  return true;
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
