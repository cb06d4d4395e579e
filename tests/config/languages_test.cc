// Tests for config/languages: `languages:` and `welsh_first:` read, ordered and checked.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "config/config.h"
#include "config/languages.h"

using namespace herald;
using herald::test::messages;

namespace {
std::optional<Config> read(const std::string& extra, Diagnostics& diags) {
  return parse_config("title: T\nbase_url: https://x.example/\n" + extra, "herald.yaml", diags);
}
}  // namespace

TEST_CASE("without languages a site has one language, as before") {
  Diagnostics diags;
  auto config = read("language: en\n", diags);
  REQUIRE(config);
  CHECK(config->languages.empty());
  CHECK(config->language == "en");
}

TEST_CASE("languages: the first is the default, at /; the others in a folder of their own") {
  Diagnostics diags;
  auto config = read("languages: [en-GB, cy]\n", diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  REQUIRE(config->languages.size() == 2);
  CHECK(config->languages[0].tag == "en-GB");
  CHECK(config->languages[0].code == "en");
  CHECK(config->languages[0].folder == "");
  CHECK(config->languages[1].tag == "cy");
  CHECK(config->languages[1].folder == "cy/");
  CHECK(config->language == "en-GB");
}

TEST_CASE("welsh_first puts Welsh at / and English at /en/, whatever the list's order") {
  Diagnostics diags;
  auto config = read("languages: [en-GB, cy]\nwelsh_first: true\n", diags);
  REQUIRE(config);
  CHECK(config->languages[0].tag == "cy");
  CHECK(config->languages[1].folder == "en/");
  CHECK(config->language == "cy");
  auto english = read("languages: [cy, en-GB]\nwelsh_first: false\n", diags);
  REQUIRE(english);
  CHECK(english->languages[0].tag == "en-GB");
  CHECK(messages(diags).empty());
}

TEST_CASE("languages: unknown, malformed, repeated tags and a disagreeing language are errors") {
  Diagnostics diags;
  CHECK_FALSE(read("languages: [en-GB, fr]\n", diags));
  CHECK_FALSE(read("languages: [en-GB, en_GB]\n", diags));
  CHECK_FALSE(read("languages: [en-GB, cy, en]\n", diags));
  CHECK_FALSE(read("languages: [cy, cy]\n", diags));
  CHECK_FALSE(read("languages: cy\n", diags));
  CHECK_FALSE(read("languages: [en-GB]\nwelsh_first: true\n", diags));
  CHECK_FALSE(read("languages: [en-GB, cy]\nwelsh_first: maybe\n", diags));
  CHECK_FALSE(read("language: cy\nlanguages: [en-GB, cy]\n", diags));
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "herald.yaml:3:11: error: language 'cy' is not the site's default language 'en-GB' (the first of "
            "'languages'): remove 'language', which 'languages' replaces",
            "herald.yaml:3:12: error: 'languages' must be a list of language tags, the site's default first, such "
            "as languages: [en-GB, cy]",
            "herald.yaml:3:17: error: language 'cy' is listed twice in 'languages'",
            "herald.yaml:3:20: error: herald cannot publish in language 'fr': the theme's words are in English (en, "
            "en-GB) and Welsh (cy) only",
            "herald.yaml:3:20: error: language 'en_GB' must be a language tag such as en-GB (English as written in "
            "the United Kingdom), en or cy (Welsh)",
            "herald.yaml:3:24: error: 'en-GB' and 'en' are the same language: list it once in 'languages'",
            "herald.yaml:4:14: error: 'welsh_first' must be true or false",
            "herald.yaml:4:14: error: 'welsh_first' needs both Welsh and English in 'languages', such as "
            "languages: [en-GB, cy]",
        });
}
