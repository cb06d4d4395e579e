// Atomic replacement of the output folder.
#include "output/writer.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "core/file_io.h"
#include "core/thread_pool.h"
#include "output/output_folder.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

void remove_tree(const std::string& path);

/// Removes what is at `path` (a file or, from a spare site, a folder), so
/// that a new file can be made there.
void clear_way(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno == EISDIR) remove_tree(path);
}

int64_t mtime_ns(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool write_all(const std::string& path, const std::string& content, std::string* error,
               OutputRecord* written) {
  // Never written through: the file may be a hard link to the previous site's
  // (two sources writing one path, an error reported later), which must stay.
  // Nor is a file kept from the spare site: what is in the way goes first.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 && errno == EEXIST) {
    clear_way(path);
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  if (!write_fully(fd, content)) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    ::close(fd);
    return false;
  }
  struct stat st;
  if (written && ::fstat(fd, &st) == 0) {
    written->size = static_cast<uint64_t>(st.st_size);
    written->mtime_ns = mtime_ns(st);
    written->inode = static_cast<uint64_t>(st.st_ino);
  }
  if (::close(fd) != 0) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  return true;
}

int exchange_paths(const std::string& a, const std::string& b) {
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE));
}

/// Unlinks the files (and symbolic links) of the folder open as `fd`, and
/// returns the names of its subfolders.
std::vector<std::string> unlink_files(int fd) {
  std::vector<std::string> subfolders;
  int own = ::dup(fd);  // closedir closes what fdopendir was given
  DIR* dir = own >= 0 ? ::fdopendir(own) : nullptr;
  if (!dir) {
    if (own >= 0) ::close(own);
    return subfolders;
  }
  while (const dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    bool folder = e->d_type == DT_DIR;
    struct stat st;
    if (e->d_type == DT_UNKNOWN)
      folder = ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    if (folder) subfolders.emplace_back(name);
    else ::unlinkat(fd, e->d_name, 0);
  }
  ::closedir(dir);
  return subfolders;
}

/// Empties and removes the folder `name` of the folder open as `parent`.
void remove_at(int parent, const std::string& name) {
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    for (const std::string& sub : unlink_files(fd)) remove_at(fd, sub);
    ::close(fd);
  }
  ::unlinkat(parent, name.c_str(), AT_REMOVEDIR);
}

/// Removes a folder tree. The previous site of a large build is thousands of
/// page folders two levels down (briefings/x/), removed on every core, each
/// by names relative to an open folder rather than by whole paths.
void remove_tree(const std::string& path) {
  int root = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (root >= 0) {
    struct Folder {
      int parent;
      std::string name;
    };
    std::vector<std::pair<std::string, int>> tops;  // each top folder, open
    std::vector<Folder> pages;
    for (std::string& top : unlink_files(root)) {
      int fd = ::openat(root, top.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0)
        for (std::string& sub : unlink_files(fd)) pages.push_back({fd, std::move(sub)});
      tops.emplace_back(std::move(top), fd);
    }
    parallel_for(pages.size(), [&](size_t i) { remove_at(pages[i].parent, pages[i].name); });
    for (const auto& [name, fd] : tops) {
      if (fd >= 0) ::close(fd);
      remove_at(root, name);  // empty by now, unless it could not be opened
    }
    ::close(root);
  }
  std::error_code ec;
  fs::remove_all(path, ec);  // whatever is left (or a file of that name), and the folder itself
}

/// Lets the folder `path` be made, when a file of that name is in the way (a
/// spare site's file where this build has a folder).
bool make_folder(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) == 0) return true;
  if (errno != EEXIST) return false;
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
  return ::unlink(path.c_str()) == 0 && ::mkdir(path.c_str(), 0755) == 0;
}

/// Is the file at `path` (relative to the folder `dir`, when it is not
/// AT_FDCWD) the very file `written` records?
bool same_file(const std::string& path, const OutputRecord& written, int dir = AT_FDCWD) {
  struct stat st;
  return ::fstatat(dir, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
         static_cast<uint64_t>(st.st_size) == written.size && mtime_ns(st) == written.mtime_ns &&
         static_cast<uint64_t>(st.st_ino) == written.inode;
}

}  // namespace

StagedSite::~StagedSite() { abandon(); }

void StagedSite::abandon() {
  if (!tmp_.empty()) remove_tree(tmp_);
  tmp_.clear();
  if (tmp_fd_ >= 0) ::close(tmp_fd_);
  tmp_fd_ = -1;
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
}

bool StagedSite::open(const std::string& out_dir_in, std::string* error, SpareSite spare, std::string lock_path) {
  out_dir_ = out_dir_in;
  while (out_dir_.size() > 1 && out_dir_.back() == '/') out_dir_.pop_back();
  fs::path out(out_dir_);
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    *error = fmt::format("cannot create '{}': {}", parent.string(), ec.message());
    return false;
  }
  std::string base = out.filename().string();
  if (lock_path.empty()) lock_path = (parent / ("." + base + ".herald-lock")).string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    *error = fmt::format("cannot write to '{}': {}", parent.string(), std::strerror(errno));
    return false;
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    *error = fmt::format("another herald build is writing '{}': try again when it has finished", out_dir_);
    abandon();
    return false;
  }
  std::string tmp = (parent / ("." + base + ".herald-tmp")).string();
  spare_ = spare.path;
  remove_tree(tmp);  // left over from a killed build
  struct stat st;
  if (!spare_.empty() && ::lstat(spare_.c_str(), &st) == 0) {
    // Renamed, not copied: a spare on another file system is not used.
    if (spare.start_from && S_ISDIR(st.st_mode) && ::rename(spare_.c_str(), tmp.c_str()) == 0) {
      from_spare_ = true;
      tmp_ = tmp;
      // Each kept file is looked up from here: thousands of lookups, each
      // spared walking the folders above.
      tmp_fd_ = ::open(tmp.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
      return true;
    }
    remove_tree(spare_);  // not known to be anything this build can use
  }
  if (!fs::create_directory(tmp, ec) || ec) {
    *error = fmt::format("cannot create '{}': {}", tmp, ec ? ec.message() : "it already exists");
    abandon();
    return false;
  }
  tmp_ = tmp;
  return true;
}

bool StagedSite::make_parents(const std::string& path, std::string* error) {
  std::vector<std::string> missing;
  {
    std::lock_guard lock(dirs_mutex_);
    for (size_t slash = path.rfind('/'); slash != std::string::npos && slash > 0;
         slash = path.rfind('/', slash - 1)) {
      std::string dir = path.substr(0, slash);
      if (dirs_.count(dir)) break;
      missing.push_back(std::move(dir));
    }
  }
  // Made outside the lock (thousands of page folders, from every thread): two
  // threads making the same folder both succeed, and a folder is recorded
  // only once it exists.
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    std::string folder = tmp_ + "/" + *it;
    if (from_spare_ ? !make_folder(folder) : ::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
      *error = fmt::format("cannot create '{}/{}': {}", tmp_, *it, std::strerror(errno));
      return false;
    }
  }
  if (!missing.empty()) {
    std::lock_guard lock(dirs_mutex_);
    for (std::string& dir : missing) dirs_.insert(std::move(dir));
  }
  return true;
}

bool StagedSite::write(const std::string& path, const std::string& content, std::string* error,
                       OutputRecord* written) {
  return make_parents(path, error) && write_all(tmp_ + "/" + path, content, error, written);
}

bool StagedSite::keep(const std::string& path, const OutputRecord& written) {
  if (!from_spare_) return false;
  return tmp_fd_ >= 0 ? same_file(path, written, tmp_fd_) : same_file(tmp_ + "/" + path, written);
}

bool StagedSite::link_previous(const std::string& path, const OutputRecord& written) {
  std::string previous = out_dir_ + "/" + path;
  if (!same_file(previous, written)) return false;
  std::string ignored, staged = tmp_ + "/" + path;
  if (!make_parents(path, &ignored)) return false;
  if (::link(previous.c_str(), staged.c_str()) == 0) return true;
  // The spare's older copy is in the way.
  if (errno != EEXIST || !from_spare_) return false;
  clear_way(staged);
  return ::link(previous.c_str(), staged.c_str()) == 0;
}

void StagedSite::remove_others(const std::vector<std::string_view>& spare_paths, const std::vector<OutputFile>& files) {
  if (!from_spare_) return;
  auto in_build = [&](std::string_view path) {
    auto it = std::lower_bound(files.begin(), files.end(), path,
                               [](const OutputFile& f, std::string_view p) { return f.path < p; });
    return it != files.end() && it->path == path;
  };
  std::vector<std::string_view> gone;
  for (std::string_view path : spare_paths)
    if (!in_build(path) && is_safe_output_path(path)) gone.push_back(path);
  // A folder this build wrote into has that name now: unlink leaves it.
  parallel_for(gone.size(), [&](size_t i) { ::unlink(fmt::format("{}/{}", tmp_, gone[i]).c_str()); });
  for (std::string_view path : gone) {
    for (size_t slash = path.rfind('/'); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1)) {
      if (::rmdir(fmt::format("{}/{}", tmp_, path.substr(0, slash)).c_str()) != 0) break;  // not empty: in use
    }
  }
  // The files are sorted: a top folder's files mostly come together.
  std::set<std::string, std::less<>> tops;
  std::string_view previous;
  for (const OutputFile& f : files) {
    std::string_view top = std::string_view(f.path).substr(0, f.path.find('/'));
    if (tops.empty() || top != previous) tops.emplace(top);
    previous = top;
  }
  std::vector<std::string> others;
  if (DIR* dir = ::opendir(tmp_.c_str())) {
    while (const dirent* e = ::readdir(dir)) {
      std::string_view name = e->d_name;
      if (name != "." && name != ".." && !tops.count(name)) others.emplace_back(name);
    }
    ::closedir(dir);
  }
  for (const std::string& name : others) remove_tree(tmp_ + "/" + name);
}

bool StagedSite::publish(const BeforePublish& before_publish, std::string* error) {
  // The mark of a folder herald wrote: the only kind of folder with files in
  // it that a later build will replace (output_folder.h).
  if (!write_all(tmp_ + "/" + kSiteMarker,
                 "This folder is a site published by herald. Each build replaces it whole:\n"
                 "keep no files of your own in it.\n",
                 error, nullptr)) {
    abandon();
    return false;
  }
  if (before_publish && !before_publish(tmp_, error)) {
    abandon();
    return false;
  }
  std::error_code ec;
  fs::path out(out_dir_);
  bool existed = fs::exists(out, ec);
  if (existed && !fs::is_directory(out, ec)) {
    *error = fmt::format("'{}' exists and is not a folder", out_dir_);
    abandon();
    return false;
  }
  if (existed ? exchange_paths(tmp_, out_dir_) != 0 : ::rename(tmp_.c_str(), out_dir_.c_str()) != 0) {
    *error = fmt::format("cannot replace '{}': {}", out_dir_, std::strerror(errno));
    abandon();
    return false;
  }
  // The previous site is now at the temporary name: it becomes the spare, or goes.
  if (!existed) tmp_.clear();  // nothing is left at the temporary name
  else if (!spare_.empty() && ::rename(tmp_.c_str(), spare_.c_str()) == 0) {
    kept_spare_ = true;
    tmp_.clear();
  }
  abandon();
  return true;
}

bool write_site(const std::string& out_dir, const std::vector<OutputFile>& files, std::string* error,
                const BeforePublish& before_publish) {
  StagedSite staged;
  if (!staged.open(out_dir, error)) return false;
  std::mutex failure_mutex;
  std::string failure;
  parallel_for(files.size(), [&](size_t i) {
    std::string e;
    if (!staged.write(files[i].path, files[i].content, &e)) {
      std::lock_guard lock(failure_mutex);
      if (failure.empty()) failure = e;
    }
  });
  if (!failure.empty()) {
    *error = failure;
    return false;
  }
  return staged.publish(before_publish, error);
}

}  // namespace herald
