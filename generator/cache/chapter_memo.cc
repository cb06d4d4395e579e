// The chapter facts file: tab-separated lines of escaped fields, in a checked file.
#include "cache/chapter_memo.h"

#include <vector>

#include <fmt/format.h>

#include "core/checked_file.h"

namespace herald {
namespace {

constexpr const char* kMagic = "herald-chapters 1";

bool parse_flag(std::string_view s, bool* out) {
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
  std::vector<std::string_view> f;
  for (size_t pos = 0; pos < body->size();) {
    size_t nl = body->find('\n', pos);  // the body is whole lines
    split_fields(std::string_view(*body).substr(pos, nl - pos), f);
    pos = nl + 1;
    ChapterFacts c;
    if (f.size() != 9 || f[0].size() != 40 || !parse_flag(f[1], &c.readable) || !parse_flag(f[2], &c.reread) ||
        !unescape_field(f[4], &c.title) || !unescape_field(f[5], &c.amendment) || !unescape_field(f[6], &c.draft) ||
        !unescape_field(f[7], &c.date) || !unescape_field(f[8], &c.expires))
      return false;
    if (f[3].empty() || f[3].size() > 9 || f[3].find_first_not_of("0123456789") != std::string::npos) return false;
    c.amendment_line = std::stoi(std::string(f[3]));
    facts[std::string(f[0])] = std::move(c);
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
                        c.amendment_line, escape_field(c.title), escape_field(c.amendment), escape_field(c.draft), escape_field(c.date),
                        escape_field(c.expires));
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
