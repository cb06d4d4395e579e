// Unit: checked files — the body comes back only from the file exactly as written.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/checked_file.h"
#include "support/site_builder.h"

using herald::read_checked_file;
using herald::write_checked_file;

using herald::test::read_file;
using herald::test::write_file;

TEST_CASE("checked_file: the body comes back, and nothing but the file is left in its folder") {
  std::string dir = herald::test::make_temp_dir("herald-checked-");
  std::string file = dir + "/f";
  std::string error;
  REQUIRE(write_checked_file(file, "magic 1", "stamp a", "line one\nend of line two\n", &error));
  CHECK(read_checked_file(file, "magic 1", "stamp a") == "line one\nend of line two\n");
  REQUIRE(write_checked_file(file, "magic 1", "stamp a", "", &error));
  CHECK(read_checked_file(file, "magic 1", "stamp a") == "");
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("checked_file: another magic or stamp, any cut, changed or added byte is refused") {
  std::string dir = herald::test::make_temp_dir("herald-checked-");
  std::string file = dir + "/f";
  std::string error;
  REQUIRE(write_checked_file(file, "magic 1", "stamp a", "x\ty\n", &error));
  std::string good = read_file(file);
  CHECK_FALSE(read_checked_file(file, "magic 2", "stamp a"));
  CHECK_FALSE(read_checked_file(file, "magic 1", "stamp b"));
  CHECK_FALSE(read_checked_file(dir + "/missing", "magic 1", "stamp a"));
  for (size_t cut = 0; cut < good.size(); ++cut) {
    write_file(file, good.substr(0, cut));
    CAPTURE(cut);
    CHECK_FALSE(read_checked_file(file, "magic 1", "stamp a"));
  }
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    write_file(file, bad);
    CAPTURE(at);
    CHECK_FALSE(read_checked_file(file, "magic 1", "stamp a"));
  }
  write_file(file, good + "x");
  CHECK_FALSE(read_checked_file(file, "magic 1", "stamp a"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("fields of a tab-separated line come back exactly, and a stray backslash is refused") {
  for (std::string field : {std::string(), std::string("plain"), std::string("tab\there"), std::string("line\nbreak\r\n"),
                            std::string("back\\slash \\t written out"), std::string("\\")}) {
    CAPTURE(field);
    std::string escaped = herald::escape_field(field), back;
    CHECK(escaped.find_first_of("\t\n\r") == std::string::npos);
    REQUIRE(herald::unescape_field(escaped, &back));
    CHECK(back == field);
  }
  std::string out;
  CHECK_FALSE(herald::unescape_field("ends with \\", &out));
  CHECK_FALSE(herald::unescape_field("\\x", &out));
  CHECK(herald::split_fields("a\t\tb") == std::vector<std::string_view>{"a", "", "b"});
  CHECK(herald::split_fields("") == std::vector<std::string_view>{""});
  // A reader of many lines reuses its string and its list: nothing of the line before is left.
  out = "what the line before held";
  REQUIRE(herald::unescape_field("plain", &out));
  CHECK(out == "plain");
  REQUIRE(herald::unescape_field("tab\\there", &out));
  CHECK(out == "tab\there");  // the escape is read: a tab
  std::vector<std::string_view> fields{"left", "from", "before"};
  herald::split_fields("one\ttwo", fields);
  CHECK(fields == std::vector<std::string_view>{"one", "two"});
}
