// The chapter facts file: tab-separated lines, escaped, and a checksum of them.
#include "cache/chapter_memo.h"

#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

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
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // The magic line, the stamp, a line per blob, and last "end <xxh64 of all before it>".
  size_t end_line = text.rfind("end ");
  if (end_line == std::string::npos ||
      text.compare(end_line, std::string::npos, fmt::format("end {:x}\n", XXH3_64bits(text.data(), end_line))) != 0)
    return false;
  std::string head = std::string(kMagic) + "\n" + stamp + "\n";
  if (text.compare(0, head.size(), head) != 0) return false;
  std::map<std::string, ChapterFacts> facts;
  for (size_t pos = head.size(); pos < end_line;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos || nl > end_line) return false;
    std::vector<std::string> f = split_tabs(text.substr(pos, nl - pos));
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
  return true;
}

bool ChapterMemo::save(const std::string& file, const std::string& stamp, std::string* error) const {
  std::lock_guard lock(mutex_);
  if (!added_ && used_.size() == facts_.size()) return true;  // the file already says exactly this
  std::string text = std::string(kMagic) + "\n" + stamp + "\n";
  for (const auto& [blob, c] : facts_) {
    if (!used_.count(blob)) continue;  // a blob no release reads any more
    text += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", blob, c.readable ? 1 : 0, c.reread ? 1 : 0,
                        c.amendment_line, escape(c.title), escape(c.amendment), escape(c.draft), escape(c.date),
                        escape(c.expires));
  }
  text += fmt::format("end {:x}\n", XXH3_64bits(text.data(), text.size()));
  std::string tmp = file + "." + std::to_string(::getpid()) + ".tmp";  // two builds may save at once
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      *error = fmt::format("cannot write '{}'", tmp);
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) {
    *error = fmt::format("cannot write '{}'", file);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

const ChapterFacts* ChapterMemo::find(const std::string& blob_id) const {
  std::lock_guard lock(mutex_);
  auto it = facts_.find(blob_id);
  if (it == facts_.end()) return nullptr;
  used_[blob_id] = true;
  return &it->second;
}

void ChapterMemo::add(const std::string& blob_id, ChapterFacts facts) {
  std::lock_guard lock(mutex_);
  facts_[blob_id] = std::move(facts);
  used_[blob_id] = true;
  added_ = true;
}

}  // namespace herald
