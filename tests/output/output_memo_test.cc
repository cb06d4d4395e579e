// Unit: the output records of the build cache — saved, read back, and refused when stale or damaged.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "output/output_memo.h"
#include "support/site_builder.h"

using herald::Hash128;
using herald::OutputMemo;
using herald::OutputRecord;

using herald::test::read_file;
using herald::test::write_file;

namespace {

std::string temp_file() {
  char name[] = "/tmp/herald-memo-XXXXXX";
  int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  ::close(fd);
  return name;
}

void save_memo(const std::string& file) {
  OutputMemo memo;
  memo.record("briefings/neglect/index.html", {Hash128{0x0123456789abcdefull, 42}, 5120, 1700000000123456789, 918273});
  memo.record("index.html", {Hash128{7, 0xfedcba9876543210ull}, 300, 1700000001000000000, 5});
  std::string error;
  REQUIRE(OutputMemo::save(file, "herald 1\ntheme x\nout /site/public", memo.lines(), false, &error));
}

}  // namespace

TEST_CASE("output_memo: what one build records, the next reads back exactly") {
  std::string file = temp_file();
  save_memo(file);
  OutputMemo next;
  REQUIRE(next.load(file, "herald 1\ntheme x\nout /site/public"));
  const OutputRecord* r = next.previous("briefings/neglect/index.html");
  REQUIRE(r);
  CHECK(r->key == Hash128{0x0123456789abcdefull, 42});
  CHECK(r->size == 5120);
  CHECK(r->mtime_ns == 1700000000123456789);
  CHECK(r->inode == 918273);
  REQUIRE(next.previous("index.html"));
  CHECK(next.previous("index.html")->key == Hash128{7, 0xfedcba9876543210ull});
  CHECK_FALSE(next.previous("about/index.html"));
  std::remove(file.c_str());
}

TEST_CASE("output_memo: the previous build's records become the spare's only when the spare is kept") {
  const std::string stamp = "herald 1\ntheme x\nout /site/public";
  std::string first = temp_file(), second = temp_file();
  save_memo(first);
  OutputMemo memo;
  REQUIRE(memo.load(first, stamp));
  CHECK_FALSE(memo.has_spare());
  memo.record("index.html", {Hash128{8, 9}, 301, 1700000002000000000, 6});
  OutputMemo::Lines lines = memo.lines();
  std::string error;

  REQUIRE(OutputMemo::save(second, stamp, lines, true, &error));
  OutputMemo kept;
  REQUIRE(kept.load(second, stamp));
  CHECK(kept.previous("index.html")->key == Hash128{8, 9});
  CHECK_FALSE(kept.previous("briefings/neglect/index.html"));
  REQUIRE(kept.spare("briefings/neglect/index.html"));
  CHECK(kept.spare("briefings/neglect/index.html")->inode == 918273);
  CHECK(kept.spare("index.html")->key == Hash128{7, 0xfedcba9876543210ull});
  CHECK(kept.spare_paths().size() == 2);

  REQUIRE(OutputMemo::save(second, stamp, lines, false, &error));
  OutputMemo without;
  REQUIRE(without.load(second, stamp));
  CHECK(without.previous("index.html")->key == Hash128{8, 9});
  CHECK_FALSE(without.has_spare());
  CHECK_FALSE(without.spare("index.html"));
  std::remove(first.c_str());
  std::remove(second.c_str());
}

TEST_CASE("output_memo: another stamp, a missing file or any damage gives no records") {
  std::string file = temp_file();
  save_memo(file);
  std::string good = read_file(file);
  OutputMemo memo;
  CHECK_FALSE(memo.load(file, "herald 2\ntheme x\nout /site/public"));
  CHECK_FALSE(memo.previous("index.html"));
  CHECK_FALSE(memo.load(file + ".missing", "herald 1\ntheme x\nout /site/public"));
  // Every truncation and every single changed byte is refused.
  for (size_t cut = 0; cut < good.size(); ++cut) {
    write_file(file, good.substr(0, cut));
    CAPTURE(cut);
    CHECK_FALSE(memo.load(file, "herald 1\ntheme x\nout /site/public"));
    CHECK_FALSE(memo.previous("index.html"));
  }
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    write_file(file, bad);
    CAPTURE(at);
    CHECK_FALSE(memo.load(file, "herald 1\ntheme x\nout /site/public"));
  }
  write_file(file, good + "garbage\n");
  CHECK_FALSE(memo.load(file, "herald 1\ntheme x\nout /site/public"));
  std::remove(file.c_str());
}
