// Unit: the chapter facts of the build cache — exact round trip, and any damage refused.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cache/chapter_memo.h"
#include "support/site_builder.h"

using herald::ChapterFacts;
using herald::ChapterMemo;
namespace fs = std::filesystem;

using herald::test::read_file;
using herald::test::write_file;

namespace {

const std::string kBlobA = "0123456789abcdef0123456789abcdef01234567";
const std::string kBlobB = "fedcba9876543210fedcba9876543210fedcba98";
const std::string kStamp = "herald 0.1.0 123 456.789";

ChapterFacts tricky() {
  ChapterFacts f;
  f.readable = true;
  f.title = "Tabs\there, a new\nline, a back\\slash and \\t written out";
  f.amendment = "end of the line\r\nend ";
  f.draft = "yes";
  f.date = "2024-03-01T09:00:00+00:00";
  f.expires = "";
  f.reread = true;
  f.amendment_line = 12;
  return f;
}

}  // namespace

TEST_CASE("chapter_memo: facts come back exactly, and unused ones are dropped") {
  std::string dir = herald::test::make_temp_dir("herald-chapters-");
  std::string file = dir + "/chapters";
  {
    ChapterMemo memo;
    memo.add(kBlobA, tricky());
    memo.add(kBlobB, ChapterFacts{});
    std::string error;
    REQUIRE(memo.save(file, kStamp, &error));
  }
  ChapterMemo next;
  REQUIRE(next.load(file, kStamp));
  const ChapterFacts* a = next.find(kBlobA);
  REQUIRE(a);
  ChapterFacts want = tricky();
  CHECK(a->readable);
  CHECK(a->title == want.title);
  CHECK(a->amendment == want.amendment);
  CHECK(a->draft == want.draft);
  CHECK(a->date == want.date);
  CHECK(a->expires.empty());
  CHECK(a->reread);
  CHECK(a->amendment_line == 12);
  // B was not asked for in this build: the next save leaves it out.
  std::string error;
  REQUIRE(next.save(file, kStamp, &error));
  ChapterMemo third;
  REQUIRE(third.load(file, kStamp));
  CHECK(third.find(kBlobA));
  CHECK_FALSE(third.find(kBlobB));
  fs::remove_all(dir);
}

TEST_CASE("chapter_memo: offered facts are kept only when a release asks for them, and never replace known ones") {
  std::string dir = herald::test::make_temp_dir("herald-chapters-");
  std::string file = dir + "/chapters";
  std::string error;
  {
    ChapterMemo memo;
    memo.add(kBlobA, tricky());
    REQUIRE(memo.save(file, kStamp, &error));
  }
  std::string saved = read_file(file);
  ChapterMemo memo;
  REQUIRE(memo.load(file, kStamp));
  ChapterFacts other;
  other.readable = true;
  other.title = "Offered";
  memo.offer(kBlobA, other);  // known already: the file's facts stay
  memo.offer(kBlobB, other);
  CHECK(memo.find(kBlobA)->title == tricky().title);
  // B offered but not asked for, A asked for as before: the file is left as it was.
  REQUIRE(memo.save(file, kStamp, &error));
  CHECK(read_file(file) == saved);
  REQUIRE(memo.find(kBlobB));
  CHECK(memo.find(kBlobB)->title == "Offered");
  REQUIRE(memo.save(file, kStamp, &error));  // now B was asked for: it is saved
  ChapterMemo next;
  REQUIRE(next.load(file, kStamp));
  REQUIRE(next.find(kBlobB));
  CHECK(next.find(kBlobB)->title == "Offered");
  CHECK(next.find(kBlobA));
  fs::remove_all(dir);
}

TEST_CASE("chapter_memo: another stamp, a truncation, a changed byte or trailing bytes give no facts") {
  std::string dir = herald::test::make_temp_dir("herald-chapters-");
  std::string file = dir + "/chapters";
  ChapterMemo memo;
  memo.add(kBlobA, tricky());
  std::string error;
  REQUIRE(memo.save(file, kStamp, &error));
  std::string good = read_file(file);
  ChapterMemo loaded;
  CHECK_FALSE(loaded.load(file, kStamp + " other"));
  CHECK_FALSE(loaded.find(kBlobA));
  for (size_t cut = 0; cut < good.size(); ++cut) {
    write_file(file, good.substr(0, cut));
    CAPTURE(cut);
    CHECK_FALSE(loaded.load(file, kStamp));
  }
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    write_file(file, bad);
    CAPTURE(at);
    CHECK_FALSE(loaded.load(file, kStamp));
  }
  write_file(file, good + "x");
  CHECK_FALSE(loaded.load(file, kStamp));
  CHECK_FALSE(loaded.find(kBlobA));
  fs::remove_all(dir);
}
