// Atomic replacement of the output folder.
#include "output/writer.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "core/thread_pool.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

bool write_all(const std::string& path, const std::string& content, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  return true;
}

int exchange(const std::string& a, const std::string& b) {
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE));
}

}  // namespace

bool write_site(const std::string& out_dir_in, const std::vector<OutputFile>& files, std::string* error,
                const std::function<void(const std::string& dir)>& before_publish) {
  std::string out_dir = out_dir_in;
  while (out_dir.size() > 1 && out_dir.back() == '/') out_dir.pop_back();
  fs::path out(out_dir);
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    *error = fmt::format("cannot create '{}': {}", parent.string(), ec.message());
    return false;
  }
  std::string base = out.filename().string();
  std::string lock_path = (parent / ("." + base + ".herald-lock")).string();
  int lock_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd < 0) {
    *error = fmt::format("cannot write to '{}': {}", parent.string(), std::strerror(errno));
    return false;
  }
  if (::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    *error = fmt::format("another herald build is writing '{}': try again when it has finished", out_dir);
    ::close(lock_fd);
    return false;
  }
  auto unlock = [&] { ::close(lock_fd); };

  std::string tmp = (parent / ("." + base + ".herald-tmp")).string();
  fs::remove_all(tmp, ec);  // left over from a killed build
  if (!fs::create_directory(tmp, ec) || ec) {
    *error = fmt::format("cannot create '{}': {}", tmp, ec ? ec.message() : "it already exists");
    unlock();
    return false;
  }
  // Directories first, in order, then the files in parallel.
  std::set<std::string> dirs;
  for (const auto& f : files) {
    size_t slash = f.path.rfind('/');
    while (slash != std::string::npos && slash > 0) {
      if (!dirs.insert(f.path.substr(0, slash)).second) break;
      slash = f.path.rfind('/', slash - 1);
    }
  }
  for (const auto& d : dirs) {
    if (::mkdir((tmp + "/" + d).c_str(), 0755) != 0 && errno != EEXIST) {
      *error = fmt::format("cannot create '{}/{}': {}", tmp, d, std::strerror(errno));
      fs::remove_all(tmp, ec);
      unlock();
      return false;
    }
  }
  std::mutex failure_mutex;
  std::string failure;
  parallel_for(files.size(), [&](size_t i) {
    std::string e;
    if (!write_all(tmp + "/" + files[i].path, files[i].content, &e)) {
      std::lock_guard lock(failure_mutex);
      if (failure.empty()) failure = e;
    }
  });
  if (!failure.empty()) {
    *error = failure;
    fs::remove_all(tmp, ec);
    unlock();
    return false;
  }
  if (before_publish) before_publish(tmp);
  bool existed = fs::exists(out, ec);
  if (existed && !fs::is_directory(out, ec)) {
    *error = fmt::format("'{}' exists and is not a folder", out_dir);
    fs::remove_all(tmp, ec);
    unlock();
    return false;
  }
  if (existed ? exchange(tmp, out_dir) != 0 : ::rename(tmp.c_str(), out_dir.c_str()) != 0) {
    *error = fmt::format("cannot replace '{}': {}", out_dir, std::strerror(errno));
    fs::remove_all(tmp, ec);
    unlock();
    return false;
  }
  if (existed) fs::remove_all(tmp, ec);  // the previous site, now at the temporary name
  unlock();
  return true;
}

}  // namespace herald
