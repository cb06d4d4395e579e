// One walk of a branch's history: when each file was first and last committed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "git/repository.h"

struct git_commit;

namespace herald {

class TreeReader;

struct FileDates {
  int64_t first = 0;  ///< committer time of the oldest commit that added or changed the file
  int64_t last = 0;   ///< committer time of the newest commit that changed the file
  int changes = 0;    ///< how many commits changed the file, merge commits aside
};

/// A commit and the paths it changed (against its first parent).
struct CommitChanges {
  Commit commit;
  std::vector<std::string> paths;
};

/// The history reachable from one commit, walked once for the whole site.
class History {
 public:
  /// Walks every commit reachable from `commit_id`, newest first, diffing each
  /// against its first parent. Only paths starting with one of `prefixes`
  /// (empty: all) are kept in `commits()`; dates are kept for every path.
  static History walk(const Repository& repo, const std::string& commit_id,
                      const std::vector<std::string>& prefixes = {});
  /// The same, starting from `known`, an earlier walk with the same prefixes
  /// (from the build cache): when `commit_id` is `known`'s commit with
  /// commits added on top one after another (no merge), only those are
  /// diffed, and folded into `known`. Otherwise the whole history is walked.
  /// The result is the same.
  static History walk(const Repository& repo, const std::string& commit_id,
                      const std::vector<std::string>& prefixes, History known);

  /// The history as text lines, for the build cache, and back (nullopt for
  /// anything that is not such text).
  std::string serialize() const;
  static std::optional<History> parse(const std::string& text);
  /// The commit walked from.
  const std::string& head_id() const { return head_id_; }

  /// Dates of a path, or null if it was never committed.
  const FileDates* dates(const std::string& path) const;
  /// Newest first.
  const std::vector<CommitChanges>& commits() const { return commits_; }
  /// Time of the newest commit (0 for none).
  int64_t head_time() const { return head_time_; }

 private:
  /// Diffs one commit against its first parent, newest first after those before.
  void add(TreeReader& trees, git_commit* commit, const std::vector<std::string>& prefixes);

  std::unordered_map<std::string, FileDates> dates_;
  std::vector<CommitChanges> commits_;
  int64_t head_time_ = 0;
  std::string head_id_;
};

}  // namespace herald
