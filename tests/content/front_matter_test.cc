// Tests for content/front_matter: splitting, YAML errors at file lines, locations.
#include <doctest/doctest.h>

#include "content/front_matter.h"

using namespace herald;

TEST_CASE("front matter is split from the body with the body's line offset") {
  Diagnostics diags;
  std::string text = "---\ntitle: Hello\ndate: 2024-01-01\n---\n\nBody text.\n";
  auto split = split_front_matter(text, "content/pages/a.md", diags);
  REQUIRE(split);
  CHECK(split->yaml == "title: Hello\ndate: 2024-01-01\n");
  CHECK(split->body == "\nBody text.\n");
  CHECK(split->body_line_offset == 4);
  auto fm = FrontMatter::parse(*split, "content/pages/a.md", diags);
  REQUIRE(fm);
  CHECK(fm->get("title")->scalar() == "Hello");
  CHECK(fm->where("date").line == 3);
  CHECK(fm->where("date").column == 7);
  CHECK(fm->keys() == std::vector<std::string>{"title", "date"});
}

TEST_CASE("a file without front matter, or never closed, is an error at line 1") {
  Diagnostics diags;
  CHECK_FALSE(split_front_matter("# Title\n", "a.md", diags));
  CHECK_FALSE(split_front_matter("---\ntitle: x\n", "b.md", diags));
  auto all = diags.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].message ==
        "the file must start with front matter: a line '---', fields such as 'title: ...', then another '---'");
  CHECK(all[1].message == "the front matter is not closed: add a line '---' after its fields");
}

TEST_CASE("invalid YAML is reported at the line in the Markdown file") {
  Diagnostics diags;
  std::string text = "---\ntitle: Fine\ntopics: [neglect\n---\nBody\n";
  auto split = split_front_matter(text, "content/briefings/x.md", diags);
  REQUIRE(split);
  CHECK_FALSE(FrontMatter::parse(*split, "content/briefings/x.md", diags));
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].where.line == 4);
  CHECK(all[0].message.rfind("invalid front matter: ", 0) == 0);
}

TEST_CASE("a repeated field is an error; CRLF and a byte order mark are accepted") {
  Diagnostics diags;
  std::string text = "\xEF\xBB\xBF---\r\ntitle: A\r\ntitle: B\r\n---\r\nBody\r\n";
  auto split = split_front_matter(text, "a.md", diags);
  REQUIRE(split);
  auto fm = FrontMatter::parse(*split, "a.md", diags);
  REQUIRE(fm);
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "field 'title' is given twice");
  CHECK(all[0].where.line == 3);
}

TEST_CASE("a tab indenting the front matter is named at its line and column") {
  Diagnostics diags;
  std::string text = "---\ntitle: Tabs\ntopics:\n\t- neglect\n---\nBody\n";
  auto split = split_front_matter(text, "content/pages/t.md", diags);
  REQUIRE(split);
  CHECK_FALSE(FrontMatter::parse(*split, "content/pages/t.md", diags));
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].where.line == 4);
  CHECK(all[0].where.column == 1);
  CHECK(all[0].message ==
        "invalid front matter: a tab character: YAML needs spaces to indent; replace the tab with spaces");
}

TEST_CASE("a location in the front matter can be moved onto an invisible character") {
  Diagnostics diags;
  std::string text = "---\ntitle: A\nslug: \"neglect\xc2\xa0guide\"\n---\n";
  auto split = split_front_matter(text, "a.md", diags);
  REQUIRE(split);
  auto fm = FrontMatter::parse(*split, "a.md", diags);
  REQUIRE(fm);
  std::string slug = fm->get("slug")->scalar();
  CHECK(fm->where("slug").column == 7);
  CHECK(fm->at_invisible(fm->where("slug"), slug).column == 15);
  CHECK(fm->at_invisible(fm->where("title"), "A").column == 8);
}
