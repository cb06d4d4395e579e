// The single history walk that dates every file of the site.
#include "git/history.h"

#include <git2.h>

namespace herald {
namespace {

/// The paths a diff touches. The deltas are read directly: git_diff_foreach
/// would make a patch of every file, reading both blobs, to tell us the names.
void collect_paths(const git_diff* diff, std::vector<std::string>& paths) {
  size_t n = git_diff_num_deltas(diff);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    const char* path = delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path;
    if (!path) path = delta->old_file.path;
    if (path) paths.emplace_back(path);
  }
}

bool wanted(const std::string& path, const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return true;
  for (const auto& p : prefixes)
    if (path.compare(0, p.size(), p) == 0) return true;
  return false;
}

}  // namespace

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
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  git_oid oid;
  std::vector<std::string> paths;
  while (git_revwalk_next(&oid, walker) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, raw, &oid) != 0) continue;
    git_tree* tree = nullptr;
    git_tree* parent_tree = nullptr;
    git_commit_tree(&tree, commit);
    if (git_commit_parentcount(commit) > 0) {
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, commit, 0) == 0) {
        git_commit_tree(&parent_tree, parent);
        git_commit_free(parent);
      }
    }
    git_diff* diff = nullptr;
    paths.clear();
    if (git_diff_tree_to_tree(&diff, raw, parent_tree, tree, &options) == 0) {
      collect_paths(diff, paths);
      git_diff_free(diff);
    }
    const git_signature* who = git_commit_committer(commit);
    Commit info;
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    info.id = hex;
    info.time = static_cast<int64_t>(who->when.time);
    info.time_offset = who->when.offset * 60;
    const char* summary = git_commit_summary(commit);
    info.summary = summary ? summary : "";
    if (history.head_time_ == 0) history.head_time_ = info.time;
    CommitChanges kept{info, {}};
    for (const auto& path : paths) {
      auto [it, inserted] = history.dates_.try_emplace(path);
      FileDates& d = it->second;
      if (inserted) {  // newest first: the first sighting is the last change
        d.last = info.time;
        d.last_commit_id = info.id;
      }
      d.first = info.time;
      if (wanted(path, prefixes)) kept.paths.push_back(path);
    }
    if (!kept.paths.empty() || prefixes.empty()) history.commits_.push_back(std::move(kept));
    git_tree_free(parent_tree);
    git_tree_free(tree);
    git_commit_free(commit);
  }
  git_revwalk_free(walker);
  return history;
}

const FileDates* History::dates(const std::string& path) const {
  auto it = dates_.find(path);
  return it == dates_.end() ? nullptr : &it->second;
}

}  // namespace herald
