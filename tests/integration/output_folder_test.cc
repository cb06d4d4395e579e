// `--out` never destroys: herald only replaces a folder it wrote itself, and says what to do otherwise.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "support/site_builder.h"

namespace fs = std::filesystem;
using herald::test::contains;
using herald::test::make_temp_dir;
using herald::test::read_tree;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";
const std::string kAdvice = ": choose a folder of its own for the site, such as public/ (the default)\n";

/// A site with one commit and a file of work not committed yet.
struct SiteWithWork {
  TempSite site;
  std::map<std::string, std::string> before;
  SiteWithWork() {
    site.write_minimal_site();
    site.commit("the site");
    site.write("content/pages/unfinished.md", "---\ntitle: Not committed yet\n---\nWork in progress.\n");
    before = tree();
  }
  /// Every file of the repository but the build cache (git's own included).
  std::map<std::string, std::string> tree() const {
    auto files = read_tree(site.dir());
    std::erase_if(files, [](const auto& f) { return f.first.rfind(".herald-cache/", 0) == 0; });
    return files;
  }
};

}  // namespace

TEST_CASE("--out at the repository, a folder holding it, or its git folder is refused, and nothing is touched") {
  SiteWithWork s;
  for (const char* out : {".", "..", ".git", ".git/refs/site", "./"}) {
    CAPTURE(out);
    auto r = s.site.herald(std::string("build --out ") + out + kNow);
    CHECK(r.exit_code == 2);
    std::string why = std::string(out).rfind(".git", 0) == 0
                          ? "that is inside the repository's git folder, which holds its history"
                          : "that folder holds the site repository, which herald would replace with the site";
    CHECK(r.err == "error: --out " + std::string(out) + ": " + why + kAdvice);
    CHECK(s.tree() == s.before);
  }
  CHECK(s.site.git("log --format=%s") == "the site\n");
  CHECK_FALSE(s.site.exists("public"));
}

TEST_CASE("--out inside a source folder or the build cache is refused") {
  SiteWithWork s;
  REQUIRE(s.site.herald(std::string("build") + kNow).exit_code == 0);  // makes .herald-cache/
  s.before = s.tree();
  for (const char* out : {"content", "content/pages", "static/site", "data", "themes/x", ".herald-cache/site"}) {
    CAPTURE(out);
    auto r = s.site.herald(std::string("build --out ") + out + kNow);
    CHECK(r.exit_code == 2);
    std::string folder = std::string(out).substr(0, std::string(out).find('/')) + "/";
    CHECK(r.err == "error: --out " + std::string(out) + ": that is inside " + folder +
                       ", which herald reads the site from" + kAdvice);
    CHECK(s.tree() == s.before);
  }
}

TEST_CASE("--out at a folder of someone's files is refused on every build, and the files stay where they are") {
  SiteWithWork s;
  std::string theirs = make_temp_dir("herald-theirs-");
  herald::test::write_file(theirs + "/notes.txt", "my own notes\n");
  fs::create_directories(theirs + "/photos");
  herald::test::write_file(theirs + "/photos/a.jpg", "JPEG");
  auto mine = read_tree(theirs);
  for (int i = 0; i < 2; ++i) {
    auto r = s.site.herald("build --out " + theirs + kNow);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "error: --out " + theirs +
                       ": that folder already holds files that herald did not write, and herald replaces its "
                       "output folder whole: choose a folder of its own for the site, such as public/ (the "
                       "default), or a new or empty folder; if the files there can go, remove them first\n");
    CHECK(read_tree(theirs) == mine);
  }
  // Nothing of theirs went into the build cache either.
  for (const auto& [path, content] : read_tree(s.site.dir() + "/.herald-cache")) CHECK(content != "my own notes\n");
  fs::remove_all(theirs);
}

TEST_CASE("--out at a file is refused; an empty folder, a new one, and one herald wrote are built into") {
  SiteWithWork s;
  s.site.write("a-file", "not a folder\n");
  auto file = s.site.herald(std::string("build --out a-file") + kNow);
  CHECK(file.exit_code == 2);
  CHECK(file.err == "error: --out a-file: that is a file, not a folder" + kAdvice);
  CHECK(s.site.read("a-file") == "not a folder\n");

  fs::create_directories(s.site.dir() + "/empty");
  CHECK(s.site.herald(std::string("build --out empty") + kNow).exit_code == 0);
  CHECK(s.site.exists("empty/index.html"));
  CHECK(s.site.exists("empty/.herald-site"));
  // Nothing of herald's is left beside it: its lock is in the build cache.
  CHECK_FALSE(s.site.exists(".empty.herald-lock"));
  CHECK_FALSE(s.site.exists(".empty.herald-tmp"));
  CHECK(s.site.herald(std::string("build --out new/deeper") + kNow).exit_code == 0);
  CHECK(s.site.exists("new/deeper/index.html"));
  // Built again, and again after the build cache is deleted: the mark says herald wrote it.
  CHECK(s.site.herald(std::string("build --out empty") + kNow).exit_code == 0);
  fs::remove_all(s.site.dir() + "/.herald-cache");
  auto again = s.site.herald(std::string("build --out empty") + kNow);
  CHECK(again.exit_code == 0);
  CHECK(contains(again.err, "herald: published "));
}

TEST_CASE("a site published before herald marked its sites is known by the build cache's record") {
  SiteWithWork s;
  REQUIRE(s.site.herald(std::string("build") + kNow).exit_code == 0);
  ::unlink((s.site.dir() + "/public/.herald-site").c_str());  // as an earlier herald left it
  CHECK(s.site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(s.site.exists("public/.herald-site"));
  // Without the mark and without the record, it is someone's folder.
  ::unlink((s.site.dir() + "/public/.herald-site").c_str());
  fs::remove_all(s.site.dir() + "/.herald-cache");
  auto r = s.site.herald(std::string("build") + kNow);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "error: --out public/: that folder already holds files that herald did not write"));
  CHECK(s.site.exists("public/index.html"));
}

TEST_CASE("--out through a symbolic link publishes into the folder it leads to, and the link stays") {
  SiteWithWork s;
  std::string target = make_temp_dir("herald-target-");
  REQUIRE(::symlink(target.c_str(), (s.site.dir() + "/live").c_str()) == 0);
  CHECK(s.site.herald(std::string("build --out live") + kNow).exit_code == 0);
  CHECK(s.site.herald(std::string("build --out live") + kNow).exit_code == 0);
  struct stat st;
  REQUIRE(::lstat((s.site.dir() + "/live").c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(herald::test::read_file(target + "/index.html").find("<html") != std::string::npos);
  fs::remove_all(target);
  CHECK_FALSE(fs::exists(fs::path(target).parent_path() / ("." + fs::path(target).filename().string() + ".herald-lock")));
  // A link into the repository's sources is refused as the folder itself would be.
  REQUIRE(::symlink((s.site.dir() + "/content").c_str(), (s.site.dir() + "/sneaky").c_str()) == 0);
  auto r = s.site.herald(std::string("build --out sneaky") + kNow);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: --out sneaky: that is inside content/, which herald reads the site from" + kAdvice);
  CHECK(s.tree().count("content/pages/unfinished.md") == 1);
}

TEST_CASE("a bare repository's output may not go into its git folder") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  std::string bare = make_temp_dir("herald-bare-") + "/site.git";
  REQUIRE(run_command("git clone -q --bare " + site.dir() + " " + bare).exit_code == 0);
  auto r = run_command(std::string(HERALD_BINARY) + " build --repo " + bare + " --out " + bare + "/public" + kNow);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "that is inside the repository's git folder, which holds its history"));
  CHECK_FALSE(fs::exists(bare + "/public"));
  fs::remove_all(fs::path(bare).parent_path());
}
