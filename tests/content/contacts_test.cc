// Tests for content/contacts: the directory's rules and the shortcode HTML.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "content/contacts.h"

using namespace herald;
using herald::test::messages;

namespace {


const TimeZone kLondon("Europe/London");

}  // namespace

TEST_CASE("a valid directory is read in file order") {
  Diagnostics diags;
  auto dir = ContactDirectory::parse(
      "- id: front-door\n"
      "  name: Children's Front Door\n"
      "  organisation: Testshire Council\n"
      "  audience: [children]\n"
      "  urgent: true\n"
      "  phones:\n"
      "    - number: \"0116 496 0000\"\n"
      "      label: Office hours\n"
      "      hours: \"Mon-Fri 9-5\"\n"
      "  email: front-door@testshire.example\n"
      "  replaces: [\"0116 496 0123\"]\n"
      "  since: 2024-04-01\n"
      "- id: police\n"
      "  name: Police\n"
      "  phones: [{number: \"101\"}]\n",
      "data/contacts.yaml", kLondon, diags);
  CHECK(messages(diags).empty());
  REQUIRE(dir.contacts().size() == 2);
  const Contact* c = dir.find("front-door");
  REQUIRE(c);
  CHECK(c->phones.at(0).number.e164 == "+441164960000");
  CHECK(c->phones.at(0).hours == "Mon-Fri 9-5");
  CHECK(c->line == 1);
  CHECK(dir.urgent().size() == 1);
  CHECK(dir.find("police")->phones.at(0).number.e164 == "101");
  CHECK(dir.find("nobody") == nullptr);
  CHECK(dir.phone_html(*c) == "<a class=\"herald-phone\" href=\"tel:+441164960000\">0116 496 0000</a>");
  CHECK(dir.contact_inline_html(*c) ==
        "Children&#39;s Front Door (<a class=\"herald-phone\" href=\"tel:+441164960000\">0116 496 0000</a>)");
  std::string card = dir.contact_card_html(*c);
  CHECK(card.find("<p class=\"contact-card__name\"><strong>Children&#39;s Front Door</strong><br>Testshire Council</p>") != std::string::npos);
  CHECK(card.find("<li><a href=\"mailto:front-door@testshire.example\">front-door@testshire.example</a></li>") != std::string::npos);
  CHECK(card.find(" – Office hours (Mon-Fri 9-5)</li>") != std::string::npos);
}

TEST_CASE("every rule of the directory gives its message at the entry's line") {
  Diagnostics diags;
  ContactDirectory::parse(
      "- id: Bad_Id\n"
      "  name: Bad\n"
      "  url: https://x.example/\n"
      "- id: dup\n"
      "  name: First\n"
      "  email: a@x.example\n"
      "- id: dup\n"
      "  name: Second\n"
      "  email: b@x.example\n"
      "- id: nothing\n"
      "  name: Nothing\n"
      "- id: badphone\n"
      "  name: Bad phone\n"
      "  phones: [{number: \"0116 49\"}]\n"
      "- id: bademail\n"
      "  name: Bad email\n"
      "  email: \"foo@\"\n"
      "- id: typo\n"
      "  name: Typo\n"
      "  phnoes: []\n"
      "  url: https://x.example/\n"
      "  audience: [kids]\n"
      "- name: No id\n",
      "data/contacts.yaml", kLondon, diags);
  CHECK(messages(diags) == std::vector<std::string>{
            "data/contacts.yaml:1:7: error: contact id 'Bad_Id' must use lower-case letters, digits and hyphens",
            "data/contacts.yaml:7:7: error: contact id 'dup' is used twice (first at line 4)",
            "data/contacts.yaml:10:3: error: contact 'nothing' needs at least one of 'phones', 'email' or 'url'",
            "data/contacts.yaml:14:21: error: contact 'badphone' has an invalid phone number '0116 49': expected a UK "
            "number such as 0116 496 0000 or +44 116 496 0000, or a short code such as 999",
            "data/contacts.yaml:17:10: error: contact 'bademail' has an invalid email address 'foo@'",
            "data/contacts.yaml:20:3: warning: unknown field 'phnoes' in contact 'typo' (did you mean 'phones'?)",
            "data/contacts.yaml:22:14: error: contact 'typo' has unknown audience 'kids' (expected children, adults, "
            "families or practitioners)",
            "data/contacts.yaml:23:3: error: contact has no 'id'"});
}

TEST_CASE("the directory must be a list, and YAML errors carry the line") {
  Diagnostics diags;
  CHECK_FALSE(ContactDirectory::parse("id: x\n", "data/contacts.yaml", kLondon, diags).readable());
  CHECK_FALSE(ContactDirectory::parse("- id: [unclosed\n", "data/other.yaml", kLondon, diags).readable());
  auto all = messages(diags);
  // A file read as a list is readable, though empty or with a bad entry.
  Diagnostics more;
  CHECK(ContactDirectory::parse("", "data/contacts.yaml", kLondon, more).readable());
  CHECK(ContactDirectory::parse("- 3\n", "data/contacts.yaml", kLondon, more).readable());
  CHECK(more.has_errors());
  REQUIRE(all.size() == 2);
  CHECK(all[0].rfind("data/contacts.yaml:1:1: error: the contact directory must be a list of contacts", 0) == 0);
  CHECK(all[1].rfind("data/other.yaml:2:1: error: invalid YAML: ", 0) == 0);
}

TEST_CASE("a tab indenting the directory, or an invisible character in a value, is named where it is") {
  Diagnostics tabs;
  ContactDirectory::parse("- id: a\n\tname: A\n", "data/contacts.yaml", TimeZone("Europe/London"), tabs);
  CHECK(messages(tabs) == std::vector<std::string>{
            "data/contacts.yaml:2:1: error: invalid YAML: a tab character: YAML needs spaces to indent; replace the "
            "tab with spaces"});
  Diagnostics diags;
  ContactDirectory::parse(
      "- id: lado\xc2\xa0\n"
      "  name: LADO\n"
      "  phones: [\"0116\xe2\x80\x8b 496 0100\"]\n"
      "  email: lado@x\xc2\xa0.example\n"
      "  url: https://x.example/\xc2\xad\n"
      "  urgent: true\xc2\xa0\n",
      "data/contacts.yaml", TimeZone("Europe/London"), diags);
  CHECK(messages(diags) == std::vector<std::string>{
            "data/contacts.yaml:1:11: error: contact id 'lado\xc2\xa0' must use lower-case letters, digits and "
            "hyphens: it contains a non-breaking space at the end, which looks like a space but is not one",
            "data/contacts.yaml:3:17: error: contact 'lado\xc2\xa0' has an invalid phone number '0116\xe2\x80\x8b 496 "
            "0100': expected a UK number such as 0116 496 0000 or +44 116 496 0000, or a short code such as 999: it "
            "contains a zero-width space after '0116', which cannot be seen",
            "data/contacts.yaml:4:16: error: contact 'lado\xc2\xa0' has an invalid email address "
            "'lado@x\xc2\xa0.example': it contains a non-breaking space after 'lado@x', which looks like a space "
            "but is not one",
            "data/contacts.yaml:5:26: error: contact 'lado\xc2\xa0' has a url 'https://x.example/\xc2\xad' that "
            "cannot be used as it is: it contains a soft hyphen at the end, which cannot be seen",
            "data/contacts.yaml:6:15: error: 'urgent' must be true or false: it contains a non-breaking space at "
            "the end, which looks like a space but is not one"});
}

TEST_CASE("a contact's name, organisation and phones' labels and hours in the site's other language") {
  Diagnostics diags;
  auto dir = ContactDirectory::parse(
      "- id: front-door\n"
      "  name: Children's Front Door\n"
      "  name_cy: Drws Ffrynt Plant\n"
      "  organisation: Testshire Council\n"
      "  phones:\n"
      "    - number: \"0116 496 0000\"\n"
      "      label: Office hours\n"
      "      label_cy: Oriau swyddfa\n"
      "      hours: Monday to Friday\n",
      "data/contacts.yaml", TimeZone("Europe/London"), diags, {"en", "cy"});
  CHECK_FALSE(diags.has_errors());
  REQUIRE(dir.contacts().size() == 1);
  const Contact welsh = dir.contacts()[0].in_language("cy");
  CHECK(welsh.name == "Drws Ffrynt Plant");
  CHECK(welsh.organisation == "Testshire Council");  // no Welsh given: the plain field
  CHECK(welsh.phones[0].label == "Oriau swyddfa");
  CHECK(welsh.phones[0].hours == "Monday to Friday");
  const Contact english = dir.contacts()[0].in_language("en");
  CHECK(english.name == "Children's Front Door");
  CHECK(english.phones[0].label == "Office hours");
  CHECK(dir.in_language("cy").find("front-door")->name == "Drws Ffrynt Plant");
}

TEST_CASE("a contact's field in a language the site does not publish in is an error at its key") {
  Diagnostics diags;
  ContactDirectory::parse("- id: front-door\n  name: Front Door\n  name_cy: Drws Ffrynt\n  phones: [\"999\"]\n",
                          "data/contacts.yaml", TimeZone("Europe/London"), diags);
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "data/contacts.yaml:3:3: error: 'name_cy' gives the name of contact 'front-door' in language 'cy', but "
            "herald.yaml has no 'languages': add languages: [en-GB, cy], or remove 'name_cy'"});
  // A name that merely ends in letters is not a language: still an unknown field.
  Diagnostics other;
  ContactDirectory::parse("- id: front-door\n  name: Front Door\n  nickname: Door\n  phones: [\"999\"]\n",
                          "data/contacts.yaml", TimeZone("Europe/London"), other, {"en", "cy"});
  CHECK_FALSE(other.has_errors());
}
