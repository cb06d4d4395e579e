// Tests for serve/watcher: saves in a real temporary working tree are noticed, other files are not.
#include <doctest/doctest.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "serve/watcher.h"
#include "support/site_builder.h"

using namespace herald;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// A temporary folder laid out as a site's working tree.
class Tree {
 public:
  Tree() : dir_(herald::test::make_temp_dir("herald-watch-")) {}
  ~Tree() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& dir() const { return dir_; }
  void write(const std::string& rel, const std::string& text) {
    fs::path p = fs::path(dir_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  void mkdir(const std::string& rel) { fs::create_directories(fs::path(dir_) / rel); }
  void remove(const std::string& rel) { fs::remove_all(fs::path(dir_) / rel); }
  void rename(const std::string& from, const std::string& to) {
    fs::rename(fs::path(dir_) / from, fs::path(dir_) / to);
  }

 private:
  std::string dir_;
};

/// A file descriptor that becomes readable after `after`: the deadline of a wait.
class Deadline {
 public:
  explicit Deadline(std::chrono::milliseconds after) {
    fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error("timerfd_create failed");
    itimerspec spec{};
    spec.it_value.tv_sec = after.count() / 1000;
    spec.it_value.tv_nsec = (after.count() % 1000) * 1000000;
    timerfd_settime(fd_, 0, &spec, nullptr);
  }
  ~Deadline() { close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_;
};

struct Woken {
  Watcher::Wake wake;
  std::vector<std::string> paths;
};

/// Waits for the next settled change, for 10 s at most.
Woken next_change(Watcher& watcher, std::chrono::milliseconds limit = 10s) {
  Deadline deadline(limit);
  Woken w;
  // Longer than the server's settling time, so that a busy machine does not
  // split one step of a test into two changes.
  w.wake = watcher.wait(deadline.fd(), 250ms, &w.paths);
  std::sort(w.paths.begin(), w.paths.end());
  return w;
}

/// A site's folders and files, already there when the watch starts.
void lay_out_site(Tree& tree) {
  tree.write("herald.yaml", "title: Testshire\n");
  tree.write(".gitignore", "/public/\n");
  tree.write("README.md", "# the site\n");
  tree.write("content/_index.md", "---\ntitle: Welcome\n---\n");
  tree.write("content/pages/about.md", "---\ntitle: About\n---\n");
  tree.write("content/procedures/children/_index.md", "---\ntitle: Children\n---\n");
  tree.write("data/contacts.yaml", "[]\n");
  tree.write("themes/mine/templates/layout.mustache", "{{{content}}}\n");
  tree.write(".git/HEAD", "ref: refs/heads/main\n");
  tree.write("public/index.html", "<p>published</p>\n");
  tree.write("node_modules/x/index.js", "\n");
}

std::unique_ptr<Watcher> start(const Tree& tree) {
  std::string error;
  auto watcher = Watcher::start(tree.dir(), &error);
  INFO(error);
  REQUIRE(watcher != nullptr);
  CHECK(error.empty());
  return watcher;
}

}  // namespace

TEST_CASE("the source folders and every folder below them are watched, nothing else") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  // content, content/pages, content/procedures, content/procedures/children,
  // data, themes, themes/mine, themes/mine/templates (no static/ yet).
  CHECK(watcher->watch_count() == 8);
}

TEST_CASE("saving, creating and removing a content file are changes") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);

  tree.write("content/pages/about.md", "---\ntitle: About us\n---\n");
  auto saved = next_change(*watcher);
  CHECK(saved.wake == Watcher::Wake::changed);
  CHECK(saved.paths == std::vector<std::string>{"content/pages/about.md"});

  tree.write("content/pages/contact.md", "---\ntitle: Contact\n---\n");
  auto created = next_change(*watcher);
  CHECK(created.wake == Watcher::Wake::changed);
  CHECK(created.paths == std::vector<std::string>{"content/pages/contact.md"});

  tree.remove("content/pages/contact.md");
  auto removed = next_change(*watcher);
  CHECK(removed.wake == Watcher::Wake::changed);
  CHECK(removed.paths == std::vector<std::string>{"content/pages/contact.md"});

  // An editor saving through a temporary file and a rename: both names, once each.
  tree.write("content/pages/about.md.tmp", "---\ntitle: About\n---\n");
  tree.rename("content/pages/about.md.tmp", "content/pages/about.md");
  auto renamed = next_change(*watcher);
  CHECK(renamed.wake == Watcher::Wake::changed);
  CHECK(renamed.paths == std::vector<std::string>{"content/pages/about.md", "content/pages/about.md.tmp"});
}

TEST_CASE("several quick saves settle into one change") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  tree.write("content/pages/about.md", "1");
  tree.write("data/contacts.yaml", "- id: a\n");
  tree.write("content/pages/about.md", "2");
  tree.write("themes/mine/templates/layout.mustache", "<main>{{{content}}}</main>\n");
  auto woken = next_change(*watcher);
  CHECK(woken.wake == Watcher::Wake::changed);
  CHECK(woken.paths == std::vector<std::string>{"content/pages/about.md", "data/contacts.yaml",
                                                "themes/mine/templates/layout.mustache"});
}

TEST_CASE("herald.yaml and .gitignore at the root are sources") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  tree.write("herald.yaml", "title: Testshire Partnership\n");
  auto config = next_change(*watcher);
  CHECK(config.wake == Watcher::Wake::changed);
  CHECK(config.paths == std::vector<std::string>{"herald.yaml"});
  tree.write(".gitignore", "/public/\n/drafts/\n");
  auto ignore = next_change(*watcher);
  CHECK(ignore.wake == Watcher::Wake::changed);
  CHECK(ignore.paths == std::vector<std::string>{".gitignore"});
}

TEST_CASE("changes outside the site's sources and editors' scratch files are not changes") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  tree.write(".git/HEAD", "ref: refs/heads/other\n");
  tree.write(".git/objects/ab/cdef", "blob");
  tree.write(".git/index.lock", "");
  tree.write("public/index.html", "<p>published again</p>\n");
  tree.write("public/new/index.html", "<p>new</p>\n");
  tree.write("node_modules/x/index.js", "//\n");
  tree.write("README.md", "# changed\n");
  tree.write("notes.md", "not a source\n");
  tree.write("build/herald", "binary\n");
  tree.mkdir("reference");
  tree.write("content/pages/.about.md.swp", "vim");
  tree.write("content/pages/.about.md.swx", "vim");
  tree.write("content/pages/about.md~", "backup");
  tree.write("content/pages/.#about.md", "emacs lock");
  tree.write("content/pages/4913", "vim's probe");
  tree.write("content/pages/.goutputstream-ABC123", "gedit");
  tree.remove("content/pages/about.md~");
  auto woken = next_change(*watcher, 1000ms);
  CHECK(woken.wake == Watcher::Wake::stop);
  CHECK(woken.paths.empty());

  // The watch still works afterwards.
  tree.write("content/pages/about.md", "---\ntitle: About again\n---\n");
  auto after = next_change(*watcher);
  CHECK(after.wake == Watcher::Wake::changed);
  CHECK(after.paths == std::vector<std::string>{"content/pages/about.md"});
}

TEST_CASE("folders made after the start are watched, with the folders inside them") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  size_t before = watcher->watch_count();

  tree.write("content/newsletters/2024/spring.md", "---\ntitle: Spring\n---\n");
  auto made = next_change(*watcher);
  CHECK(made.wake == Watcher::Wake::changed);
  CHECK(std::find(made.paths.begin(), made.paths.end(), "content/newsletters") != made.paths.end());
  CHECK(watcher->watch_count() == before + 2);

  // A file in the new nested folder is then seen by itself.
  tree.write("content/newsletters/2024/spring.md", "---\ntitle: Spring 2024\n---\n");
  auto saved = next_change(*watcher);
  CHECK(saved.wake == Watcher::Wake::changed);
  CHECK(saved.paths == std::vector<std::string>{"content/newsletters/2024/spring.md"});

  // A source folder that did not exist at the start.
  tree.mkdir("static");
  auto top = next_change(*watcher);
  CHECK(top.wake == Watcher::Wake::changed);
  CHECK(top.paths == std::vector<std::string>{"static/"});
  tree.write("static/logo.svg", "<svg/>");
  auto file = next_change(*watcher);
  CHECK(file.wake == Watcher::Wake::changed);
  CHECK(file.paths == std::vector<std::string>{"static/logo.svg"});
}

TEST_CASE("a folder moved within the sources is watched under its new name") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  tree.rename("content/procedures", "content/manuals");
  auto moved = next_change(*watcher);
  CHECK(moved.wake == Watcher::Wake::changed);
  CHECK(std::find(moved.paths.begin(), moved.paths.end(), "content/procedures") != moved.paths.end());
  CHECK(std::find(moved.paths.begin(), moved.paths.end(), "content/manuals") != moved.paths.end());
  tree.write("content/manuals/children/_index.md", "---\ntitle: Children's manual\n---\n");
  auto saved = next_change(*watcher);
  CHECK(saved.wake == Watcher::Wake::changed);
  CHECK(saved.paths == std::vector<std::string>{"content/manuals/children/_index.md"});
}

TEST_CASE("removing a whole folder is a change, and a source tree made again is watched again") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  tree.remove("content/procedures");
  auto removed = next_change(*watcher);
  CHECK(removed.wake == Watcher::Wake::changed);
  CHECK(std::find(removed.paths.begin(), removed.paths.end(), "content/procedures") != removed.paths.end());

  tree.remove("data");
  auto gone = next_change(*watcher);
  CHECK(gone.wake == Watcher::Wake::changed);
  CHECK(std::find(gone.paths.begin(), gone.paths.end(), "data/") != gone.paths.end());
  tree.write("data/contacts.yaml", "[]\n");
  auto back = next_change(*watcher);
  CHECK(back.wake == Watcher::Wake::changed);
  CHECK(std::find(back.paths.begin(), back.paths.end(), "data/") != back.paths.end());
  tree.write("data/contacts.yaml", "- id: b\n");
  auto saved = next_change(*watcher);
  CHECK(saved.wake == Watcher::Wake::changed);
  CHECK(saved.paths == std::vector<std::string>{"data/contacts.yaml"});
}

TEST_CASE("the stop descriptor ends a wait at once, even with no change") {
  Tree tree;
  lay_out_site(tree);
  auto watcher = start(tree);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "x", 1) == 1);
  std::vector<std::string> paths{"left over"};
  auto start_time = std::chrono::steady_clock::now();
  CHECK(watcher->wait(fds[0], 50ms, &paths) == Watcher::Wake::stop);
  CHECK(std::chrono::steady_clock::now() - start_time < 5s);
  CHECK(paths.empty());
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("a working tree that cannot be watched is an error") {
  std::string error;
  auto watcher = Watcher::start("/nonexistent/herald-watch-test", &error);
  CHECK(watcher == nullptr);
  CHECK(error.find("cannot watch /nonexistent/herald-watch-test: ") == 0);
}
