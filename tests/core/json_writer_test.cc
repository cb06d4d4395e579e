// Tests for core/json_writer: nesting, commas and escaping.
#include <doctest/doctest.h>

#include "core/json_writer.h"

using namespace herald;

TEST_CASE("objects and arrays nest with commas in the right places") {
  JsonWriter w;
  w.begin_object().key("a").value("x").key("list").begin_array().value(1LL).value(true).end_array();
  w.key("empty").begin_array().end_array().end_object();
  CHECK(w.str() == "{\n  \"a\": \"x\",\n  \"list\": [\n    1,\n    true\n  ],\n  \"empty\": []\n}");
}

TEST_CASE("strings are escaped") {
  CHECK(JsonWriter::quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
  CHECK(JsonWriter::quote("caf\xC3\xA9 \xF0\x9F\x98\x80") == "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
}
