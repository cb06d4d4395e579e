// Tests for core/invisible: invisible characters found, named and pointed at.
#include "core/invisible.h"

#include <doctest/doctest.h>

#include "core/diagnostic.h"
#include "core/printable.h"

using namespace herald;

TEST_CASE("invisible characters are found with their place and name") {
  auto nbsp = find_invisible("neglect\xc2\xa0guide");
  REQUIRE(nbsp);
  CHECK(nbsp->offset == 7);
  CHECK(nbsp->length == 2);
  CHECK(nbsp->name == "a non-breaking space");
  CHECK_FALSE(nbsp->zero_width);
  CHECK(nbsp->bytes("neglect\xc2\xa0guide") == "\xc2\xa0");
  auto zwsp = find_invisible("lado\xe2\x80\x8b");
  REQUIRE(zwsp);
  CHECK(zwsp->offset == 4);
  CHECK(zwsp->length == 3);
  CHECK(zwsp->name == "a zero-width space");
  CHECK(zwsp->zero_width);
  CHECK(find_invisible("co\xc2\xadordinator")->name == "a soft hyphen");
  CHECK(find_invisible("\xef\xbb\xbf" "2024-04-12")->name == "a zero-width no-break space (byte order mark)");
  CHECK(find_invisible("a\xe2\x81\xa0" "b")->name == "a word joiner");
  CHECK(find_invisible("0116\xe2\x80\xaf" "496")->name == "a narrow non-breaking space");
  // The first of several; other characters, however unusual, are not invisible.
  CHECK(find_invisible("caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x8b\xc2\xa0")->offset == 10);
  CHECK_FALSE(find_invisible("café – ‘quoted’ 😀 \xe2\x80\x8d"));
  CHECK_FALSE(find_invisible("bad \xff\xfe bytes \xe2\x80"));
  CHECK_FALSE(find_invisible(""));
}

TEST_CASE("the note says what the character is, where, and whether it shows at all") {
  CHECK(invisible_note("neglect\xc2\xa0guide") ==
        "it contains a non-breaking space after 'neglect', which looks like a space but is not one");
  CHECK(invisible_note("lado\xe2\x80\x8b") == "it contains a zero-width space at the end, which cannot be seen");
  CHECK(invisible_note("\xef\xbb\xbf" "2024") ==
        "it contains a zero-width no-break space (byte order mark) at the start, which cannot be seen");
  CHECK(invisible_note("a-very-long-slug-that-goes-on-and-on\xc2\xad" "x") ==
        "it contains a soft hyphen after '…slug-that-goes-on-and-on', which cannot be seen");
  CHECK(invisible_note("plain") == "");
}

TEST_CASE("a column is moved onto the invisible character on its line") {
  std::string_view source = "title: A\nslug: \"neglect\xe2\x80\x8bguide\"\n";
  CHECK(column_on_line(source, 2, 7, "\xe2\x80\x8b") == 15);
  CHECK(column_on_line(source, 2, 7, "\xc2\xa0") == 7);  // not there: the column as given
  CHECK(column_on_line(source, 3, 1, "\xe2\x80\x8b") == 1);
  CHECK(column_on_line(source, 9, 4, "x") == 4);
  CHECK(column_on_line(source, 1, 50, "A") == 50);
}

TEST_CASE("zero-width characters are shown escaped, so that the caret has something to point at") {
  CHECK(printable("lado\xe2\x80\x8b!") == "lado\\u200b!");
  CHECK(printable("co\xc2\xadordinator") == "co\\u00adordinator");
  CHECK(printable("\xef\xbb\xbfx\xe2\x81\xa0y") == "\\ufeffx\\u2060y");
  // A non-breaking space shows as a space, and stays one.
  CHECK(printable("10\xc2\xa0" "am") == "10\xc2\xa0" "am");
  Diagnostics diags;
  diags.add_source("a.md", "slug: neglect\xe2\x80\x8bguide\ndate: 2024-04-12\xc2\xa0\n");
  CHECK(diags.format_text({Severity::error, {"a.md", 1, 14}, "m"}) ==
        "a.md:1:14: error: m\n"
        "  slug: neglect\\u200bguide\n"
        "               ^\n");
  CHECK(diags.format_text({Severity::error, {"a.md", 2, 17}, "m"}) ==
        "a.md:2:17: error: m\n"
        "  date: 2024-04-12\xc2\xa0\n"
        "                  ^\n");
}
