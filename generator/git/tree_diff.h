// The paths two trees differ in, found by walking only the subtrees that differ.
#pragma once

#include <string>
#include <vector>

struct git_repository;
struct git_tree;

namespace herald {

/// Every path of a file (a blob, link or submodule) added, deleted or changed
/// (contents or mode) from `before` to `after`, either of which may be null
/// (no tree), sorted. The paths of libgit2's tree-to-tree diff without rename
/// detection, whose per-entry work is far more than a commit that changes a
/// file in a folder of thousands needs: subtrees with the same id are
/// skipped whole.
std::vector<std::string> changed_paths(git_repository* repo, const git_tree* before, const git_tree* after);

}  // namespace herald
