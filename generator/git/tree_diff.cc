// Comparing two trees entry by entry, descending only where they differ.
#include "git/tree_diff.h"

#include <git2.h>

#include <algorithm>

namespace herald {
namespace {

bool is_tree(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_TREE; }

void compare(TreeReader& trees, const git_tree* before, const git_tree* after, const std::string& prefix,
             std::vector<std::string>& paths);

/// Every file below `e` (itself, unless it is a tree), as added or deleted.
void all_of(TreeReader& trees, const git_tree_entry* e, const std::string& prefix,
            std::vector<std::string>& paths) {
  std::string path = prefix + git_tree_entry_name(e);
  if (!is_tree(e)) {
    paths.push_back(std::move(path));
    return;
  }
  compare(trees, nullptr, trees.get(git_tree_entry_id(e)), path + '/', paths);
}

void compare(TreeReader& trees, const git_tree* before, const git_tree* after, const std::string& prefix,
             std::vector<std::string>& paths) {
  size_t in_after = after ? git_tree_entrycount(after) : 0;
  for (size_t i = 0; i < in_after; ++i) {
    const git_tree_entry* now = git_tree_entry_byindex(after, i);
    const char* name = git_tree_entry_name(now);
    const git_tree_entry* was = before ? git_tree_entry_byname(before, name) : nullptr;
    if (!was) {
      all_of(trees, now, prefix, paths);
      continue;
    }
    if (git_oid_equal(git_tree_entry_id(was), git_tree_entry_id(now)) &&
        git_tree_entry_filemode(was) == git_tree_entry_filemode(now))
      continue;
    if (is_tree(was) && is_tree(now)) {
      compare(trees, trees.get(git_tree_entry_id(was)), trees.get(git_tree_entry_id(now)), prefix + name + '/',
              paths);
    } else if (is_tree(was) || is_tree(now)) {  // a file became a folder, or the other way
      all_of(trees, was, prefix, paths);
      all_of(trees, now, prefix, paths);
    } else {
      paths.push_back(prefix + name);
    }
  }
  size_t in_before = before ? git_tree_entrycount(before) : 0;
  for (size_t i = 0; i < in_before; ++i) {
    const git_tree_entry* was = git_tree_entry_byindex(before, i);
    if (!after || !git_tree_entry_byname(after, git_tree_entry_name(was))) all_of(trees, was, prefix, paths);
  }
}

}  // namespace

TreeReader::~TreeReader() {
  next();
  next();
}

const git_tree* TreeReader::get(const git_oid* id) {
  std::string key(reinterpret_cast<const char*>(id->id), GIT_OID_RAWSZ);
  if (auto it = used_.find(key); it != used_.end()) return it->second;
  if (auto it = last_.find(key); it != last_.end()) {
    git_tree* tree = it->second;
    last_.erase(it);
    return used_[key] = tree;
  }
  git_tree* tree = nullptr;
  if (git_tree_lookup(&tree, repo_, id) != 0) return nullptr;
  return used_[key] = tree;
}

void TreeReader::next() {
  for (auto& [key, tree] : last_) git_tree_free(tree);
  last_ = std::move(used_);
  used_.clear();
}

std::vector<std::string> changed_paths(TreeReader& trees, const git_tree* before, const git_tree* after) {
  std::vector<std::string> paths;
  compare(trees, before, after, "", paths);
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace herald
