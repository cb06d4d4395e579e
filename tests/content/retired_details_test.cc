// Tests for content/retired_details: old numbers and addresses found wherever they are.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "content/retired_details.h"

using namespace herald;

namespace {

ContactDirectory directory(Diagnostics& diags) {
  return ContactDirectory::parse(
      "- id: front-door\n"
      "  name: Children's Front Door\n"
      "  phones: [{number: \"0116 496 0000\"}]\n"
      "  replaces: [\"0116 255 1606\", \"Old-Team@Testshire.example\"]\n",
      "data/contacts.yaml", TimeZone("Europe/London"), diags);
}

std::vector<std::string> scan(const std::string& text, bool strict = false) {
  Diagnostics diags;
  ContactDirectory dir = directory(diags);
  RetiredDetails retired(dir);
  Diagnostics found;
  found.set_strict(strict);
  retired.scan(text, "content/pages/a.md", found);
  return herald::test::messages(found);
}

}  // namespace

TEST_CASE("a retired number is found whatever its spacing") {
  CHECK(scan("---\ntitle: A\n---\nCall 0116 255 1606 today.\n") ==
        std::vector<std::string>{"content/pages/a.md:4:6: warning: retired phone number '0116 255 1606' is still "
                                 "here: it was replaced by contact 'front-door' (Children's Front Door)"});
  CHECK(scan("Call 01162551606.").size() == 1);
  CHECK(scan("Call +44 116 255 1606 (24 hours).").size() == 1);
  CHECK(scan("Call +44 (0)116 255 1606").size() == 1);
}

TEST_CASE("no false positives inside longer digit runs") {
  CHECK(scan("Reference 011625516067 is fine.").empty());
  CHECK(scan("Reference 9011625516 06 is fine.").empty());
  CHECK(scan("Call 0116 496 0000.").empty());
}

TEST_CASE("retired e-mail addresses are found case-insensitively") {
  CHECK(scan("Write to old-team@testshire.example.") ==
        std::vector<std::string>{"content/pages/a.md:1:10: warning: retired email address "
                                 "'old-team@testshire.example' is still here: it was replaced by contact "
                                 "'front-door' (Children's Front Door)"});
  CHECK(scan("Write to new-old-team@testshire.example.").empty());
}

TEST_CASE("--strict makes a retired detail an error") {
  auto found = scan("Call 0116 255 1606.", true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find(": error: retired phone number") != std::string::npos);
}
