// The chapter facts file: tab-separated lines, escaped, in a checked file.
#include "cache/chapter_memo.h"

#include <vector>

#include <fmt/format.h>

#include "core/checked_file.h"

namespace herald {
namespace {

constexpr const char* kMagic = "herald-chapters 1";

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

bool unescape(const std::string& s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      *out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case '\\': *out += '\\'; break;
      case 't': *out += '\t'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      default: return false;
    }
  }
  return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    parts.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  parts.push_back(line.substr(start));
  return parts;
}

bool parse_flag(const std::string& s, bool* out) {
  if (s != "0" && s != "1") return false;
  *out = s == "1";
  return true;
}

}  // namespace

bool ChapterMemo::load(const std::string& file, const std::string& stamp) {
  std::lock_guard lock(mutex_);
  facts_.clear();
  loaded_.clear();
  std::optional<std::string> body = read_checked_file(file, kMagic, stamp);
  if (!body) return false;
  std::map<std::string, ChapterFacts> facts;
  for (size_t pos = 0; pos < body->size();) {
    size_t nl = body->find('\n', pos);  // the body is whole lines
    std::vector<std::string> f = split_tabs(body->substr(pos, nl - pos));
    pos = nl + 1;
    ChapterFacts c;
    if (f.size() != 9 || f[0].size() != 40 || !parse_flag(f[1], &c.readable) || !parse_flag(f[2], &c.reread) ||
        !unescape(f[4], &c.title) || !unescape(f[5], &c.amendment) || !unescape(f[6], &c.draft) ||
        !unescape(f[7], &c.date) || !unescape(f[8], &c.expires))
      return false;
    if (f[3].empty() || f[3].size() > 9 || f[3].find_first_not_of("0123456789") != std::string::npos) return false;
    c.amendment_line = std::stoi(f[3]);
    facts[f[0]] = std::move(c);
  }
  facts_ = std::move(facts);
  for (const auto& [blob, c] : facts_) loaded_.insert(blob);
  return true;
}

bool ChapterMemo::save(const std::string& file, const std::string& stamp, std::string* error) const {
  std::lock_guard lock(mutex_);
  if (used_ == loaded_) return true;  // the file already says exactly this
  std::string body;
  for (const auto& [blob, c] : facts_) {
    if (!used_.count(blob)) continue;  // a blob no release reads any more
    body += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", blob, c.readable ? 1 : 0, c.reread ? 1 : 0,
                        c.amendment_line, escape(c.title), escape(c.amendment), escape(c.draft), escape(c.date),
                        escape(c.expires));
  }
  return write_checked_file(file, kMagic, stamp, body, error);
}

const ChapterFacts* ChapterMemo::find(const std::string& blob_id) const {
  std::lock_guard lock(mutex_);
  auto it = facts_.find(blob_id);
  if (it == facts_.end()) return nullptr;
  used_.insert(blob_id);
  return &it->second;
}

void ChapterMemo::add(const std::string& blob_id, ChapterFacts facts) {
  std::lock_guard lock(mutex_);
  facts_[blob_id] = std::move(facts);
  used_.insert(blob_id);
}

void ChapterMemo::offer(const std::string& blob_id, ChapterFacts facts) {
  std::lock_guard lock(mutex_);
  facts_.try_emplace(blob_id, std::move(facts));
}

}  // namespace herald
