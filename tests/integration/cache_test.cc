// Integration: the build cache (.herald-cache/) makes rebuilds faster and never changes what is published.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::read_tree;
using herald::test::TempSite;

using herald::test::read_file;
using herald::test::write_file;

namespace {
const char* kNow = " --now 2024-07-01T12:00:00";

ino_t inode(const TempSite& site, const std::string& path) {
  struct stat st {};
  REQUIRE(::stat((site.dir() + "/" + path).c_str(), &st) == 0);
  return st.st_ino;
}

/// Builds the site's HEAD into `folder` with the cache put aside (and then
/// back): what a build with the cache must equal.
std::map<std::string, std::string> cold_build(TempSite& site, const std::string& folder) {
  std::string cache = site.dir() + "/.herald-cache", aside = site.dir() + "/cache-aside";
  bool had = std::rename(cache.c_str(), aside.c_str()) == 0;
  auto r = site.herald("build --out " + folder + kNow);
  if (had) {
    std::system(("rm -rf " + cache).c_str());
    std::rename(aside.c_str(), cache.c_str());
  }
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return read_tree(site.dir() + "/" + folder);
}

std::string verbose_cache_line(const std::string& err) {
  size_t at = err.find("from the build cache:");
  return at == std::string::npos ? "" : err.substr(at, err.find('\n', at) - at);
}

/// The output records of the one output folder built so far (relative path).
std::string records_of(const TempSite& site) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(site.dir() + "/.herald-cache"))
    if (entry.path().filename().string().rfind("outputs-", 0) == 0)
      found.push_back(".herald-cache/" + entry.path().filename().string());
  REQUIRE(found.size() == 1);
  return found[0];
}

/// Every file (with its bytes) and every folder (ending in '/') under `dir`:
/// two sites with the same listing have no difference, not even an empty folder.
std::map<std::string, std::string> listing(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string path = std::filesystem::relative(entry.path(), dir).generic_string();
    if (entry.is_symlink()) out[path] = "symbolic link";
    else if (entry.is_directory()) out[path + "/"] = "";
    else out[path] = herald::test::read_file(entry.path().string());
  }
  return out;
}

/// The spare site of the one output folder built so far.
std::string spare_of(const TempSite& site) {
  std::string records = records_of(site);
  return site.dir() + "/.herald-cache/spare-" + records.substr(records.rfind('-') + 1);
}

/// What a build of the site's HEAD without the cache publishes, listed.
std::map<std::string, std::string> cold_listing(TempSite& site) {
  cold_build(site, "out-cold");
  return listing(site.dir() + "/out-cold");
}

/// Builds the minimal site, commits a change and builds again: the spare
/// site (returned) is then the first build's.
std::string built_twice(TempSite& site) {
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and where.\n");
  site.commit("about: where");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string spare = spare_of(site);
  REQUIRE(std::filesystem::exists(spare + "/briefings/neglect/index.html"));
  return spare;
}

}  // namespace

TEST_CASE("a rebuild after a one-page commit renders that page again and links the rest") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  auto first = site.herald(std::string("build --verbose") + kNow);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(contains(first.err, "0 pages not rendered again"));
  ino_t about = inode(site, "public/about/index.html");
  ino_t briefing = inode(site, "public/briefings/neglect/index.html");

  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and where to find us.\n");
  site.commit("about: where to find us");
  auto second = site.herald(std::string("build --verbose") + kNow);
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK(contains(site.read("public/about/index.html"), "where to find us"));
  // The changed page is a new file; an unchanged one is the same file, linked.
  CHECK(inode(site, "public/about/index.html") != about);
  CHECK(inode(site, "public/briefings/neglect/index.html") == briefing);
  CHECK_FALSE(contains(verbose_cache_line(second.err), " 0 pages not rendered again"));

  // Exactly what a build without any cache publishes.
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));
}

TEST_CASE("a change that every page shows (the site title) renders every page again") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string yaml = site.read("herald.yaml");
  site.write("herald.yaml", "title: Testshire Safeguarding Children Partnership\n" + yaml.substr(yaml.find('\n') + 1));
  site.commit("config: the new name");
  auto r = site.herald(std::string("build --verbose") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, " 0 pages not rendered again"));
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html" || contains(content, "http-equiv=\"refresh\""))
      continue;
    CAPTURE(path);
    CHECK(contains(content, "Testshire Safeguarding Children Partnership"));
  }
}

TEST_CASE("a damaged, stale or deleted build cache costs time, never correctness") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string records = site.dir() + "/" + records_of(site);
  std::string good = site.read(records_of(site));
  REQUIRE(contains(good, "about/index.html"));
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and what we do.\n");
  site.commit("about: what we do");
  auto expected = cold_build(site, "out-cold");

  SUBCASE("deleted") { std::remove(records.c_str()); }
  SUBCASE("truncated") { write_file(records, good.substr(0, good.size() / 2)); }
  SUBCASE("garbage") { write_file(records, "\x01\x02 not a cache at all \xff\n"); }
  SUBCASE("a byte changed") {
    std::string bad = good;
    bad[bad.size() / 3] ^= 0x20;
    write_file(records, bad);
  }
  SUBCASE("a page edited by hand in the output") {
    site.write("public/briefings/neglect/index.html", "edited by hand\n");
  }
  SUBCASE("an empty folder in its place") {
    std::remove(records.c_str());
    REQUIRE(::mkdir(records.c_str(), 0755) == 0);
  }
  auto r = site.herald(std::string("build") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_tree(site.dir() + "/public") == expected);
}

TEST_CASE("a damaged parse cache costs time, never correctness") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string parse = site.dir() + "/.herald-cache/parse";
  std::string good = site.read(".herald-cache/parse");
  REQUIRE(good.size() > 100);
  site.write("content/briefings/neglect.md",
             site.read("content/briefings/neglect.md") + "\nA new closing line for the briefing.\n");
  site.commit("briefing: a closing line");
  auto expected = cold_build(site, "out-cold");
  REQUIRE(contains(expected["briefings/neglect/index.html"], "A new closing line"));

  // How many sources come from the cache all the same: none when the file
  // is refused whole.
  std::string reused = "0";
  SUBCASE("truncated") { write_file(parse, good.substr(0, good.size() / 2)); }
  SUBCASE("a byte changed") {
    // In the about page's entry, which then fails its checksum alone.
    std::string bad = good;
    size_t at = bad.find("content/pages/about.md\n");
    REQUIRE(at != std::string::npos);
    bad[at + 100] ^= 0x01;
    write_file(parse, bad);
    reused = "5";  // not the briefing, nor about
  }
  SUBCASE("a byte of the framing changed") {
    std::string bad = good;
    bad[good.find('\n') + 1] ^= 0x01;  // the stamp's length
    write_file(parse, bad);
  }
  SUBCASE("empty") { write_file(parse, ""); }
  SUBCASE("deleted") { std::remove(parse.c_str()); }
  auto r = site.herald(std::string("build --verbose") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: " + reused + " sources not parsed again"));
  CHECK(read_tree(site.dir() + "/public") == expected);
}

TEST_CASE("a parse cache entry damaged under a good checksum is parsed again, alone") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  // The about page's entry says it has a page with a byte that must be 0 or
  // 1; its checksum (the 8 bytes before its key's length) is made right
  // again, as a program that meant it would.
  std::string bytes = site.read(".herald-cache/parse");
  const std::string key = "content/pages/about.md\n";
  size_t key_at = bytes.find(key);
  REQUIRE(key_at != std::string::npos);
  size_t length_at = key_at + key.size() + 40;  // past the blob id: the entry's length
  uint64_t length = 0;
  for (int i = 0; i < 8; ++i) length |= uint64_t{static_cast<unsigned char>(bytes[length_at + i])} << (8 * i);
  size_t at = length_at + 8;
  REQUIRE(bytes[at] == '\1');
  bytes[at] = '\7';
  size_t sealed = key_at - 8;
  uint64_t checksum = XXH3_64bits(bytes.data() + sealed, at + length - sealed);
  for (int i = 0; i < 8; ++i) bytes[sealed - 8 + i] = static_cast<char>(checksum >> (8 * i));
  write_file(site.dir() + "/.herald-cache/parse", bytes);
  site.write("content/briefings/neglect.md",
             site.read("content/briefings/neglect.md") + "\nA new closing line for the briefing.\n");
  site.commit("briefing: a closing line");
  auto expected = cold_build(site, "out-cold");

  auto r = site.herald(std::string("build --verbose") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: 5 sources not parsed again"));  // not the briefing, nor about
  CHECK(read_tree(site.dir() + "/public") == expected);
  // The page parsed again is kept whole for the next build.
  auto again = site.herald(std::string("build --verbose") + kNow);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(contains(again.err, "from the build cache: 7 sources not parsed again"));
  CHECK(read_tree(site.dir() + "/public") == expected);
}

TEST_CASE("a build that parsed a few files writes them to the journal, not the whole parse cache again") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string base = site.read(".herald-cache/parse");
  REQUIRE_FALSE(base.empty());
  CHECK_FALSE(site.exists(".herald-cache/parse-journal"));

  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, in the journal.\n");
  site.commit("about: the journal");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(site.read(".herald-cache/parse") == base);
  REQUIRE(site.exists(".herald-cache/parse-journal"));
  CHECK(contains(site.read(".herald-cache/parse-journal"), "in the journal"));

  // The next build takes every file from the base and the journal together.
  auto again = site.herald(std::string("build --verbose") + kNow);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(contains(again.err, "from the build cache: 7 sources not parsed again"));
  auto expected = cold_build(site, "out-cold");
  CHECK(read_tree(site.dir() + "/public") == expected);

  SUBCASE("a damaged journal is refused") {
    std::string journal = site.read(".herald-cache/parse-journal");
    journal[journal.size() / 2] ^= 0x01;
    write_file(site.dir() + "/.herald-cache/parse-journal", journal);
    auto r = site.herald(std::string("build --verbose") + kNow);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "from the build cache: 6 sources not parsed again"));
    CHECK(read_tree(site.dir() + "/public") == expected);
  }
  SUBCASE("a changed herald.yaml makes both stale: the base is written whole") {
    std::string yaml = site.read("herald.yaml");
    site.write("herald.yaml", yaml + "feed_items: 15\n");
    site.commit("config: more feed items");
    auto r = site.herald(std::string("build --verbose") + kNow);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "from the build cache: 0 sources not parsed again"));
    CHECK_FALSE(site.exists(".herald-cache/parse-journal"));
    CHECK(site.read(".herald-cache/parse") != base);
  }
}

TEST_CASE("a page taken from the parse cache gives the same messages as when it was parsed") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/links.md", "---\ntitle: Links\n---\n\n[click here](https://example.org/)\n");
  // Reported after parsing (by Assemble), quoting a file the second build
  // does not read (no PDF: a page with one is always parsed again).
  site.write("content/procedures/children/overdue.md",
             "---\ntitle: Overdue\norder: 2\nreview_due: 2024-03-31\npdf: false\n---\n\nText.\n");
  site.commit("the site");
  auto first = site.herald(std::string("build --verbose") + kNow);
  auto second = site.herald(std::string("build --verbose") + kNow);
  INFO(first.err);
  INFO(second.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  CHECK(contains(first.err, "content/pages/links.md:5:1: warning:"));
  CHECK(contains(first.err, "content/procedures/children/overdue.md:4:13: warning: this chapter was due for review"));
  CHECK(contains(first.err, "review_due: 2024-03-31"));  // the line, quoted
  CHECK(contains(second.err, "sources not parsed again"));
  CHECK_FALSE(contains(second.err, " 0 sources not parsed again"));
  auto messages = [](const std::string& err) { return err.substr(0, err.find("herald: ")); };
  CHECK(messages(first.err) == messages(second.err));
}

TEST_CASE("builds into two output folders keep their own records") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  REQUIRE(site.herald(std::string("build --drafts --out with-drafts") + kNow).exit_code == 0);
  auto r = site.herald(std::string("build --verbose") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, " 0 pages not rendered again"));
}

TEST_CASE("a cache made for one output folder is not used for another") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build --out out-a") + kNow).exit_code == 0);
  std::string records_a = records_of(site);
  REQUIRE(site.herald(std::string("build --out out-b") + kNow).exit_code == 0);
  std::string records_b;
  for (const auto& entry : std::filesystem::directory_iterator(site.dir() + "/.herald-cache"))
    if (entry.path().filename().string().rfind("outputs-", 0) == 0 && ".herald-cache/" + entry.path().filename().string() != records_a)
      records_b = entry.path().string();
  REQUIRE_FALSE(records_b.empty());
  // out-b is made a copy of out-a (sizes and times kept), and out-a's records
  // are put in the place of out-b's: they name another folder, so are refused.
  REQUIRE(std::system(("rm -rf " + site.dir() + "/out-b && cp -a " + site.dir() + "/out-a " + site.dir() +
                       "/out-b && cp " + site.dir() + "/" + records_a + " " + records_b).c_str()) == 0);
  auto r = site.herald(std::string("build --verbose --out out-b") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, " 0 pages not rendered again"));
}

TEST_CASE("a failed build leaves the cache describing the site that is still published") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string records = records_of(site);
  std::string before = site.read(records);
  site.write("content/pages/about.md", "---\ntitle: About us\ndate: not a date\n---\n\nWho we are.\n");
  site.commit("about: a broken date");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 1);
  CHECK(site.read(records) == before);
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, mended.\n");
  site.commit("about: mended");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));
}

TEST_CASE("what a page shows of other pages, the releases and the clock is never taken stale from the cache") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/procedures/children/assessment.md",
             "---\ntitle: Assessment\norder: 2\nreview_due: 2024-09-30\namendment: First version.\n---\n\nAssess.\n");
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  // A neighbour's new title, a release tag (every chapter's history), and a
  // later clock (the conference over, a review overdue), one build each.
  site.write("content/procedures/children/assessment.md",
             "---\ntitle: Assessment of need\norder: 2\nreview_due: 2024-09-30\namendment: Renamed.\n---\n\nAssess.\n");
  site.commit("assessment: a clearer title");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(contains(site.read("public/procedures/children/referrals/index.html"), "Assessment of need"));
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));
  site.tag("procedures-2024-07");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(contains(site.read("public/procedures/children/referrals/index.html"), "procedures-2024-07"));
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));
  const char* later = " --now 2024-10-15T12:00:00";
  REQUIRE(site.herald(std::string("build") + later).exit_code == 0);
  auto r = site.herald("build --out out-later" + std::string(later));
  REQUIRE(r.exit_code == 0);
  CHECK(read_tree(site.dir() + "/public") == read_tree(site.dir() + "/out-later"));
}

TEST_CASE("a PDF is linked when nothing it shows changed, else drawn again from its page's source") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/procedures/children/assessment.md",
             "---\ntitle: Assessment\norder: 2\nreview_due: 2024-09-30\namendment: First version.\n---\n\n"
             "## What to do\n\n- Assess.\n- Record.\n");
  site.commit("the site");
  const std::string briefing = "public/briefings/neglect/neglect.pdf",
                    chapter = "public/procedures/children/assessment/assessment.pdf",
                    newsletter = "public/newsletters/spring-2024/spring-2024.pdf";
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  ino_t briefing_inode = inode(site, briefing), chapter_inode = inode(site, chapter);

  // A commit that changes another page: these PDFs are the same files, linked.
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and where.\n");
  site.commit("about: where");
  auto r = site.herald(std::string("build --verbose") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: 7 sources not parsed again"));
  CHECK(inode(site, briefing) == briefing_inode);
  CHECK(inode(site, chapter) == chapter_inode);
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));

  // A release tag changes every chapter's history, not its source: the
  // chapter, from the parse cache without its Markdown tree, is parsed again
  // for its PDF, which must be what a build without any cache draws.
  site.tag("procedures-2024-07");
  r = site.herald(std::string("build --verbose") + kNow);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: 8 sources not parsed again"));
  CHECK(inode(site, chapter) != chapter_inode);
  CHECK(inode(site, briefing) == briefing_inode);
  CHECK(read_tree(site.dir() + "/public") == cold_build(site, "out-cold"));

  // The clock makes the review overdue: the chapter's PDF says so.
  const char* later = " --now 2024-10-15T12:00:00";
  REQUIRE(site.herald(std::string("build") + later).exit_code == 0);
  REQUIRE(site.herald("build --out out-later" + std::string(later)).exit_code == 0);
  CHECK(site.read(chapter) == site.read("out-later/procedures/children/assessment/assessment.pdf"));
  CHECK(site.read(newsletter) == site.read("out-later/newsletters/spring-2024/spring-2024.pdf"));
}

TEST_CASE("a PDF that gave warnings is drawn again on every build, so that they are given every time") {
  TempSite site;
  site.write_minimal_site();
  std::string words;
  for (int i = 0; i < 450; ++i) words += "word ";
  site.write("content/briefings/long.md",
             "---\ntitle: A long briefing\ndate: 2024-04-01\nreview_type: lcspr\naudience: [practitioners]\n---\n\n"
             "Lead paragraph.\n\n"
             "## 1. Purpose\n\n" + words + "\n\n## 2. Background\n\n" + words + "\n\n## 3. The case\n\nWho.\n\n"
             "## 4. Learning\n\nLearn.\n\n## 5. Good practice\n\nGood.\n\n## 6. Questions\n\nAsk.\n\n"
             "## 7. Resources\n\nRead.\n");
  site.commit("the site");
  auto first = site.herald(std::string("build") + kNow);
  auto second = site.herald(std::string("build --verbose") + kNow);
  INFO(first.err);
  INFO(second.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  CHECK(contains(first.err, "content/briefings/long.md:7:1: warning: this briefing does not fit on one A4 page"));
  auto messages = [](const std::string& err) { return err.substr(0, err.find("herald: ")); };
  CHECK(messages(first.err) == messages(second.err));
}

TEST_CASE("a damaged history, or another repository's, costs time, never correctness") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site", "2024-01-10T10:00:00+00:00");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  std::string history = site.read(".herald-cache/history");
  REQUIRE(contains(history, "content/briefings/neglect.md"));
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and what we do.\n");
  site.commit("about: what we do", "2024-02-10T10:00:00+00:00");
  auto expected = cold_build(site, "out-cold");

  SUBCASE("a byte changed") {
    history[history.size() / 2] ^= 0x01;
    write_file(site.dir() + "/.herald-cache/history", history);
  }
  SUBCASE("another repository's") {
    TempSite other;
    other.write_minimal_site();
    other.commit("another site", "2023-05-01T10:00:00+00:00");
    REQUIRE(other.herald(std::string("build") + kNow).exit_code == 0);
    write_file(site.dir() + "/.herald-cache/history", other.read(".herald-cache/history"));
  }
  SUBCASE("as it was: only the new commit is diffed") {}
  auto r = site.herald(std::string("build") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_tree(site.dir() + "/public") == expected);
  std::string head = site.git("rev-parse HEAD");
  CHECK(contains(site.read(".herald-cache/history"), "head\t" + head.substr(0, head.find('\n')) + "\t"));
}

TEST_CASE("each rebuild starts from the site before last, and ends exactly as a build without the cache") {
  TempSite site;
  site.write_minimal_site();
  site.write("static/notes/old.txt", "a folder of notes\n");
  site.commit("the site");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  struct Step {
    std::string what;
    std::function<void()> change;
  };
  std::vector<Step> steps = {
      {"a page changed",
       [&] { site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and where.\n"); }},
      {"a page added, and a folder of static files made one file",
       [&] {
         site.write("content/pages/help.md", "---\ntitle: Help\n---\n\nWhere to get help.\n");
         site.remove("static/notes/old.txt");
         site.remove("static/notes");  // the folder, empty now
         site.write("static/notes", "one file now\n");
       }},
      {"that page deleted, and the file made a folder again",
       [&] {
         site.remove("content/pages/help.md");
         site.remove("static/notes");
         site.write("static/notes/new.txt", "a folder again\n");
       }},
      {"nothing changed", [] {}},
      {"a briefing's text changed: its page and the feeds that carry it",
       [&] { site.write("content/briefings/neglect.md", site.read("content/briefings/neglect.md") + "\nOne more thing.\n"); }},
      {"the first page as it was", [&] { site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are.\n"); }},
  };
  auto before = listing(site.dir() + "/public");
  for (const Step& step : steps) {
    CAPTURE(step.what);
    step.change();
    site.commit(step.what);
    auto r = site.herald(std::string("build --verbose") + kNow);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(listing(site.dir() + "/public") == cold_listing(site));
    // The site this build replaced is kept whole, for the next build to start from.
    CHECK(listing(spare_of(site)) == before);
    before = listing(site.dir() + "/public");
    if (step.what.find("one file") != std::string::npos) CHECK(site.read("public/notes") == "one file now\n");
  }
  CHECK(contains(site.read("public/notes/new.txt"), "a folder again"));
  CHECK(contains(site.read("public/briefings/feed.xml"), "One more thing."));
  CHECK_FALSE(site.exists("public/help/index.html"));
}

TEST_CASE("what is changed by hand in the spare site, or added to it, never reaches the published site") {
  TempSite site;
  std::string spare = built_twice(site);
  SUBCASE("a page edited") { write_file(spare + "/briefings/neglect/index.html", "edited by hand\n"); }
  SUBCASE("a page edited, keeping its size and time") {
    std::string page = spare + "/briefings/neglect/index.html";
    struct stat st {};
    REQUIRE(::stat(page.c_str(), &st) == 0);
    std::string bytes = read_file(page);
    bytes[bytes.find("<title>") + 7] ^= 0x20;
    write_file(page + ".new", bytes);
    REQUIRE(std::rename((page + ".new").c_str(), page.c_str()) == 0);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, page.c_str(), times, 0) == 0);
    // The same size and time, but another file (as an editor saves one).
  }
  SUBCASE("a page deleted") { std::remove((spare + "/briefings/neglect/index.html").c_str()); }
  SUBCASE("an old search index and a stray file at the top") {
    write_file(spare + "/pagefind/pagefind.js", "an old index\n");
    write_file(spare + "/stray.txt", "not part of the site\n");
  }
  SUBCASE("a folder where a page was") {
    std::remove((spare + "/briefings/neglect/index.html").c_str());
    std::filesystem::create_directories(spare + "/briefings/neglect/index.html/inside");
  }
  SUBCASE("the spare deleted") { std::filesystem::remove_all(spare); }
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are, and when.\n");
  site.commit("about: when");
  auto r = site.herald(std::string("build") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(listing(site.dir() + "/public") == cold_listing(site));
}

TEST_CASE("a build that fails while writing leaves the published site, and the next build starts afresh") {
  TempSite site;
  std::string spare = built_twice(site);
  auto published = listing(site.dir() + "/public");
  // Two sources of one file: found only once both are written.
  site.write("static/about/index.html", "<p>a page of its own</p>\n");
  site.commit("static: a clash");
  auto failed = site.herald(std::string("build") + kNow);
  INFO(failed.err);
  REQUIRE(failed.exit_code == 1);
  CHECK(contains(failed.err, "two sources write the same file '/about/index.html'"));
  CHECK(listing(site.dir() + "/public") == published);
  CHECK_FALSE(std::filesystem::exists(spare));  // it was half made into the failed site
  site.remove("static/about/index.html");
  site.commit("static: no clash");
  REQUIRE(site.herald(std::string("build") + kNow).exit_code == 0);
  CHECK(listing(site.dir() + "/public") == cold_listing(site));
}

TEST_CASE("a site whose build cache git does not ignore is told how to ignore it, and still builds with --strict") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  const std::string note =
      ".gitignore:1:1: note: the build cache .herald-cache/ is not ignored by git: add the line /.herald-cache/ to "
      ".gitignore, so that it (with its copy of the site) is never committed\n";
  auto ignored = site.herald(std::string("build --strict") + kNow);
  INFO(ignored.err);
  REQUIRE(ignored.exit_code == 0);
  CHECK_FALSE(contains(ignored.err, "not ignored by git"));
  std::string gitignore = site.read(".gitignore");
  site.write(".gitignore", gitignore.substr(0, gitignore.find("/.herald-cache/")));
  auto told = site.herald(std::string("build --strict") + kNow);
  INFO(told.err);
  CHECK(told.exit_code == 0);
  CHECK(told.err.rfind(note, 0) == 0);
}
