// Integration: killed builds, concurrent builds and hostile trees never lose or mix the published site.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/site_builder.h"

using herald::test::read_tree;
using herald::test::contains;
using herald::test::TempSite;

namespace {


/// Starts `herald build` in the site and returns its process id.
pid_t start_build(const TempSite& site, const std::string& out) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(site.dir().c_str()) != 0) _exit(127);
    freopen("/dev/null", "w", stderr);
    execl(HERALD_BINARY, HERALD_BINARY, "build", "--out", out.c_str(), "--now", "2024-07-01T12:00:00",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

void write_many_pages(TempSite& site, int count, const std::string& marker) {
  for (int i = 0; i < count; ++i)
    site.write("content/pages/page-" + std::to_string(i) + ".md",
               "---\ntitle: Page " + std::to_string(i) + "\n---\n\n" + marker + " text of page " + std::to_string(i) + ".\n");
}

}  // namespace

TEST_CASE("a build killed at any moment leaves the previous site complete and unchanged") {
  TempSite site;
  site.write_minimal_site();
  write_many_pages(site, 400, "OLD");
  site.commit("old");
  REQUIRE(site.herald("build --out public --now 2024-07-01T12:00:00").exit_code == 0);
  auto old_site = read_tree(site.dir() + "/public");
  write_many_pages(site, 400, "NEW");
  site.commit("new");
  REQUIRE(site.herald("build --out reference --now 2024-07-01T12:00:00").exit_code == 0);
  auto new_site = read_tree(site.dir() + "/reference");
  REQUIRE(old_site != new_site);
  int saw_old = 0, saw_new = 0;
  for (int delay_ms : {0, 5, 10, 20, 30, 45, 60, 80, 100, 150, 250, 400, 600, 900, 2000}) {
    CAPTURE(delay_ms);
    // Start each round from the old site.
    std::string out = "public";
    pid_t pid = start_build(site, out);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    auto now = read_tree(site.dir() + "/public");
    bool is_old = now == old_site, is_new = now == new_site;
    CHECK((is_old || is_new));
    saw_old += is_old;
    saw_new += is_new;
    if (is_new) {  // put the old site back for the next round
      REQUIRE(site.herald("build --ref HEAD~1 --out public --now 2024-07-01T12:00:00").exit_code == 0);
    }
  }
  MESSAGE("kills that left the old site: " << saw_old << ", after the swap: " << saw_new);
  // The next build after any kill succeeds and leaves no temporary folder behind.
  REQUIRE(site.herald("build --out public --now 2024-07-01T12:00:00").exit_code == 0);
  CHECK(read_tree(site.dir() + "/public") == new_site);
  CHECK_FALSE(site.exists(".public.herald-tmp"));
}

TEST_CASE("two builds at once into one folder never mix") {
  TempSite site;
  site.write_minimal_site();
  write_many_pages(site, 300, "SAME");
  site.commit("site");
  REQUIRE(site.herald("build --out reference --now 2024-07-01T12:00:00").exit_code == 0);
  auto reference = read_tree(site.dir() + "/reference");
  for (int round = 0; round < 3; ++round) {
    pid_t a = start_build(site, "public");
    pid_t b = start_build(site, "public");
    int status_a = 0, status_b = 0;
    waitpid(a, &status_a, 0);
    waitpid(b, &status_b, 0);
    int ok = (WEXITSTATUS(status_a) == 0) + (WEXITSTATUS(status_b) == 0);
    CHECK(ok >= 1);  // one may fail with "another herald build is writing"
    CHECK(read_tree(site.dir() + "/public") == reference);
  }
  // The loser's message is clear.
  auto held = site.herald("build --out public --now 2024-07-01T12:00:00");
  CHECK(held.exit_code == 0);
}

TEST_CASE("symlinks and submodules in the git tree are never followed") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  herald::test::run_command("cd '" + site.dir() + "' && ln -s /etc/passwd static-passwd && mkdir -p static && "
                            "ln -s /etc/passwd static/passwd.txt && ln -s /etc content/pages/etc && "
                            "git add -A && git commit -qm links");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/pages/etc:1:1: warning: symbolic links are not published"));
  CHECK(contains(r.err, "static/passwd.txt:1:1: warning: symbolic links are not published"));
  CHECK_FALSE(site.exists("public/passwd.txt"));
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) CHECK_FALSE(contains(content, "root:x:0:0"));
}

TEST_CASE("deeply nested quotes and lists give a bounded, correct result") {
  TempSite site;
  site.write_minimal_site();
  std::string deep = "---\ntitle: Deep\n---\n\n";
  for (int i = 0; i < 10000; ++i) deep += "> ";
  deep += "the innermost quote\n\n";
  for (int i = 0; i < 2000; ++i) deep += std::string(2 * i, ' ') + "- item\n";
  site.write("content/pages/deep.md", deep);
  site.commit("deep");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 0);
  CHECK(contains(site.read("public/deep/index.html"), "the innermost quote"));
}

TEST_CASE("an output folder that cannot be written gives a clear error and changes nothing") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  site.write("blocker", "a file where the output folder's parent should be\n");
  auto r = site.herald("build --out blocker/public --now 2024-07-01T12:00:00");
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "error: --out blocker/public: blocker is a file, not a folder: choose a folder of its own for the site, "
        "such as public/ (the default)\n");
  CHECK(site.read("blocker") == "a file where the output folder's parent should be\n");
}

TEST_CASE("writes failing part-way, as on a full disk, leave the previous site complete") {
  TempSite site;
  site.write_minimal_site();
  write_many_pages(site, 20, "OLD");
  site.commit("old");
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  auto before = read_tree(site.dir() + "/public");
  // A large page, and a file-size limit below it: its write fails with EFBIG
  // part-way through, as a write to a full disk fails with ENOSPC.
  site.write("content/pages/large.md", "---\ntitle: Large\n---\n\n" + std::string(200000, 'x') + "\n");
  write_many_pages(site, 20, "NEW");
  site.commit("new");
  auto r = herald::test::run_command("cd '" + site.dir() + "' && ulimit -f 100 && trap '' XFSZ && '" HERALD_BINARY
                                     "' build --now 2024-07-01T12:00:00");
  INFO(r.err);
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "error: cannot write '"));
  CHECK(contains(r.err, "': File too large"));
  CHECK(contains(r.err, "nothing was written"));
  CHECK(read_tree(site.dir() + "/public") == before);
  // And the next build, with room, publishes.
  REQUIRE(site.herald("build --now 2024-07-01T12:00:00").exit_code == 0);
  CHECK(contains(site.read("public/page-3/index.html"), "NEW"));
}

TEST_CASE("a Markdown file over 5 MB is an error naming it; one just under is published whole") {
  TempSite site;
  site.write_minimal_site();
  std::string paragraph = "A paragraph of an enormous page, with **bold** and a [link](https://example.org/).\n\n";
  std::string big = "---\ntitle: Big\npdf: false\n---\n\n";
  while (big.size() + paragraph.size() < 5u * 1024 * 1024 - 100) big += paragraph;
  big += "THE-LAST-PARAGRAPH\n";
  site.write("content/pages/big.md", big);
  site.commit("big");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err.substr(0, 2000));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(site.read("public/big/index.html"), "<p>THE-LAST-PARAGRAPH</p>"));

  std::string huge = "---\ntitle: Huge\n---\n\n";
  while (huge.size() < 50u * 1024 * 1024) huge += paragraph;
  site.write("content/pages/huge.md", huge);
  site.commit("huge");
  auto too_big = site.herald("check --now 2024-07-01T12:00:00");
  CHECK(too_big.exit_code == 1);
  CHECK(contains(too_big.err, "content/pages/huge.md:1:1: error: this file is 50.0 MB, and herald reads files of at "
                              "most 5 MB: split it into several pages\n"));
}

TEST_CASE("a page too long to print gets no PDF, with a warning, and no link to one") {
  TempSite site;
  site.write_minimal_site();
  std::string words = "---\ntitle: Long report\npdf: true\n---\n\n";
  for (int i = 0; i < 16000; ++i) words += "one two three four five six seven eight nine ten\n\n";
  site.write("content/pages/long-report.md", words);
  site.commit("long");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/pages/long-report.md:1:1: warning: no print PDF is made of this page: it has 160000 "
                        "words, and herald makes print PDFs of at most 150000 (about 300 pages); readers can read "
                        "it on the website, or split it into several pages\n"));
  CHECK_FALSE(site.exists("public/long-report/long-report.pdf"));
  CHECK_FALSE(contains(site.read("public/long-report/index.html"), "long-report.pdf"));
}

TEST_CASE("a page may have at most 20 topics") {
  TempSite site;
  site.write_minimal_site();
  std::string topics;
  for (int i = 0; i < 10000; ++i) topics += (i ? ", t" : "t") + std::to_string(i);
  site.write("content/pages/tagged.md", "---\ntitle: Tagged\ntopics: [" + topics + "]\n---\nText.\n");
  site.commit("tagged");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "content/pages/tagged.md:3:9: error: 10000 topics: a page may have at most 20; keep the ones "
                        "readers look for\n"));
  CHECK_FALSE(site.exists("public"));
}
