// Test helper: `herald serve` as a child process, and the HTTP requests the serve tests send it.
#pragma once

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/site_builder.h"

extern char** environ;

namespace herald::test {

using Clock = std::chrono::steady_clock;

/// How long any one thing may take before the test fails instead of hanging.
constexpr auto kDeadline = std::chrono::seconds(20);

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Polls `ready` until it holds or `limit` passes; returns whether it held.
inline bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds limit = kDeadline) {
  auto end = Clock::now() + limit;
  for (;;) {
    if (ready()) return true;
    if (Clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

inline std::string temp_file(const char* what) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/herald-serve-" + what + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  return buf.data();
}

/// `herald serve --repo DIR --port 0 ARGS…` as a child process, its output in
/// temporary files. Killed, if still running, when the object dies.
class ServeProcess {
 public:
  ServeProcess(const std::string& repo, std::vector<std::string> extra = {})
      : out_path_(temp_file("out")), err_path_(temp_file("err")) {
    std::vector<std::string> args{HERALD_BINARY, "serve", "--repo", repo, "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err_path_.c_str(), O_WRONLY | O_TRUNC, 0);
    // The child starts with no signal blocked, whatever this thread has.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    int rc = posix_spawn(&pid_, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
  }

  ~ServeProcess() {
    if (!exited_) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    unlink(out_path_.c_str());
    unlink(err_path_.c_str());
  }

  std::string out() const { return slurp(out_path_); }
  std::string err() const { return slurp(err_path_); }

  /// The port from "herald: previewing … at http://127.0.0.1:PORT/ (Ctrl+C to stop)",
  /// or 0 when the line does not come in time or the process ends first.
  int wait_for_port() {
    static const std::regex line(
        R"(^herald: previewing (.+) at http://127\.0\.0\.1:([0-9]+)/ \(Ctrl\+C to stop\)\n$)");
    int port = 0;
    wait_until([&] {
      std::smatch m;
      std::string text = out();
      if (std::regex_match(text, m, line)) {
        port = std::stoi(m[2]);
        return true;
      }
      return wait_exit(std::chrono::milliseconds(0)).has_value();
    });
    return port;
  }

  bool signal(int sig) const { return kill(pid_, sig) == 0; }

  /// The wait status once the process has ended, waiting `limit` at most.
  std::optional<int> wait_exit(std::chrono::milliseconds limit) {
    if (exited_) return status_;
    wait_until(
        [&] {
          pid_t r = waitpid(pid_, &status_, WNOHANG);
          if (r == pid_) exited_ = true;
          return exited_;
        },
        limit);
    if (!exited_) return std::nullopt;
    return status_;
  }

 private:
  std::string out_path_, err_path_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int status_ = 0;
};

inline httplib::Client client(int port) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5, 0);
  c.set_read_timeout(20, 0);
  c.set_write_timeout(5, 0);
  // Paths are sent exactly as written, so that traversal attempts reach the server.
  c.set_url_encode(false);
  return c;
}

struct Reply {
  int status = 0;  ///< 0: no answer
  std::string body;
  std::string type;
  std::string location;
  std::string cache;
};

inline Reply get(int port, const std::string& path) {
  auto c = client(port);
  auto res = c.Get(path.c_str());
  Reply r;
  if (!res) return r;
  r.status = res->status;
  r.body = res->body;
  r.type = res->get_header_value("Content-Type");
  r.location = res->get_header_value("Location");
  r.cache = res->get_header_value("Cache-Control");
  return r;
}

/// The generation and "ok" of /__herald/status.
struct Status {
  long long generation = -1;
  bool ok = false;
  std::string json;
};

inline Status status(int port) {
  Status s;
  s.json = get(port, "/__herald/status").body;
  std::smatch m;
  if (std::regex_search(s.json, m, std::regex(R"("generation": ([0-9]+))"))) s.generation = std::stoll(m[1]);
  s.ok = contains(s.json, "\"ok\": true");
  return s;
}

/// Reads /__herald/events on its own thread, keeping everything it receives.
class EventStream {
 public:
  EventStream(int port, uint64_t since) {
    thread_ = std::thread([this, port, since] {
      auto c = client(port);
      c.Get(("/__herald/events?since=" + std::to_string(since)).c_str(),
            [this](const httplib::Response& res) {
              status_ = res.status;
              return true;
            },
            [this](const char* data, size_t size) {
              std::lock_guard lock(mutex_);
              text_.append(data, size);
              return !quit_;
            });
      ended_ = true;
    });
  }
  ~EventStream() {
    quit_ = true;
    thread_.join();
  }
  std::string text() const {
    std::lock_guard lock(mutex_);
    return text_;
  }
  bool ended() const { return ended_; }
  /// The response's status, 0 until its headers have come.
  int status() const { return status_; }

 private:
  mutable std::mutex mutex_;
  std::string text_;
  std::atomic<bool> quit_{false};
  std::atomic<bool> ended_{false};
  std::atomic<int> status_{0};
  std::thread thread_;
};

}  // namespace herald::test
