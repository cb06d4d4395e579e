// Tests for output/vcard: RFC 6350 structure, escaping, folding, stable UID.
#include <doctest/doctest.h>

#include "output/vcard.h"

using namespace herald;

TEST_CASE("a contact becomes a vCard 4.0 with CRLF lines") {
  Diagnostics diags;
  auto dir = ContactDirectory::parse(
      "- id: front-door\n"
      "  name: \"Children's Advice, Support; and More\"\n"
      "  organisation: Testshire Council\n"
      "  phones:\n"
      "    - {number: \"0116 496 0000\", label: Office hours, hours: \"Mon–Fri 9–5\"}\n"
      "    - {number: \"999\"}\n"
      "  email: team@testshire.example\n"
      "  url: https://testshire.example/team\n"
      "  since: 2024-04-01\n",
      "data/contacts.yaml", TimeZone("Europe/London"), diags);
  REQUIRE(dir.contacts().size() == 1);
  std::string card = make_vcard(dir.contacts()[0], "https://safeguarding.testshire.example/");
  CHECK(card.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\n", 0) == 0);
  CHECK(card.find("FN:Children's Advice\\, Support\\; and More\r\n") != std::string::npos);
  CHECK(card.find("TEL;VALUE=uri;TYPE=voice:tel:+441164960000\r\n") != std::string::npos);
  CHECK(card.find("TEL;VALUE=uri;TYPE=voice:tel:999\r\n") != std::string::npos);
  CHECK(card.find("EMAIL:team@testshire.example\r\n") != std::string::npos);
  CHECK(card.find("REV:20240331T230000Z\r\n") != std::string::npos);
  CHECK(card.find("NOTE:0116 496 0000 (Office hours): Mon–Fri 9–5\r\n") != std::string::npos);
  CHECK(card.substr(card.size() - 11) == "END:VCARD\r\n");
  // The UID is stable and depends on the site and the id.
  std::string again = make_vcard(dir.contacts()[0], "https://safeguarding.testshire.example/");
  CHECK(again == card);
  auto uid = [](const std::string& c) { return c.substr(c.find("UID:"), 50); };
  CHECK(uid(make_vcard(dir.contacts()[0], "https://other.example/")) != uid(card));
  for (size_t i = 0; i < card.size(); ++i)
    if (card[i] == '\n') CHECK(card[i - 1] == '\r');
}

TEST_CASE("a contact's vCard in another language: its words in that language, LANGUAGE on them, the same UID") {
  Diagnostics diags;
  auto dir = ContactDirectory::parse(
      "- id: front-door\n"
      "  name: Children's Front Door\n"
      "  name_cy: Drws Ffrynt Plant\n"
      "  organisation: Testshire Council\n"
      "  phones:\n"
      "    - {number: \"0116 496 0000\", label: Office hours, label_cy: Oriau swyddfa}\n",
      "data/contacts.yaml", TimeZone("Europe/London"), diags, {"en", "cy"});
  REQUIRE(dir.contacts().size() == 1);
  const std::string top = "https://safeguarding.testshire.example/";
  std::string english = make_vcard(dir.contacts()[0], top, "en-GB", top);
  std::string welsh = make_vcard(dir.contacts()[0].in_language("cy"), top + "cy/", "cy", top);
  CHECK(welsh.find("FN;LANGUAGE=cy:Drws Ffrynt Plant\r\n") != std::string::npos);
  CHECK(welsh.find("ORG;LANGUAGE=cy:Testshire Council\r\n") != std::string::npos);
  CHECK(welsh.find("NOTE;LANGUAGE=cy:0116 496 0000: Oriau swyddfa\r\n") != std::string::npos);
  CHECK(welsh.find("SOURCE:https://safeguarding.testshire.example/cy/contacts/front-door.vcf\r\n") != std::string::npos);
  CHECK(english.find("FN;LANGUAGE=en-GB:Children's Front Door\r\n") != std::string::npos);
  auto uid = [](const std::string& c) { return c.substr(c.find("UID:"), 50); };
  CHECK(uid(welsh) == uid(english));
  CHECK(uid(english) == uid(make_vcard(dir.contacts()[0], top)));
}
