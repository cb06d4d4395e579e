// Tests for output/writer and output/output_set: atomic swap, lock, clashes, safe paths.
#include <doctest/doctest.h>

#include <sys/file.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "output/output_folder.h"
#include "output/output_set.h"
#include "output/writer.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

namespace {

/// The files of a published site but herald's mark, checked to be there.
std::map<std::string, std::string> read_tree(const std::string& dir) {
  auto files = herald::test::read_tree(dir);
  if (dir.find(".herald-tmp") == std::string::npos) CHECK(files.erase(kSiteMarker) == 1);
  return files;
}

}  // namespace

TEST_CASE("the output folder is replaced whole, leaving no temporary folder") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  std::string error;
  REQUIRE(write_site(out, {{"index.html", "one", ""}, {"a/b/c.txt", "deep", ""}}, &error));
  REQUIRE(write_site(out, {{"index.html", "two", ""}}, &error));
  auto files = read_tree(out);
  CHECK(files == std::map<std::string, std::string>{{"index.html", "two"}});
  auto all = herald::test::read_tree(scratch.dir());
  for (const auto& [path, content] : all) CHECK(path.find("herald-tmp") == std::string::npos);
}

TEST_CASE("the previous site goes whole, however deep, and a symbolic link in it is removed, not followed") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  scratch.write("elsewhere/keep.txt", "not part of the site");
  std::vector<OutputFile> files = {{"index.html", "one", ""}, {"top.txt", "t", ""}};
  for (int i = 0; i < 300; ++i)  // page folders two levels down, as a large site has
    files.push_back({"briefings/b" + std::to_string(i) + "/index.html", "page", ""});
  files.push_back({"a/b/c/d/e/deep.txt", "deep", ""});
  files.push_back({"a/b/c/side.txt", "side", ""});
  files.push_back({"a/file.txt", "file", ""});
  std::string error;
  REQUIRE(write_site(out, files, &error));
  REQUIRE(::symlink((scratch.dir() + "/elsewhere").c_str(), (out + "/a/b/link").c_str()) == 0);
  REQUIRE(::symlink((scratch.dir() + "/elsewhere").c_str(), (out + "/link").c_str()) == 0);
  REQUIRE(::mkdir((out + "/a/empty").c_str(), 0755) == 0);
  REQUIRE(write_site(out, {{"index.html", "two", ""}}, &error));
  CHECK(read_tree(out) == std::map<std::string, std::string>{{"index.html", "two"}});
  CHECK(scratch.read("elsewhere/keep.txt") == "not part of the site");
  struct stat st;
  CHECK(::lstat((scratch.dir() + "/.public.herald-tmp").c_str(), &st) != 0);  // not even an empty folder
}

TEST_CASE("a second build into the same folder fails clearly while the first holds the lock") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  int fd = ::open((scratch.dir() + "/.public.herald-lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  std::string error;
  CHECK_FALSE(write_site(out, {{"index.html", "x", ""}}, &error));
  CHECK(error == "another herald build is writing '" + out + "': try again when it has finished");
  ::close(fd);
  CHECK(write_site(out, {{"index.html", "x", ""}}, &error));
}

TEST_CASE("an unwritable place is a clear error and the previous site stays") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  std::string error;
  REQUIRE(write_site(out, {{"index.html", "old", ""}}, &error));
  CHECK_FALSE(write_site("/proc/herald-cannot-write/public", {{"index.html", "x", ""}}, &error));
  CHECK(error.rfind("cannot ", 0) == 0);
  CHECK(read_tree(out).at("index.html") == "old");
}

TEST_CASE("output paths stay inside the output folder") {
  CHECK(is_safe_output_path("briefings/x/index.html"));
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a//b", ".git/config", "a/.git/x", "a\\b", "./x"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_safe_output_path(bad));
  }
}

TEST_CASE("two sources for one output file are an error naming both") {
  OutputSet set;
  set.add("about/index.html", "a", "content/pages/about.md");
  set.add("about/index.html", "b", "static/about/index.html");
  set.add("../escape", "c", "static/x");
  Diagnostics diags;
  auto files = set.take_sorted(diags);
  CHECK(files.size() == 1);
  auto all = diags.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].message == "two sources write the same file '/about/index.html': content/pages/about.md and static/about/index.html");
  CHECK(all[1].message == "'../escape' would be written outside the output folder");
}

TEST_CASE("streamed output: files are written as they are added, a clash is still reported, and an "
          "unpublished folder vanishes") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  std::string error;
  REQUIRE(write_site(out, {{"index.html", "old", ""}}, &error));
  {
    StagedSite staged;
    REQUIRE(staged.open(out, &error));
    OutputSet set;
    set.stream_to(&staged);
    set.add("a/b/page.html", "deep", "content/a.md");
    set.add("a/b/page.html", "again", "content/b.md");
    set.add("../escape.html", "x", "content/c.md");
    Diagnostics diags;
    auto files = set.take_sorted(diags);
    REQUIRE(files.size() == 1);
    CHECK(files[0].content.empty());  // written, not held
    CHECK(set.write_error().empty());
    CHECK(diags.count(Severity::error) == 2);
    CHECK(read_tree(scratch.dir() + "/.public.herald-tmp").size() == 1);
    CHECK_FALSE(scratch.exists("escape.html"));
    // Not published: the destructor removes the temporary folder.
  }
  CHECK_FALSE(scratch.exists(".public.herald-tmp"));
  CHECK(read_tree(out) == std::map<std::string, std::string>{{"index.html", "old"}});

  StagedSite staged;
  REQUIRE(staged.open(out, &error));
  OutputSet set;
  set.stream_to(&staged);
  set.add("index.html", "new");
  set.add("feeds/feed.xml", "<rss/>");
  REQUIRE(staged.publish({}, &error));
  CHECK(read_tree(out) == std::map<std::string, std::string>{{"feeds/feed.xml", "<rss/>"}, {"index.html", "new"}});
  CHECK_FALSE(scratch.exists(".public.herald-tmp"));
}
