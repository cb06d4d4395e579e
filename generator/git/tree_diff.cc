// Comparing two trees entry by entry, descending only where they differ.
#include "git/tree_diff.h"

#include <git2.h>

#include <algorithm>

namespace herald {
namespace {

bool is_tree(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_TREE; }

git_tree* subtree(git_repository* repo, const git_tree_entry* e) {
  git_tree* tree = nullptr;
  if (git_tree_lookup(&tree, repo, git_tree_entry_id(e)) != 0) return nullptr;
  return tree;
}

void compare(git_repository* repo, const git_tree* before, const git_tree* after, const std::string& prefix,
             std::vector<std::string>& paths);

/// Every file below `e` (itself, unless it is a tree), as added or deleted.
void all_of(git_repository* repo, const git_tree_entry* e, const std::string& prefix,
            std::vector<std::string>& paths) {
  std::string path = prefix + git_tree_entry_name(e);
  if (!is_tree(e)) {
    paths.push_back(std::move(path));
    return;
  }
  git_tree* tree = subtree(repo, e);
  compare(repo, nullptr, tree, path + '/', paths);
  git_tree_free(tree);
}

void compare(git_repository* repo, const git_tree* before, const git_tree* after, const std::string& prefix,
             std::vector<std::string>& paths) {
  size_t in_after = after ? git_tree_entrycount(after) : 0;
  for (size_t i = 0; i < in_after; ++i) {
    const git_tree_entry* now = git_tree_entry_byindex(after, i);
    const char* name = git_tree_entry_name(now);
    const git_tree_entry* was = before ? git_tree_entry_byname(before, name) : nullptr;
    if (!was) {
      all_of(repo, now, prefix, paths);
      continue;
    }
    if (git_oid_equal(git_tree_entry_id(was), git_tree_entry_id(now)) &&
        git_tree_entry_filemode(was) == git_tree_entry_filemode(now))
      continue;
    if (is_tree(was) && is_tree(now)) {
      git_tree* old_tree = subtree(repo, was);
      git_tree* new_tree = subtree(repo, now);
      compare(repo, old_tree, new_tree, prefix + name + '/', paths);
      git_tree_free(old_tree);
      git_tree_free(new_tree);
    } else if (is_tree(was) || is_tree(now)) {  // a file became a folder, or the other way
      all_of(repo, was, prefix, paths);
      all_of(repo, now, prefix, paths);
    } else {
      paths.push_back(prefix + name);
    }
  }
  size_t in_before = before ? git_tree_entrycount(before) : 0;
  for (size_t i = 0; i < in_before; ++i) {
    const git_tree_entry* was = git_tree_entry_byindex(before, i);
    if (!after || !git_tree_entry_byname(after, git_tree_entry_name(was))) all_of(repo, was, prefix, paths);
  }
}

}  // namespace

std::vector<std::string> changed_paths(git_repository* repo, const git_tree* before, const git_tree* after) {
  std::vector<std::string> paths;
  compare(repo, before, after, "", paths);
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace herald
