// Tests for core/yaml_tree: YAML read by libyaml into values with their places.
#include <doctest/doctest.h>

#include "core/yaml_tree.h"

using namespace herald;

TEST_CASE("scalars, lists and maps are read with where each starts; plain null, ~ and nothing are null") {
  YamlSyntaxError error;
  auto root = parse_yaml("title: \"Neglect: a briefing\"\ntopics: [neglect, 'self-neglect']\nempty:\ntilde: ~\n"
                         "quoted: \"null\"\nsource:\n  url: https://x.example/\n  published: 2024-04-12\n",
                         &error);
  REQUIRE(root);
  REQUIRE(root->is_map());
  CHECK(root->size() == 6);
  const YamlValue* title = root->get("title");
  REQUIRE(title);
  CHECK(title->scalar() == "Neglect: a briefing");
  CHECK(title->quoted());
  CHECK(title->line() == 1);
  CHECK(title->column() == 8);
  const YamlValue* topics = root->get("topics");
  REQUIRE(topics->is_sequence());
  CHECK(topics->items().size() == 2);
  CHECK(topics->items()[1].scalar() == "self-neglect");
  CHECK(topics->items()[1].column() == 19);  // its opening quote
  CHECK(root->get("empty")->is_null());
  CHECK(root->get("tilde")->is_null());
  CHECK(root->get("quoted")->is_scalar());
  const YamlValue* published = root->get("source")->get("published");
  REQUIRE(published);
  CHECK(published->scalar() == "2024-04-12");
  CHECK(published->line() == 8);
  CHECK(root->get("nothing") == nullptr);
  CHECK(parse_yaml("", &error)->is_null());
}

TEST_CASE("a key given twice is kept twice; aliases are copies") {
  YamlSyntaxError error;
  auto root = parse_yaml("a: &x [1, 2]\nb: *x\na: again\n", &error);
  REQUIRE(root);
  CHECK(root->entries().size() == 3);
  CHECK(root->get("a")->is_sequence());  // the first
  CHECK(root->get("b")->items().size() == 2);
  CHECK(root->get("b")->line() == 2);
}

TEST_CASE("syntax errors are said in plain words, at their place") {
  YamlSyntaxError error;
  CHECK_FALSE(parse_yaml("title: A\ntopics: [neglect\n", &error));
  CHECK(error.line == 3);
  CHECK(error.message ==
        "a list in [ ] is not closed: add the ] at its end, or put quotes around a value with a comma in it");
  CHECK_FALSE(parse_yaml("title: \"Unclosed\nnext: x\n", &error));
  CHECK(error.message == "a quotation is not closed: add the closing quotation mark at the end of the value");
  CHECK_FALSE(parse_yaml("title: a: b\n", &error));
  CHECK(error.line == 1);
  CHECK(error.column == 9);
  CHECK(error.message == "a ':' where a value was expected: if the value has ': ' in it, put it in quotes");
  CHECK_FALSE(parse_yaml("a: *nowhere\n", &error));
  CHECK(error.message == "'*' names an anchor ('&') that is not defined above it");
}

TEST_CASE("hostile YAML is bounded: aliases of aliases and deep nesting are errors, not hours") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev)
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  YamlSyntaxError error;
  CHECK_FALSE(parse_yaml(bomb, &error));
  CHECK(error.message == "more than 100000 values (are aliases repeating each other?)");
  std::string deep = "a: " + std::string(200, '[') + std::string(200, ']') + "\n";
  CHECK_FALSE(parse_yaml(deep, &error));
  CHECK(error.message == "lists and maps are nested more than 64 deep");
}
