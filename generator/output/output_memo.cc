// The output records file: a header, a line per file, and a checksum of them.
#include "output/output_memo.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string_view>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "core/checked_file.h"

namespace herald {
namespace {

// A line per file: "p" for the published site's, "s" for the spare's.
constexpr const char* kMagic = "herald-outputs 3";

}  // namespace

namespace {

/// Reads one number of `line` from `at`, and the one space after it.
template <class T>
bool read_number(std::string_view line, size_t& at, T& value, int base) {
  auto [end, ec] = std::from_chars(line.data() + at, line.data() + line.size(), value, base);
  if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
  at = static_cast<size_t>(end - line.data()) + 1;
  return true;
}

}  // namespace

bool OutputMemo::load(const std::string& file, const std::string& stamp) {
  previous_.clear();
  spare_.clear();
  std::optional<std::string> body = read_checked_file(file, kMagic, stamp);
  if (!body) return false;
  std::unordered_map<std::string, OutputRecord> published, spare;
  // Room for every line in each, made once: tens of thousands on a large site.
  size_t lines = static_cast<size_t>(std::count(body->begin(), body->end(), '\n'));
  published.reserve(lines);
  spare.reserve(lines);
  std::string_view rest = *body;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');  // the body is whole lines
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    OutputRecord r;
    size_t at = 2;
    if (line.size() < 3 || (line[0] != 'p' && line[0] != 's') || line[1] != ' ' ||
        !read_number(line, at, r.key.high, 16) || !read_number(line, at, r.key.low, 16) ||
        !read_number(line, at, r.size, 10) || !read_number(line, at, r.mtime_ns, 10) ||
        !read_number(line, at, r.inode, 10) || at >= line.size())
      return false;
    (line[0] == 'p' ? published : spare)[std::string(line.substr(at))] = r;
  }
  previous_ = std::move(published);
  spare_ = std::move(spare);
  current_.reserve(previous_.size());  // this build's records, made with room once
  return true;
}

OutputMemo::Lines OutputMemo::lines() const {
  auto put = [](std::string& to, char which, const std::string& path, const OutputRecord& r) {
    // Compiled once: tens of thousands of lines.
    fmt::format_to(std::back_inserter(to), FMT_COMPILE("{} {:x} {:x} {} {} {} {}\n"), which, r.key.high, r.key.low,
                   r.size, r.mtime_ns, r.inode, path);
  };
  Lines lines;
  {
    std::lock_guard lock(mutex_);
    lines.text.reserve((current_.size() + previous_.size()) * 96);
    // Sorted, and of a path recorded twice (two sources of one file: an
    // error, so this build publishes nothing) only the last.
    std::vector<const std::pair<std::string, OutputRecord>*> sorted;
    sorted.reserve(current_.size());
    for (const auto& entry : current_) sorted.push_back(&entry);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (size_t i = 0; i < sorted.size(); ++i)
      if (i + 1 == sorted.size() || sorted[i + 1]->first != sorted[i]->first)
        put(lines.text, 'p', sorted[i]->first, sorted[i]->second);
  }
  lines.spare_from = lines.text.size();
  for (const auto& [path, r] : previous_) put(lines.text, 's', path, r);
  return lines;
}

bool OutputMemo::save(const std::string& file, const std::string& stamp, const Lines& lines, bool spare,
                      std::string* error) {
  std::string_view body = lines.text;
  if (!spare) body = body.substr(0, lines.spare_from);
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

std::vector<std::string_view> OutputMemo::spare_paths() const {
  std::vector<std::string_view> paths;
  paths.reserve(spare_.size());
  for (const auto& [path, r] : spare_) paths.push_back(path);
  return paths;
}

void OutputMemo::record(const std::string& path, const OutputRecord& r) {
  std::lock_guard lock(mutex_);
  current_.emplace_back(path, r);
}

}  // namespace herald
