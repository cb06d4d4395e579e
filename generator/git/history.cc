// The single history walk that dates every file of the site.
#include "git/history.h"

#include <git2.h>

#include <algorithm>
#include <charconv>
#include <iterator>

#include <fmt/format.h>

#include "core/checked_file.h"
#include "git/tree_diff.h"

namespace herald {
namespace {

bool wanted(const std::string& path, const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return true;
  for (const auto& p : prefixes)
    if (path.compare(0, p.size(), p) == 0) return true;
  return false;
}

}  // namespace

void History::add(TreeReader& trees, git_commit* commit, const std::vector<std::string>& prefixes) {
  // Against the first parent, whose tree is the next commit's of the walk.
  trees.next();
  const git_tree* tree = trees.get(git_commit_tree_id(commit));
  const git_tree* parent_tree = nullptr;
  if (git_commit_parentcount(commit) > 0) {
    git_commit* parent = nullptr;
    if (git_commit_parent(&parent, commit, 0) == 0) {
      parent_tree = trees.get(git_commit_tree_id(parent));
      git_commit_free(parent);
    }
  }
  std::vector<std::string> paths = changed_paths(trees, parent_tree, tree);
  const git_signature* who = git_commit_committer(commit);
  Commit info;
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
  info.id = hex;
  info.time = static_cast<int64_t>(who->when.time);
  info.time_offset = who->when.offset * 60;
  const char* summary = git_commit_summary(commit);
  info.summary = summary ? summary : "";
  if (head_id_.empty()) {
    head_id_ = info.id;
    head_time_ = info.time;
  }
  // A merge brings changes made in commits of their own, counted there.
  const bool merge = git_commit_parentcount(commit) > 1;
  CommitChanges kept{info, {}};
  for (const auto& path : paths) {
    auto [it, inserted] = dates_.try_emplace(path);
    FileDates& d = it->second;
    if (inserted) d.last = info.time;  // newest first: the first sighting is the last change
    d.first = info.time;
    if (!merge) ++d.changes;
    if (wanted(path, prefixes)) kept.paths.push_back(path);
  }
  if (!kept.paths.empty() || prefixes.empty()) commits_.push_back(std::move(kept));
}

History History::walk(const Repository& repo, const std::string& commit_id,
                      const std::vector<std::string>& prefixes) {
  History history;
  git_repository* raw = repo.raw();
  git_revwalk* walker = nullptr;
  if (git_revwalk_new(&walker, raw) != 0) return history;
  git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_oid start;
  if (git_oid_fromstr(&start, commit_id.c_str()) != 0 || git_revwalk_push(walker, &start) != 0) {
    git_revwalk_free(walker);
    return history;
  }
  git_oid oid;
  TreeReader trees(raw);
  while (git_revwalk_next(&oid, walker) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, raw, &oid) != 0) continue;
    history.add(trees, commit, prefixes);
    git_commit_free(commit);
  }
  git_revwalk_free(walker);
  return history;
}

History History::walk(const Repository& repo, const std::string& commit_id,
                      const std::vector<std::string>& prefixes, History known) {
  if (known.head_id_.empty()) return walk(repo, commit_id, prefixes);
  if (known.head_id_ == commit_id) return known;
  // Back from `commit_id` by single parents to the known commit. Those
  // commits come first in the whole walk too: each is a descendant of every
  // commit the known walk saw. A merge, the first commit or a rewritten
  // history on the way: the whole history is walked.
  git_repository* raw = repo.raw();
  std::vector<git_commit*> chain;  // newest first
  auto free_chain = [&] {
    for (git_commit* c : chain) git_commit_free(c);
  };
  git_oid oid;
  bool reached = false;
  if (git_oid_fromstr(&oid, commit_id.c_str()) == 0) {
    for (size_t steps = 0; steps < 10000 && !reached; ++steps) {
      git_commit* commit = nullptr;
      if (git_commit_lookup(&commit, raw, &oid) != 0) break;
      chain.push_back(commit);
      if (git_commit_parentcount(commit) != 1) break;
      oid = *git_commit_parent_id(commit, 0);
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr(hex, sizeof hex, &oid);
      reached = known.head_id_ == hex;
    }
  }
  if (!reached) {
    free_chain();
    return walk(repo, commit_id, prefixes);
  }
  History recent;
  TreeReader trees(raw);
  for (git_commit* commit : chain) recent.add(trees, commit, prefixes);
  free_chain();
  // The commits on top changed their paths last; a path the known walk saw
  // was first committed there.
  for (auto& [path, d] : recent.dates_) {
    auto [it, inserted] = known.dates_.try_emplace(path, std::move(d));
    if (!inserted) {
      int64_t first = it->second.first;
      int changes = it->second.changes;
      it->second = std::move(d);
      it->second.first = first;
      it->second.changes += changes;
    }
  }
  recent.commits_.insert(recent.commits_.end(), std::make_move_iterator(known.commits_.begin()),
                         std::make_move_iterator(known.commits_.end()));
  known.commits_ = std::move(recent.commits_);
  known.head_id_ = std::move(recent.head_id_);
  known.head_time_ = recent.head_time_;
  return known;
}

std::string History::serialize() const {
  std::string out = fmt::format("head\t{}\t{}\n", head_id_, head_time_);
  for (const CommitChanges& c : commits_) {
    out += fmt::format("c\t{}\t{}\t{}\t{}\t{}\n", c.commit.id, c.commit.time, c.commit.time_offset,
                       escape_field(c.commit.summary), c.paths.size());
    for (const std::string& path : c.paths) out += "p\t" + escape_field(path) + "\n";
  }
  // Sorted, so that the same history always gives the same text.
  std::vector<const std::pair<const std::string, FileDates>*> dates;
  dates.reserve(dates_.size());
  for (const auto& entry : dates_) dates.push_back(&entry);
  std::sort(dates.begin(), dates.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* entry : dates)
    out += fmt::format("d\t{}\t{}\t{}\t{}\n", escape_field(entry->first), entry->second.first, entry->second.last,
                       entry->second.changes);
  return out;
}

std::optional<History> History::parse(const std::string& text) {
  auto number = [](std::string_view s, int64_t* out) {
    if (s.empty() || s.size() > 20) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  auto commit_id = [](std::string_view s) {
    return s.size() == GIT_OID_HEXSZ && s.find_first_not_of("0123456789abcdef") == std::string::npos;
  };
  History h;
  // Room for a file's dates on every line at most, made once.
  h.dates_.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  size_t paths_left = 0;
  bool head = false;
  std::vector<std::string_view> f;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return std::nullopt;
    split_fields(std::string_view(text).substr(pos, nl - pos), f);
    pos = nl + 1;
    if (!head) {
      if (f.size() != 3 || f[0] != "head" || !commit_id(f[1]) || !number(f[2], &h.head_time_)) return std::nullopt;
      h.head_id_ = std::string(f[1]);
      head = true;
    } else if (paths_left > 0) {
      std::string path;
      if (f.size() != 2 || f[0] != "p" || !unescape_field(f[1], &path)) return std::nullopt;
      h.commits_.back().paths.push_back(std::move(path));
      --paths_left;
    } else if (f[0] == "c") {
      CommitChanges c;
      int64_t offset = 0, count = 0;
      if (f.size() != 6 || !commit_id(f[1]) || !number(f[2], &c.commit.time) || !number(f[3], &offset) ||
          !unescape_field(f[4], &c.commit.summary) || !number(f[5], &count) || count < 0 || count > 10000000)
        return std::nullopt;
      c.commit.id = std::string(f[1]);
      c.commit.time_offset = static_cast<int>(offset);
      paths_left = static_cast<size_t>(count);
      h.commits_.push_back(std::move(c));
    } else if (f[0] == "d") {
      std::string path;
      FileDates d;
      int64_t changes = 0;
      if (f.size() != 5 || !unescape_field(f[1], &path) || !number(f[2], &d.first) || !number(f[3], &d.last) ||
          !number(f[4], &changes) || changes < 0 || changes > 100000000)
        return std::nullopt;
      d.changes = static_cast<int>(changes);
      if (!h.dates_.emplace(std::move(path), std::move(d)).second) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (!head || paths_left > 0) return std::nullopt;
  return h;
}

const FileDates* History::dates(const std::string& path) const {
  auto it = dates_.find(path);
  return it == dates_.end() ? nullptr : &it->second;
}

}  // namespace herald
