// Tests for core/yaml_error: a tab or an invisible character that breaks YAML is named at its place.
#include "core/yaml_error.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>

using namespace herald;

namespace {

/// yaml-cpp's error for `yaml`, explained: "line:column: message", or "" when
/// it parses or the error is about something else.
std::string explained(const std::string& yaml) {
  try {
    YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    auto hint = explain_yaml_error(yaml, e.mark.line);
    if (!hint) return "";
    return std::to_string(hint->line) + ":" + std::to_string(hint->column) + ": " + hint->message;
  }
  return "";
}

const std::string kTab = "a tab character: YAML needs spaces to indent; replace the tab with spaces";

}  // namespace

TEST_CASE("a tab indenting a line of YAML is named at its line and column") {
  CHECK(explained("title: X\n\tdate: 2024-01-01\n") == "2:1: " + kTab);  // "illegal tab when looking for indentation"
  CHECK(explained("title: X\nsection:\n\tkey: v\n") == "3:1: " + kTab);  // "illegal map value"
  CHECK(explained("title: X\ntopics:\n\t- neglect\n") == "3:1: " + kTab);  // "illegal block entry"
  CHECK(explained("- id: a\n  phones:\n  \t- number: 1\n") == "3:3: " + kTab);
  CHECK(explained("\ttitle: X\n") == "1:1: " + kTab);
  CHECK(explained("a:\n  b: 1\n \tc: 2\n") == "3:2: " + kTab);
  CHECK(explained("title: a\n\t\nx: 1\n") == "2:1: " + kTab);
  CHECK(explained("- id: a\r\n\tname: B\r\n") == "2:1: " + kTab);
}

TEST_CASE("an invisible character indenting the line of a YAML error is named") {
  // yaml-cpp mostly reads such a line as more of the value above it; where
  // it does stop there, the character is what to point at.
  auto hint = explain_yaml_error("title: X\ntopics:\n\xc2\xa0 - b\n", 2);
  REQUIRE(hint);
  CHECK(hint->line == 3);
  CHECK(hint->column == 1);
  CHECK(hint->message ==
        "a non-breaking space, which looks like a space but is not one: YAML needs ordinary spaces to indent; "
        "delete it and indent with spaces");
  hint = explain_yaml_error("x: 1\n \xe2\x80\x8b\t- y\n", 1);
  REQUIRE(hint);
  CHECK(hint->column == 2);
  CHECK(hint->message.rfind("a zero-width space, which cannot be seen: ", 0) == 0);
  // The tab comes first here.
  hint = explain_yaml_error("x: 1\n \t\xc2\xa0y\n", 1);
  REQUIRE(hint);
  CHECK(hint->column == 2);
  CHECK(hint->message.rfind("a tab character", 0) == 0);
}

TEST_CASE("other YAML errors, and tabs that are not indentation, are left to yaml-cpp's message") {
  CHECK(explained("title: [a,\n") == "");
  CHECK(explained("title: Front: Door\n") == "");
  CHECK(explained("title: X\ndate:\t[\n") == "");
  // Tabs inside values and after a colon are fine.
  CHECK(explained("title:\tX\nsummary: \"a\tb\"\n") == "");
  CHECK_FALSE(explain_yaml_error("a: 1\n", -1));
  CHECK_FALSE(explain_yaml_error("a: 1\n", 7));
}
