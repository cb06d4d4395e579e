// inotify watches over the site's source folders, with new folders added as they appear.
#include "serve/watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/text.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

/// The folders whose every file is a source of the site.
constexpr std::array<const char*, 4> kTrees = {"content", "data", "static", "themes"};
/// The files at the root that are.
constexpr std::array<const char*, 2> kRootFiles = {"herald.yaml", ".gitignore"};

constexpr uint32_t kChanges =
    IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB;

bool is_tree(std::string_view name) {
  return std::find(kTrees.begin(), kTrees.end(), name) != kTrees.end();
}

bool is_root_file(std::string_view name) {
  return std::find(kRootFiles.begin(), kRootFiles.end(), name) != kRootFiles.end();
}

/// Swap, backup and lock files editors write beside the file being edited.
bool is_editor_scratch(std::string_view name) {
  return ends_with(name, "~") || ends_with(name, ".swp") || ends_with(name, ".swx") ||
         ends_with(name, ".swo") || starts_with(name, ".#") || name == "4913" ||
         starts_with(name, ".goutputstream-");
}

}  // namespace

std::unique_ptr<Watcher> Watcher::start(const std::string& root, std::string* error) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot watch the working tree for changes: ") + std::strerror(errno);
    return nullptr;
  }
  std::string base = root;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  std::unique_ptr<Watcher> w(new Watcher(fd, base));
  w->root_wd_ = inotify_add_watch(fd, base.c_str(), kChanges | IN_ONLYDIR);
  if (w->root_wd_ < 0) {
    *error = "cannot watch " + base + ": " + std::strerror(errno);
    return nullptr;
  }
  for (const char* tree : kTrees) w->watch_tree(tree);
  return w;
}

Watcher::~Watcher() { close(fd_); }

void Watcher::watch_tree(const std::string& rel) {
  std::error_code ec;
  fs::path top = fs::path(root_) / rel;
  if (!fs::is_directory(fs::symlink_status(top, ec))) return;
  std::vector<std::string> pending{rel};
  while (!pending.empty()) {
    std::string folder = std::move(pending.back());
    pending.pop_back();
    std::string full = root_ + "/" + folder;
    int wd = inotify_add_watch(fd_, full.c_str(),
                               kChanges | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd < 0) {
      if (errno == ENOSPC && !warned_limit_) {
        warned_limit_ = true;
        std::fprintf(stderr,
                     "warning: too many folders to watch (fs.inotify.max_user_watches): some changes "
                     "will not rebuild the preview\n");
      }
      continue;
    }
    folders_[wd] = folder;
    // Symbolic links to folders are not followed: the build does not either.
    for (auto it = fs::directory_iterator(full, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->is_directory(ec) && !it->is_symlink(ec))
        pending.push_back(folder + "/" + it->path().filename().string());
  }
}

void Watcher::drain(std::vector<std::string>& paths) {
  alignas(inotify_event) char buffer[64 * 1024];
  auto note = [&](std::string path) {
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(std::move(path));
  };
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return;  // EAGAIN: nothing more for now
    for (char* p = buffer; p < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      std::string name = event->len ? std::string(event->name) : std::string();
      if (event->mask & IN_Q_OVERFLOW) {
        // Events were lost: look for new folders again and rebuild anyway.
        for (const char* tree : kTrees) watch_tree(tree);
        note(".");
        continue;
      }
      if (event->mask & IN_IGNORED) {
        folders_.erase(event->wd);
        continue;
      }
      bool new_folder = (event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO));
      if (event->wd == root_wd_) {
        if (is_root_file(name)) {
          note(name);
        } else if (is_tree(name)) {
          if (new_folder) watch_tree(name);
          note(name + "/");
        }
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      if (name.empty()) {
        if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) note(folder->second + "/");
        continue;
      }
      if (is_editor_scratch(name)) continue;
      std::string path = folder->second + "/" + name;
      if (new_folder) watch_tree(path);
      note(path);
    }
  }
}

Watcher::Wake Watcher::wait(int stop_fd, std::chrono::milliseconds quiet, std::vector<std::string>* paths) {
  paths->clear();
  std::array<pollfd, 2> fds{{{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}}};
  for (;;) {
    // Block until the first change; then only for `quiet` at a time.
    int timeout = paths->empty() ? -1 : static_cast<int>(quiet.count());
    fds[0].revents = fds[1].revents = 0;
    int ready = poll(fds.data(), fds.size(), timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return Wake::stop;
    }
    if (fds[1].revents) return Wake::stop;
    if (ready == 0) return Wake::changed;  // quiet for long enough
    if (fds[0].revents) drain(*paths);
  }
}

}  // namespace herald
