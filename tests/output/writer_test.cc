// Tests for output/writer and output/output_set: atomic swap, lock, clashes, safe paths.
#include <doctest/doctest.h>

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include "output/output_set.h"
#include "output/writer.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::read_tree;
using herald::test::TempSite;

TEST_CASE("the output folder is replaced whole, leaving no temporary folder") {
  TempSite scratch;
  std::string out = scratch.dir() + "/public";
  std::string error;
  REQUIRE(write_site(out, {{"index.html", "one", ""}, {"a/b/c.txt", "deep", ""}}, &error));
  REQUIRE(write_site(out, {{"index.html", "two", ""}}, &error));
  auto files = read_tree(out);
  CHECK(files == std::map<std::string, std::string>{{"index.html", "two"}});
  auto all = read_tree(scratch.dir());
  for (const auto& [path, content] : all) CHECK(path.find("herald-tmp") == std::string::npos);
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
