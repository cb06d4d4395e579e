// Tests for content/phone_number: UK numbers, short codes, E.164 and matching forms.
#include <doctest/doctest.h>

#include "content/phone_number.h"

using namespace herald;

TEST_CASE("UK numbers become E.164") {
  CHECK(parse_uk_phone("0116 496 0000")->e164 == "+441164960000");
  CHECK(parse_uk_phone("020 7946 0123")->e164 == "+442079460123");
  CHECK(parse_uk_phone("07700 900123")->e164 == "+447700900123");
  CHECK(parse_uk_phone("(0116) 496-0000")->e164 == "+441164960000");
  CHECK(parse_uk_phone("+44 116 496 0000")->e164 == "+441164960000");
  CHECK(parse_uk_phone("+44 (0)116 496 0000")->e164 == "+441164960000");
  CHECK(parse_uk_phone("0808 157 0123")->e164 == "+448081570123");
  CHECK(parse_uk_phone(" 0116 496 0000 ")->display == "0116 496 0000");
}

TEST_CASE("short codes are kept as dialled") {
  for (const char* code : {"999", "112", "111", "101", "105", "116 123", "116000"}) {
    CAPTURE(code);
    auto n = parse_uk_phone(code);
    REQUIRE(n);
    CHECK(n->short_code);
  }
  CHECK(parse_uk_phone("999")->e164 == "999");
  CHECK(parse_uk_phone("116 123")->e164 == "116123");
}

TEST_CASE("invalid numbers are refused") {
  for (const char* bad : {"0116 49", "123456", "0116 496 00000 0", "phone me", "+1 212 555 0100", "00116 496 0000",
                          "", "998", "+44 0", "0116 496 000a"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_uk_phone(bad));
  }
}

TEST_CASE("canonical forms match whatever the spacing") {
  CHECK(canonical_phone("0116 255 1606") == "01162551606");
  CHECK(canonical_phone("01162551606") == "01162551606");
  CHECK(canonical_phone("+44 116 255 1606") == "01162551606");
  CHECK(canonical_phone("+44 (0)116 255 1606") == "01162551606");
}

TEST_CASE("e-mail addresses") {
  CHECK(is_valid_email("advice-team@northbrook.example"));
  CHECK(is_valid_email("first.last+tag@sub.northbrook.example"));
  CHECK(is_valid_email("o'brien@northbrook.example"));
  for (const char* bad : {"foo@", "@northbrook.example", "no-at-sign", "two@@example.org", "a b@example.org",
                          "a@example", "a@.example.org", "a@example..org", ".a@example.org",
                          "office@northbrook.example?bcc=x", "office@northbrook.example#x",
                          "office@northbrook.example/x", "office@north_brook.example"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_email(bad));
  }
}
