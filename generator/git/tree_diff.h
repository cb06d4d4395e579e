// The paths two trees differ in, found by walking only the subtrees that differ.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

struct git_oid;
struct git_repository;
struct git_tree;

namespace herald {

/// Reads trees for a walk of comparisons, one commit against its parent
/// after another: a tree of the last comparison (the parent's, which is the
/// next commit's own) is not read and parsed again.
class TreeReader {
 public:
  explicit TreeReader(git_repository* repo) : repo_(repo) {}
  ~TreeReader();
  TreeReader(const TreeReader&) = delete;
  TreeReader& operator=(const TreeReader&) = delete;

  git_repository* repo() const { return repo_; }
  /// The tree `id`, or null if it cannot be read. Valid until the comparison
  /// after the next starts.
  const git_tree* get(const git_oid* id);
  /// Starts the next comparison: trees the last one did not use are freed.
  void next();

 private:
  git_repository* repo_;
  std::unordered_map<std::string, git_tree*> used_, last_;  ///< by raw id
};

/// Every path of a file (a blob, link or submodule) added, deleted or changed
/// (contents or mode) from `before` to `after`, either of which may be null
/// (no tree), sorted. The paths of libgit2's tree-to-tree diff without rename
/// detection, whose per-entry work is far more than a commit that changes a
/// file in a folder of thousands needs: subtrees with the same id are
/// skipped whole.
std::vector<std::string> changed_paths(TreeReader& trees, const git_tree* before, const git_tree* after);

}  // namespace herald
