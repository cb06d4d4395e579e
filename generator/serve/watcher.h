// Watches a site's sources in the working tree with inotify, and reports a save once it has settled.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace herald {

/// Watches herald.yaml and .gitignore at the root of the working tree, and
/// content/, data/, static/ and themes/ with every folder below them;
/// folders made later (or those top folders themselves) are watched as they
/// appear. Editors' swap and backup files are not changes.
class Watcher {
 public:
  /// Starts watching the working tree at `root`. On failure returns null
  /// and sets `error`.
  static std::unique_ptr<Watcher> start(const std::string& root, std::string* error);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  enum class Wake { changed, stop };

  /// Blocks until a source changes, then until `quiet` passes with no
  /// further change (one save often makes several events), and returns
  /// `changed` with the changed paths (relative to the root, each once) in
  /// `paths`. Returns `stop` as soon as `stop_fd` is readable.
  Wake wait(int stop_fd, std::chrono::milliseconds quiet, std::vector<std::string>* paths);

  /// Folders being watched, for tests and --verbose.
  size_t watch_count() const { return folders_.size(); }

 private:
  Watcher(int fd, std::string root) : fd_(fd), root_(std::move(root)) {}
  /// Watches `rel` (a folder) and every folder below it.
  void watch_tree(const std::string& rel);
  /// Reads every pending event; appends what changed to `paths`.
  void drain(std::vector<std::string>& paths);

  int fd_;
  std::string root_;  ///< without a trailing '/'
  int root_wd_ = -1;
  std::map<int, std::string> folders_;  ///< watch descriptor -> folder relative to the root
  bool warned_limit_ = false;
};

}  // namespace herald
