// Tests for content/meeting_body: restricted items withheld from the Markdown, agenda items and decisions read.
#include <doctest/doctest.h>

#include "content/meeting_body.h"
#include "core/text.h"

using namespace herald;

TEST_CASE("a restricted item's text is taken out, its lines kept as blank lines") {
  std::string body =
      "Intro.\n\n## 1. Welcome\n\nHello.\n\n## 9. Case review\n\nSECRET one.\n\n### Detail\n\nSECRET two.\n\n"
      "## 10. Other business\n\nNone.\n";
  std::vector<int> found;
  std::string out = withhold_restricted_items(body, {9}, &found);
  CHECK(found == std::vector<int>{9});
  CHECK_FALSE(contains_ignoring_case(out, "secret"));
  CHECK_FALSE(contains_ignoring_case(out, "case review"));
  CHECK(out.find("## 9. Restricted item\nItem 9 is not published.\n") != std::string::npos);
  CHECK(out.find("## 10. Other business\n\nNone.") != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') == std::count(body.begin(), body.end(), '\n'));
}

TEST_CASE("an item written as 'Item 9:' or with no full stop is found, and one in a code block is not a heading") {
  std::vector<int> found;
  std::string out = withhold_restricted_items("## Item 9: Case\nSECRET\n```\n## 10. not a heading\nSECRET\n```\n", {9},
                                              &found);
  CHECK(found == std::vector<int>{9});
  CHECK_FALSE(contains_ignoring_case(out, "secret"));
  found.clear();
  out = withhold_restricted_items("## 9 Case\n## 10. Next\nText\n", {9}, &found);
  CHECK(found == std::vector<int>{9});
  // An item with no line of its own gets one for the sentence.
  CHECK(out == "## 9. Restricted item\nItem 9 is not published.\n## 10. Next\nText\n");
}

TEST_CASE("nothing is withheld when no item is restricted, or the number is not there") {
  std::vector<int> found;
  CHECK(withhold_restricted_items("## 1. A\nText\n", {}, &found) == "## 1. A\nText\n");
  CHECK(withhold_restricted_items("## 1. A\nText\n", {2}, &found) == "## 1. A\nText\n");
  CHECK(found.empty());
}

TEST_CASE("level-2 headings") {
  CHECK(level2_heading("## 4. Update") == "4. Update");
  CHECK(level2_heading("  ## 4. Update ##") == "4. Update");
  CHECK(level2_heading("### 4. Update").empty());
  CHECK(level2_heading("##4").empty());
}

TEST_CASE("decisions are read with the item they are under") {
  Meeting m;
  m.restricted = {3};
  std::vector<Heading> headings = {{2, "1. Welcome", "1-welcome", 1, ""}, {2, "3. Restricted item", "3-restricted-item", 5, ""}};
  read_agenda("## 1. Welcome\n> [!DECISION]\n> Agreed *this*.\n> And `that`.\n\n> [!NOTE]\n> Not a decision.\n"
              "## 3. Restricted item\n> [!decision]\n",
              headings, m);
  REQUIRE(m.items.size() == 2);
  CHECK(m.items[0].number == 1);
  CHECK(m.items[0].title == "Welcome");
  CHECK(m.items[1].restricted);
  REQUIRE(m.decisions.size() == 1);  // the empty one is not listed
  CHECK(m.decisions[0].item == 1);
  CHECK(m.decisions[0].text == "Agreed this. And that.");
}
