#include "output/search_index.h"

#include <fcntl.h>
#include <spawn.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "core/install_layout.h"
#include "core/limits.h"

extern char** environ;

namespace herald {
namespace fs = std::filesystem;

namespace {

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::optional<std::string> on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && executable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  }
  return std::nullopt;
}

/// The native binary of the npm package (no Node.js start-up), else its launcher.
std::optional<std::string> in_node_modules(const fs::path& base) {
  std::error_code ec;
  fs::path scope = base / "node_modules" / "@pagefind";
  if (fs::is_directory(scope, ec)) {
    std::vector<fs::path> platforms;
    for (const auto& e : fs::directory_iterator(scope, ec)) platforms.push_back(e.path());
    std::sort(platforms.begin(), platforms.end());
    for (const auto& p : platforms) {
      for (const char* name : {"pagefind_extended", "pagefind"}) {
        if (executable(p / "bin" / name)) return (p / "bin" / name).string();
      }
    }
  }
  if (executable(base / "node_modules" / ".bin" / "pagefind")) {
    return (base / "node_modules" / ".bin" / "pagefind").string();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> find_pagefind(const std::string& repo_root, bool* disabled) {
  *disabled = false;
  if (const char* env = std::getenv("HERALD_PAGEFIND"); env && *env) {
    if (std::strcmp(env, "none") == 0) {
      *disabled = true;
      return std::nullopt;
    }
    if (executable(env)) return std::string(env);
    return std::nullopt;
  }
  // The one installed with herald (the Debian package's), then any on the PATH.
  std::string installed = installed_files_dir();
  if (!installed.empty() && executable(fs::path(installed) / "pagefind")) return installed + "/pagefind";
  if (auto p = on_path("pagefind")) return p;
  std::vector<fs::path> bases;
  if (!repo_root.empty()) bases.push_back(repo_root);
  if (std::string exe_dir = executable_dir(); !exe_dir.empty()) {
    bases.push_back(exe_dir);
    bases.push_back(fs::path(exe_dir).parent_path());
  }
  for (const auto& base : bases) {
    if (auto p = in_node_modules(base)) return p;
  }
  return std::nullopt;
}

int pagefind_time_limit() {
  const char* env = std::getenv("HERALD_PAGEFIND_TIMEOUT");
  if (!env || !*env) return kPagefindTimeLimit;
  char* end = nullptr;
  long seconds = std::strtol(env, &end, 10);
  return end && *end == '\0' && seconds > 0 && seconds <= 86400 ? static_cast<int>(seconds) : kPagefindTimeLimit;
}

namespace {

/// Waits for the child `pid` to end, for at most `seconds`; true with its
/// `status` when it did.
bool wait_for(pid_t pid, int seconds, int* status) {
  int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    pid_t done = ::waitpid(pid, status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      if (fd >= 0) ::close(fd);
      return false;
    }
    if (fd >= 0) {
      pollfd p{fd, POLLIN, 0};
      ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));  // readable when it ends
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(left.count(), 20)));
    }
  }
  if (fd >= 0) ::close(fd);
  return true;
}

}  // namespace

bool run_pagefind(const std::string& binary, const std::string& site_dir, int seconds, std::string* error) {
  // Its messages go to a log beside the site, read back only on failure.
  std::string log = site_dir + ".pagefind-log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // A process group of its own, so that whatever it starts is stopped with it.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<std::string> args = {binary, "--site", site_dir, "--silent"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, binary.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) {
    *error = fmt::format("cannot run '{}': {}", binary, std::strerror(rc));
    ::unlink(log.c_str());
    return false;
  }
  int status = 0;
  if (!wait_for(pid, seconds, &status)) {
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    *error = fmt::format(
        "'{}' did not finish within {} seconds and was stopped (a site this size may need longer: set "
        "HERALD_PAGEFIND_TIMEOUT to the seconds it may take)",
        binary, seconds);
    ::unlink(log.c_str());
    return false;
  }
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    std::ifstream in(log);
    std::string first;
    while (std::getline(in, first) && first.find_first_not_of(" \t\r") == std::string::npos) {
    }
    *error = fmt::format("'{}' failed{}{}", binary, first.empty() ? "" : ": ", first);
  }
  ::unlink(log.c_str());
  return ok;
}

}  // namespace herald
