// libgit2 glue: opening, resolving, reading trees and blobs, tags and diffs.
#include "git/repository.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <git2.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/file_io.h"
#include "core/thread_pool.h"

namespace {
std::atomic<int> ca_reads_refused{0};
}  // namespace

// herald reads only repositories on this machine, never over HTTPS. Debian's
// libgit2 (built with mbedTLS) nonetheless reads and parses every certificate
// of the system's CA bundle when it starts: several milliseconds of every
// herald command. This definition takes the place of mbedTLS's for libgit2
// (the executable's symbols come first), so the bundle is not read, and
// libgit2 carries on without CA certificates: any HTTPS connection it were
// ever asked to make would fail its certificate check, never pass it.
extern "C" int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt* /*chain*/, const char* /*path*/) {
  ca_reads_refused.fetch_add(1, std::memory_order_relaxed);
  return -0x2900;  // MBEDTLS_ERR_X509_FILE_IO_ERROR
}

namespace herald {
namespace {

// libgit2 must be initialised once per process before any call.
void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    git_error_clear();  // the refused CA bundle (above) is no error of herald's
    // libgit2 hashes every object it reads again to check it; git itself
    // leaves that to `git fsck`. On a large site it was a twentieth of a build.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
}

std::string oid_hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

Commit to_commit(git_commit* c) {
  Commit out;
  out.id = oid_hex(git_commit_id(c));
  const git_signature* who = git_commit_committer(c);
  out.time = static_cast<int64_t>(who->when.time);
  out.time_offset = who->when.offset * 60;
  const char* summary = git_commit_summary(c);
  out.summary = summary ? summary : "";
  return out;
}

template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() {
    if (p) Free(p);
  }
};

git_tree* tree_of(git_repository* repo, const std::string& commit_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return nullptr;
  Owned<git_commit, git_commit_free> commit;
  if (git_commit_lookup(&commit.p, repo, &oid) != 0) return nullptr;
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit.p) != 0) return nullptr;
  return tree;
}

int collect_entry(const char* root, const git_tree_entry* entry, void* payload) {
  auto* out = static_cast<std::vector<SourceFile>*>(payload);
  git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode == GIT_FILEMODE_TREE) return 0;
  SourceFile file;
  file.path = std::string(root) + git_tree_entry_name(entry);
  file.blob_id = oid_hex(git_tree_entry_id(entry));
  if (mode == GIT_FILEMODE_LINK) file.kind = SourceFile::Kind::symlink;
  else if (mode == GIT_FILEMODE_COMMIT) file.kind = SourceFile::Kind::submodule;
  out->push_back(std::move(file));
  return 0;
}

/// The files of a commit's tree, sorted by path, without their content.
std::vector<SourceFile> walk_tree(git_repository* repo, const std::string& commit_id) {
  std::vector<SourceFile> files;
  Owned<git_tree, git_tree_free> tree;
  tree.p = tree_of(repo, commit_id);
  if (!tree.p) return files;
  git_tree_walk(tree.p, GIT_TREEWALK_PRE, collect_entry, &files);
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

/// The git blob id of `content`, as `git hash-object` gives it.
std::string blob_id_of(const std::string& content) {
  git_oid oid;
  if (git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) return "";
  return oid_hex(&oid);
}

}  // namespace

std::string last_git_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

Repository::~Repository() {
  if (repo_) git_repository_free(repo_);
}

int libgit2_ca_reads_refused() { return ca_reads_refused.load(std::memory_order_relaxed); }

std::unique_ptr<Repository> Repository::open(const std::string& path, std::string* error) {
  ensure_libgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0) {
    if (error) *error = "'" + path + "' is not in a git repository";
    return nullptr;
  }
  return std::unique_ptr<Repository>(new Repository(repo));
}

std::unique_ptr<Repository> Repository::init(const std::string& path, const std::string& initial_branch,
                                             std::string* error) {
  ensure_libgit2();
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = initial_branch.c_str();
  git_repository* repo = nullptr;
  if (git_repository_init_ext(&repo, path.c_str(), &options) != 0) {
    if (error) *error = last_git_error();
    return nullptr;
  }
  return std::unique_ptr<Repository>(new Repository(repo));
}

std::string Repository::workdir() const {
  const char* dir = git_repository_workdir(repo_);
  return dir ? dir : "";
}

std::optional<Commit> Repository::resolve(const std::string& ref, std::string* error) const {
  Owned<git_object, git_object_free> object;
  if (git_revparse_single(&object.p, repo_, ref.c_str()) != 0) {
    if (error) {
      if (ref == "HEAD" && git_repository_head_unborn(repo_) == 1)
        *error = "the repository has no commits yet: commit the site before building it";
      else
        *error = "ref '" + ref + "' does not exist in the repository";
    }
    return std::nullopt;
  }
  Owned<git_object, git_object_free> peeled;
  if (git_object_peel(&peeled.p, object.p, GIT_OBJECT_COMMIT) != 0) {
    if (error) *error = "ref '" + ref + "' does not name a commit";
    return std::nullopt;
  }
  return to_commit(reinterpret_cast<git_commit*>(peeled.p));
}

std::vector<SourceFile> Repository::read_tree(const std::string& commit_id) const {
  std::vector<SourceFile> files = list_tree(commit_id);
  std::vector<SourceFile*> all;
  all.reserve(files.size());
  for (SourceFile& f : files) all.push_back(&f);
  read_contents(all);
  return files;
}

std::vector<SourceFile> Repository::list_tree(const std::string& commit_id) const {
  std::vector<SourceFile> files = walk_tree(repo_, commit_id);
  for (SourceFile& f : files) f.unread = f.kind == SourceFile::Kind::file;
  return files;
}

std::vector<std::string> Repository::uncommitted(const std::vector<std::string>& prefixes) const {
  std::vector<std::string> out;
  if (git_repository_is_bare(repo_)) return out;
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  Owned<git_status_list, git_status_list_free> list;
  if (git_status_list_new(&list.p, repo_, &options) != 0) return out;
  for (size_t i = 0, n = git_status_list_entrycount(list.p); i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.p, i);
    const git_diff_delta* delta = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (!delta || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED)) continue;
    const char* path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
    std::string_view p = path ? path : "";
    for (const std::string& prefix : prefixes)
      if (p.substr(0, prefix.size()) == prefix) {
        out.emplace_back(p);
        break;
      }
  }
  return out;
}

namespace {

std::optional<WorktreeMemo::Stamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return WorktreeMemo::Stamp{static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino),
                             static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool is_rule_file(std::string_view rel) {
  return rel == ".gitignore" || (rel.size() > 11 && rel.substr(rel.size() - 11) == "/.gitignore");
}

}  // namespace

std::vector<SourceFile> Repository::read_worktree(WorktreeMemo* memo) const {
  namespace fs = std::filesystem;
  std::string root = workdir();
  if (root.empty()) return {};
  const std::string exclude = std::string(git_repository_path(repo_)) + "info/exclude";
  // The last read's verdicts hold while every file the rules came from is as
  // it was; a .gitignore that was not there is found on the way, and the
  // tree is then read again asking git of every path.
  bool verdicts_hold = memo && !memo->rule_files.empty();
  if (verdicts_hold)
    for (const auto& [path, stamp] : memo->rule_files)
      if (stamp_of(path == ".git/info/exclude" ? exclude : root + path) != stamp) verdicts_hold = false;
  for (bool ask_git = !verdicts_hold;; ask_git = true) {
    WorktreeMemo next;
    next.rule_files.emplace(".git/info/exclude", stamp_of(exclude));
    std::vector<SourceFile> files;
    bool new_rules = false;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      // The path as listed, not as resolved: fs::relative would follow a
      // symbolic link and name what it points to (for `content/pages/x -> .`,
      // `content/pages`; for a link out of the repository, a path outside it).
      const std::string& listed = it->path().native();
      std::string rel = listed.compare(0, root.size(), root) == 0 ? listed.substr(root.size())
                                                                   : it->path().lexically_relative(root).generic_string();
      if (rel == ".git" || rel == ".herald-cache" || rel.rfind(".git/", 0) == 0) {
        it.disable_recursion_pending();
        continue;
      }
      bool link = it->is_symlink(ec);
      bool folder = !link && it->is_directory(ec);
      std::string check = folder ? rel + "/" : rel;
      if (!link && !folder && is_rule_file(rel)) {
        if (!ask_git && !memo->rule_files.contains(rel)) new_rules = true;
        next.rule_files.emplace(rel, stamp_of(it->path().string()));
      }
      bool ignored = false;
      auto known = ask_git ? next.ignored.end() : memo->ignored.find(check);
      if (!ask_git && known != memo->ignored.end()) {
        ignored = known->second;
      } else {
        int verdict = 0;
        ignored = git_ignore_path_is_ignored(&verdict, repo_, check.c_str()) == 0 && verdict;
      }
      if (memo) next.ignored.emplace(check, ignored);
      if (ignored) {
        if (folder) it.disable_recursion_pending();
        continue;
      }
      if (link) {
        files.push_back({rel, "", "", SourceFile::Kind::symlink});
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      struct stat st {};
      if (::stat(it->path().c_str(), &st) != 0) continue;
      WorktreeMemo::Entry stamp{static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino),
                                static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, {}};
      if (memo) {
        auto seen = memo->files.find(rel);
        if (seen != memo->files.end() && seen->second.size == stamp.size && seen->second.inode == stamp.inode &&
            seen->second.mtime_ns == stamp.mtime_ns) {
          files.push_back(seen->second.file);
          next.files.emplace(rel, std::move(seen->second));
          continue;
        }
      }
      SourceFile f;
      f.path = rel;
      if (!read_whole_file(it->path().string(), &f.content)) continue;
      f.blob_id = blob_id_of(f.content);
      if (memo) {
        stamp.file = f;
        next.files.emplace(rel, std::move(stamp));
      }
      files.push_back(std::move(f));
    }
    if (new_rules) {  // a new .gitignore: every verdict asked again (the files read kept)
      for (auto& [path, entry] : next.files) memo->files.insert_or_assign(path, std::move(entry));
      continue;
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    if (memo) *memo = std::move(next);
    return files;
  }
}

void Repository::read_contents(const std::vector<SourceFile*>& files) const {
  std::vector<SourceFile*> blobs;
  for (SourceFile* f : files)
    if (f->unread) blobs.push_back(f);
  // Blobs are read and inflated on every core, each thread with a handle of
  // its own: libgit2's objects are not to be used by two threads at once. A
  // thread that cannot open one leaves its share to this handle afterwards.
  size_t workers = std::min<size_t>(worker_count(), std::max<size_t>(1, blobs.size() / 256));
  auto read_share = [&](git_repository* repo, size_t w) {
    for (size_t k = w; k < blobs.size(); k += workers) {
      git_oid oid;
      Owned<git_blob, git_blob_free> blob;
      if (git_oid_fromstr(&oid, blobs[k]->blob_id.c_str()) == 0 && git_blob_lookup(&blob.p, repo, &oid) == 0)
        blobs[k]->content.assign(static_cast<const char*>(git_blob_rawcontent(blob.p)),
                                 static_cast<size_t>(git_blob_rawsize(blob.p)));
      blobs[k]->unread = false;
    }
  };
  std::vector<char> read(workers, 0);
  parallel_for(workers, [&](size_t w) {
    if (w == 0) {
      read_share(repo_, 0);
    } else {
      Owned<git_repository, git_repository_free> own;
      if (git_repository_open(&own.p, git_repository_path(repo_)) != 0) return;
      read_share(own.p, w);
    }
    read[w] = 1;
  });
  for (size_t w = 0; w < workers; ++w)
    if (!read[w]) read_share(repo_, w);
}

std::optional<std::string> Repository::read_blob(const std::string& blob_id) const {
  git_oid oid;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0) return std::nullopt;
  Owned<git_blob, git_blob_free> blob;
  if (git_blob_lookup(&blob.p, repo_, &oid) != 0) return std::nullopt;
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.p)),
                     static_cast<size_t>(git_blob_rawsize(blob.p)));
}

std::vector<Tag> Repository::tags_matching(const std::string& pattern) const {
  std::vector<Tag> tags;
  git_strarray names{};
  if (git_tag_list_match(&names, "*", repo_) != 0) return tags;
  for (size_t i = 0; i < names.count; ++i) {
    std::string name = names.strings[i];
    if (fnmatch(pattern.c_str(), name.c_str(), 0) != 0) continue;
    std::string error;
    auto commit = resolve("refs/tags/" + name, &error);
    if (!commit) continue;
    tags.push_back({name, *commit});
  }
  git_strarray_dispose(&names);
  std::sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) {
    return a.commit.time != b.commit.time ? a.commit.time < b.commit.time : a.name < b.name;
  });
  return tags;
}

std::vector<FileChange> Repository::diff(const std::string& from_commit,
                                         const std::string& to_commit,
                                         const std::string& prefix) const {
  std::vector<FileChange> changes;
  Owned<git_tree, git_tree_free> old_tree, new_tree;
  if (!from_commit.empty()) old_tree.p = tree_of(repo_, from_commit);
  new_tree.p = tree_of(repo_, to_commit);
  if (!new_tree.p) return changes;
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  std::string spec = prefix;
  char* spec_ptr = spec.data();
  if (!prefix.empty()) {
    options.pathspec.strings = &spec_ptr;
    options.pathspec.count = 1;
  }
  Owned<git_diff, git_diff_free> diff;
  if (git_diff_tree_to_tree(&diff.p, repo_, old_tree.p, new_tree.p, &options) != 0) return changes;
  git_diff_find_options find;
  git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
  find.flags = GIT_DIFF_FIND_RENAMES;
  // libgit2 pairs short unrelated files at 50% (a removed chapter and a new
  // one sharing front matter lines); 60% keeps real renames with edits.
  find.rename_threshold = 60;
  git_diff_find_similar(diff.p, &find);
  size_t n = git_diff_num_deltas(diff.p);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.p, i);
    FileChange c;
    switch (d->status) {
      case GIT_DELTA_ADDED: c.status = FileChange::Status::added; break;
      case GIT_DELTA_DELETED: c.status = FileChange::Status::deleted; break;
      case GIT_DELTA_RENAMED: c.status = FileChange::Status::renamed; break;
      default: c.status = FileChange::Status::modified; break;
    }
    c.old_path = d->old_file.path ? d->old_file.path : "";
    c.new_path = d->new_file.path ? d->new_file.path : "";
    c.old_blob_id = oid_hex(&d->old_file.id);
    c.new_blob_id = oid_hex(&d->new_file.id);
    c.similarity = d->similarity;
    changes.push_back(std::move(c));
  }
  return changes;
}

}  // namespace herald
