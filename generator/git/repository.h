// A site repository read through libgit2: refs, trees, blobs, tags and diffs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct git_repository;

namespace herald {

/// One file of the tree at a ref.
struct SourceFile {
  std::string path;     ///< repository-relative, '/' separated
  std::string content;  ///< the blob's bytes
  std::string blob_id;  ///< hex object id (a content hash: the cache key of the file)
  enum class Kind { file, symlink, submodule } kind = Kind::file;
  bool unread = false;  ///< listed only: `content` is not read yet (Repository::read_contents)
};

struct Commit {
  std::string id;
  int64_t time = 0;         ///< committer time, UTC seconds
  int time_offset = 0;      ///< committer's offset from UTC, seconds
  std::string summary;      ///< first line of the message
};

struct Tag {
  std::string name;
  Commit commit;  ///< the commit the tag points at (annotated tags are peeled)
};

/// A change to one file between two trees.
struct FileChange {
  enum class Status { added, modified, deleted, renamed } status = Status::modified;
  std::string old_path, new_path;
  std::string old_blob_id, new_blob_id;
  int similarity = 0;  ///< for renames, 0-100
};

/// What the last read of a working tree found, by path: each file's stamp
/// (size, modification time, inode) and what was read; and git's verdict on
/// each path, while the files its ignore rules come from are unchanged.
struct WorktreeMemo {
  struct Stamp {
    uint64_t size = 0, inode = 0;
    int64_t mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  struct Entry {
    uint64_t size = 0, inode = 0;
    int64_t mtime_ns = 0;
    SourceFile file;
  };
  std::unordered_map<std::string, Entry> files;
  /// Whether git ignores each path met (a folder's with its '/').
  std::unordered_map<std::string, bool> ignored;
  /// The files the ignore rules came from (every .gitignore met and
  /// .git/info/exclude), with their stamps (none: the file was absent).
  std::unordered_map<std::string, std::optional<Stamp>> rule_files;
};

class Repository {
 public:
  ~Repository();
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  /// Opens the repository containing `path` (bare or not). On failure returns
  /// null and sets `error`.
  static std::unique_ptr<Repository> open(const std::string& path, std::string* error);

  /// Makes a new, empty repository with a working tree at `path` (creating
  /// the folder), its first branch named `initial_branch`, as `git init -b`
  /// does. On failure returns null and sets `error`.
  static std::unique_ptr<Repository> init(const std::string& path, const std::string& initial_branch,
                                          std::string* error);

  /// The working directory, with a trailing '/', or empty for a bare repository.
  std::string workdir() const;

  /// Resolves a ref, branch, tag or commit id to a commit.
  std::optional<Commit> resolve(const std::string& ref, std::string* error) const;

  /// Every file in the tree of `commit_id` (recursively), in path order.
  /// Symlinks and submodules are listed with their kind and no content.
  std::vector<SourceFile> read_tree(const std::string& commit_id) const;

  /// Only the paths and blob ids of the tree: each file is `unread`.
  std::vector<SourceFile> list_tree(const std::string& commit_id) const;

  /// Every file of the working tree (for the preview), in path order, each
  /// with its bytes and the blob id git would give them; what git ignores,
  /// `.git/` and `.herald-cache/` are left out. A symbolic link, to a file
  /// or to a folder, is listed at its own path with no content and never
  /// followed. Empty for a bare repository. With `memo`, a file whose size,
  /// modification time and inode are as the last read found them is taken
  /// from it, not read and hashed again (the preview reads the tree on
  /// every save); the memo is then of this read.
  std::vector<SourceFile> read_worktree(WorktreeMemo* memo = nullptr) const;

  /// The files of the working tree whose content is not as committed at
  /// HEAD (changed, added, deleted or not yet tracked; not those git
  /// ignores), among those whose path starts with one of `prefixes`.
  std::vector<std::string> uncommitted(const std::vector<std::string>& prefixes) const;

  /// Reads the bytes of the `unread` files among `files`, on every core.
  void read_contents(const std::vector<SourceFile*>& files) const;

  std::optional<std::string> read_blob(const std::string& blob_id) const;

  /// Tags whose name matches the shell glob `pattern`, oldest commit first
  /// (ties by name).
  std::vector<Tag> tags_matching(const std::string& pattern) const;

  /// Changes between two commits' trees below `prefix`, with renames found
  /// by libgit2's similarity detection. An empty `from_commit` means the
  /// empty tree.
  std::vector<FileChange> diff(const std::string& from_commit, const std::string& to_commit,
                               const std::string& prefix) const;

  git_repository* raw() const { return repo_; }

 private:
  explicit Repository(git_repository* repo) : repo_(repo) {}
  git_repository* repo_;
};

/// How many times libgit2 asked to read a file of CA certificates and was
/// refused (see repository.cc): once, when it starts, as Debian builds it.
int libgit2_ca_reads_refused();

/// The last libgit2 error as text.
std::string last_git_error();

}  // namespace herald
