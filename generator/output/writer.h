// Write stage: the only code that touches the output folder.
#pragma once

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "output/output_memo.h"
#include "output/output_set.h"

namespace herald {

/// Work on the complete site before it is published (the search index is
/// made there): false, with `error` set, stops the publication.
using BeforePublish = std::function<bool(const std::string& dir, std::string* error)>;

/// A build's output on its way to the output folder: a locked temporary folder
/// beside it, filled file by file as pages are rendered (so the rendered site
/// need not be held in memory), then swapped into place whole by publish().
/// Destroyed unpublished, it removes the temporary folder: the previous site
/// stays exactly as it was.
///
/// publish() can keep the site it replaces as a spare, in the build cache.
/// The next build starts from the spare instead of an empty folder: a file
/// that is still right is kept, a changed one is written over, and the rest
/// are removed, so a rebuild after a small change touches a few files rather
/// than making and then removing the whole tree.
/// Where the site that publish() replaces is kept (empty: nowhere), and
/// whether open() starts from the one kept there by the build before.
struct SpareSite {
  std::string path;
  bool start_from = false;
};

class StagedSite {
 public:
  StagedSite() = default;
  StagedSite(const StagedSite&) = delete;
  StagedSite& operator=(const StagedSite&) = delete;
  ~StagedSite();

  /// Takes the lock and makes the temporary folder: empty, or the spare as it
  /// is (when asked to and there is one, on the output folder's file system).
  /// A spare not started from is removed. The lock is the file `lock` (a
  /// file of the build cache), or one beside the output folder. False and
  /// `error` when another build holds the lock or the place cannot be written.
  bool open(const std::string& out_dir, std::string* error, SpareSite spare = {}, std::string lock = "");
  /// Writes one file, making its folders (over what is there, when starting
  /// from the spare). Safe from many threads. With `written`, gives the
  /// file's size, modification time and inode.
  bool write(const std::string& path, const std::string& content, std::string* error,
             OutputRecord* written = nullptr);
  /// Keeps the spare's `path` as it is, when it is still the regular file a
  /// build wrote, as `written` describes it. False (and nothing done)
  /// otherwise, and always when not started from the spare.
  bool keep(const std::string& path, const OutputRecord& written);
  /// Puts the previous site's `path` into the new one as a hard link, when it
  /// is still the regular file a build wrote, as `written` describes it.
  /// False (and nothing done) otherwise: the caller writes it instead.
  bool link_previous(const std::string& path, const OutputRecord& written);
  /// Started from the spare: removes its files `spare_paths` that are not
  /// among this build's `files` (sorted by path), the folders they leave
  /// empty, and anything at the top of the folder that no file of this build
  /// is in (the previous search index, say).
  void remove_others(const std::vector<std::string_view>& spare_paths, const std::vector<OutputFile>& files);
  /// Runs `before_publish` on the complete temporary folder (the search index
  /// is made there), then swaps it into place. The site it replaced becomes
  /// the spare, when open() was given where; else it is removed.
  bool publish(const BeforePublish& before_publish, std::string* error);
  /// After publish(): is the replaced site kept as the spare?
  bool kept_spare() const { return kept_spare_; }
  /// Removes the temporary folder and lets go of the lock.
  void abandon();

 private:
  bool make_parents(const std::string& path, std::string* error);

  std::string out_dir_, tmp_, spare_;
  int lock_fd_ = -1;
  int tmp_fd_ = -1;  ///< the temporary folder, when it is the spare
  bool from_spare_ = false, kept_spare_ = false;
  std::mutex dirs_mutex_;
  std::set<std::string> dirs_;
};

/// Writes `files` into a sibling temporary folder of `out_dir`, then swaps it
/// into place atomically (renameat2 RENAME_EXCHANGE), so a failed or killed
/// build leaves the previous site complete. A lock file stops two builds
/// writing the same folder at once. `before_publish`, when given, runs on the
/// complete temporary folder just before the swap (the search index is made
/// there). Returns false and sets `error` on failure.
bool write_site(const std::string& out_dir, const std::vector<OutputFile>& files, std::string* error,
                const BeforePublish& before_publish = {});

}  // namespace herald
