// Tests for content/briefing: the three numbering styles of section headings.
#include <doctest/doctest.h>

#include "content/briefing.h"

using namespace herald;

TEST_CASE("section headings are read in every accepted style") {
  auto a = parse_section_heading("01 Purpose");
  REQUIRE(a);
  CHECK(a->first == 1);
  CHECK(a->second == "Purpose");
  auto b = parse_section_heading("1. Purpose");
  REQUIRE(b);
  CHECK(b->first == 1);
  auto c = parse_section_heading("07. Purpose of this briefing");
  REQUIRE(c);
  CHECK(c->first == 7);
  CHECK(c->second == "Purpose of this briefing");
  auto d = parse_section_heading("3 \xE2\x80\x93 What happened");
  REQUIRE(d);
  CHECK(d->second == "What happened");
  CHECK_FALSE(parse_section_heading("Purpose"));
  CHECK_FALSE(parse_section_heading("2024 review"));
  CHECK_FALSE(parse_section_heading("1st thoughts"));
}
