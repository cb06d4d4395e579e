// Tests for git/repository on real temporary repositories.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "core/thread_pool.h"
#include "git/repository.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

TEST_CASE("libgit2 starts without reading the system's CA certificates") {
  TempSite site;
  site.write("a.md", "committed");
  site.commit("first");
  std::string error;
  REQUIRE(Repository::open(site.dir(), &error));
  // libgit2 called herald's stand-in, not mbedTLS's, when it started.
  CHECK(libgit2_ca_reads_refused() == 1);
  REQUIRE(Repository::open(site.dir(), &error));
  CHECK(libgit2_ca_reads_refused() == 1);
}

TEST_CASE("the tree at a ref is read, never the working tree") {
  TempSite site;
  site.write("a.md", "committed");
  site.commit("first");
  site.write("a.md", "edited but not committed");
  site.write("b.md", "new and untracked");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  auto head = repo->resolve("HEAD", &error);
  REQUIRE(head);
  auto files = repo->read_tree(head->id);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "a.md");
  CHECK(files[0].content == "committed");
  CHECK(files[0].blob_id.size() == 40);
}

TEST_CASE("refs that do not exist and folders that are not repositories") {
  TempSite site;
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  CHECK_FALSE(repo->resolve("HEAD", &error));
  CHECK(error == "the repository has no commits yet: commit the site before building it");
  site.write("a.md", "x");
  site.commit("first");
  CHECK_FALSE(repo->resolve("no-such-branch", &error));
  CHECK(error == "ref 'no-such-branch' does not exist in the repository");
  CHECK_FALSE(Repository::open("/proc/self", &error));
  CHECK(error == "'/proc/self' is not in a git repository");
}

TEST_CASE("a bare clone is read the same way") {
  TempSite site;
  site.write("herald.yaml", "title: T\n");
  site.commit("first");
  TempSite bare_holder;
  std::string bare = bare_holder.dir() + "/site.git";
  herald::test::run_command("git clone -q --bare '" + site.dir() + "' '" + bare + "'");
  std::string error;
  auto repo = Repository::open(bare, &error);
  REQUIRE(repo);
  CHECK(repo->workdir().empty());
  auto head = repo->resolve("HEAD", &error);
  REQUIRE(head);
  CHECK(repo->read_tree(head->id).at(0).content == "title: T\n");
}

TEST_CASE("tags are matched by glob and ordered by commit time") {
  TempSite site;
  site.write("a.md", "1");
  site.commit("one", "2024-01-01T10:00:00+00:00");
  site.tag("procedures-2024-01");
  site.write("a.md", "2");
  site.commit("two", "2024-02-01T10:00:00+00:00");
  site.tag("procedures-2024-02");
  site.tag("unrelated");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  auto tags = repo->tags_matching("procedures-*");
  REQUIRE(tags.size() == 2);
  CHECK(tags[0].name == "procedures-2024-01");
  CHECK(tags[1].name == "procedures-2024-02");
}

TEST_CASE("diff finds renames") {
  TempSite site;
  std::string body(400, 'x');
  site.write("content/procedures/m/old-name.md", "---\ntitle: A\n---\n" + body);
  site.write("content/procedures/m/gone.md", "---\ntitle: Private fostering\n---\nArrangements for children cared for by someone other than a parent.\n");
  site.commit("one");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  auto first = repo->resolve("HEAD", &error);
  site.move("content/procedures/m/old-name.md", "content/procedures/m/new-name.md");
  site.remove("content/procedures/m/gone.md");
  site.write("content/procedures/m/added.md", "---\ntitle: Escalation\n---\nWhen agencies disagree, raise it with your manager first.\n");
  site.commit("two");
  auto second = repo->resolve("HEAD", &error);
  auto changes = repo->diff(first->id, second->id, "content/procedures/");
  REQUIRE(changes.size() == 3);
  int renamed = 0, added = 0, deleted = 0;
  for (const auto& c : changes) {
    if (c.status == FileChange::Status::renamed) {
      ++renamed;
      CHECK(c.old_path == "content/procedures/m/old-name.md");
      CHECK(c.new_path == "content/procedures/m/new-name.md");
    }
    added += c.status == FileChange::Status::added;
    deleted += c.status == FileChange::Status::deleted;
  }
  CHECK(renamed == 1);
  CHECK(added == 1);
  CHECK(deleted == 1);
}

TEST_CASE("a large tree is read on several threads, every file with its own bytes, bare or not") {
  set_worker_count(3);  // more readers than files per reader would need: shares interleave
  TempSite site;
  for (int i = 0; i < 900; ++i)
    site.write(fmt::format("content/d{}/f{:03}.md", i % 7, i), fmt::format("file {} {}\n", i, std::string(i % 50, 'x')));
  site.write("link", "");
  herald::test::run_command("cd '" + site.dir() + "' && rm link && ln -s content/d0 link");
  site.commit("many");
  TempSite bare_holder;
  std::string bare = bare_holder.dir() + "/site.git";
  herald::test::run_command("git clone -q --bare '" + site.dir() + "' '" + bare + "'");
  for (const std::string& where : {site.dir(), bare}) {
    CAPTURE(where);
    std::string error;
    auto repo = Repository::open(where, &error);
    REQUIRE(repo);
    auto head = repo->resolve("HEAD", &error);
    REQUIRE(head);
    auto files = repo->read_tree(head->id);
    REQUIRE(files.size() == 901);
    size_t checked = 0;
    for (const SourceFile& f : files) {
      if (f.path == "link") {
        CHECK(f.kind == SourceFile::Kind::symlink);
        CHECK(f.content.empty());
        continue;
      }
      int i = std::stoi(f.path.substr(f.path.size() - 6, 3));
      CHECK(f.content == fmt::format("file {} {}\n", i, std::string(i % 50, 'x')));
      CHECK(repo->read_blob(f.blob_id) == f.content);
      ++checked;
    }
    CHECK(checked == 900);
  }
  set_worker_count(0);
}

TEST_CASE("a listed tree is read only where asked, and a symbolic link is never unread") {
  TempSite site;
  site.write("a.md", "first");
  site.write("b.md", "second");
  site.write("link", "");
  herald::test::run_command("cd '" + site.dir() + "' && rm link && ln -s a.md link");
  site.commit("three");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  auto files = repo->list_tree(repo->resolve("HEAD", &error)->id);
  REQUIRE(files.size() == 3);
  CHECK(files[0].unread);
  CHECK(files[1].unread);
  CHECK_FALSE(files[2].unread);  // the link: nothing to read
  repo->read_contents({&files[1], &files[2]});
  CHECK(files[0].unread);
  CHECK(files[0].content.empty());
  CHECK_FALSE(files[1].unread);
  CHECK(files[1].content == "second");
  repo->read_contents({&files[0], &files[1]});  // b.md is not read twice; a.md is read now
  CHECK(files[0].content == "first");
  CHECK(files[1].content == "second");
}

TEST_CASE("the working tree is listed as it is: a symbolic link at its own path, never followed") {
  TempSite site;
  site.write(".gitignore", "/public/\n");
  site.write("content/pages/about.md", "about");
  site.write("public/index.html", "ignored");
  site.commit("first");
  TempSite outside;
  outside.write("secret.md", "---\ntitle: Not in the repository\n---\n");
  herald::test::run_command("cd '" + site.dir() + "' && ln -s . content/pages/self && ln -s '" + outside.dir() +
                            "' content/pages/elsewhere && ln -s about.md content/pages/also.md && "
                            "ln -s ../pages content/briefings");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  std::vector<std::string> listed;
  for (const SourceFile& f : repo->read_worktree()) {
    listed.push_back(f.path + (f.kind == SourceFile::Kind::symlink ? " (link)" : ""));
    if (f.path == "content/pages/about.md") {
      CHECK(f.content == "about");
      CHECK(f.blob_id + "\n" == site.git("rev-parse HEAD:content/pages/about.md"));
    }
  }
  CHECK(listed == std::vector<std::string>{".gitignore", "content/briefings (link)", "content/pages/about.md",
                                           "content/pages/also.md (link)", "content/pages/elsewhere (link)",
                                           "content/pages/self (link)"});
}

TEST_CASE("init makes a repository whose first branch is the one named, and never re-initialises one") {
  std::string base = herald::test::make_temp_dir("herald-init-");
  std::string path = base + "/new/site";
  std::string error;
  auto repo = Repository::init(path, "main", &error);
  INFO(error);
  REQUIRE(repo);
  CHECK(repo->workdir() == path + "/");
  // git itself sees it: an unborn main, nothing committed.
  auto head = herald::test::run_command("cd '" + path + "' && git symbolic-ref HEAD && git rev-list --all | wc -l");
  CHECK(head.out == "refs/heads/main\n0\n");
  auto again = Repository::init(path, "main", &error);
  CHECK_FALSE(again);
  CHECK_FALSE(error.empty());
  herald::test::run_command("rm -rf '" + base + "'");
}

TEST_CASE("a working tree read again takes unchanged files from the memo, and reads what changed") {
  TempSite site;
  site.write("content/pages/a.md", "first");
  site.write("content/pages/b.md", "bee");
  site.commit("first");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  WorktreeMemo memo;
  auto first = repo->read_worktree(&memo);
  CHECK(memo.files.size() == first.size());
  // Same size and time, other bytes: taken from the memo (as a save that changed nothing would be).
  herald::test::run_command("cd '" + site.dir() + "' && t=$(stat -c %y content/pages/a.md) && printf 'FIRST' > "
                            "content/pages/a.md && touch -d \"$t\" content/pages/a.md");
  site.write("content/pages/b.md", "a longer bee");
  auto second = repo->read_worktree(&memo);
  auto content_of = [&](const std::vector<SourceFile>& files, const std::string& path) {
    for (const SourceFile& f : files)
      if (f.path == path) return f.content + " " + f.blob_id.substr(0, 7);
    return std::string();
  };
  CHECK(content_of(second, "content/pages/a.md") == content_of(first, "content/pages/a.md"));
  CHECK(content_of(second, "content/pages/b.md").rfind("a longer bee ", 0) == 0);
  // Without the memo, everything is read.
  CHECK(content_of(repo->read_worktree(), "content/pages/a.md").rfind("FIRST ", 0) == 0);
}

TEST_CASE("read_worktree with a memo follows the ignore rules as they change") {
  herald::test::TempSite site;
  site.write("herald.yaml", "title: T\n");
  site.write("content/pages/a.md", "a");
  site.write("notes/todo.md", "b");
  site.commit("first");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  WorktreeMemo memo;
  auto has = [](const std::vector<SourceFile>& files, const std::string& path) {
    return std::any_of(files.begin(), files.end(), [&](const SourceFile& f) { return f.path == path; });
  };
  CHECK(has(repo->read_worktree(&memo), "notes/todo.md"));
  // A .gitignore that was not there: the verdicts kept are asked again.
  site.write("notes/.gitignore", "todo.md\n");
  auto second = repo->read_worktree(&memo);
  CHECK_FALSE(has(second, "notes/todo.md"));
  CHECK(has(second, "content/pages/a.md"));
  // A rule that changed, and one taken away again.
  site.write(".gitignore", "content/\n");
  auto third = repo->read_worktree(&memo);
  CHECK_FALSE(has(third, "content/pages/a.md"));
  site.write(".gitignore", "# nothing\n");
  std::filesystem::remove(site.dir() + "/notes/.gitignore");
  auto fourth = repo->read_worktree(&memo);
  CHECK(has(fourth, "content/pages/a.md"));
  CHECK(has(fourth, "notes/todo.md"));
  // .git/info/exclude is a rule file too.
  site.write(".git/info/exclude", "notes/\n");
  CHECK_FALSE(has(repo->read_worktree(&memo), "notes/todo.md"));
}
