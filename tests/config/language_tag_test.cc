// Tests for config/language_tag: RFC 5646's syntax, without the registry.
#include "config/language_tag.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("language tags: well-formed ones") {
  for (const char* tag : {"en", "cy", "en-GB", "cy-GB", "EN-gb", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-1996",
                          "sl-rozaj-biske", "de-CH-1901", "zh-yue-HK", "en-US-u-ca-gregory", "en-GB-x-nhs",
                          "hy-Latn-IT-arevela", "gsw", "en-a-bbb-x-a-ccc"}) {
    CAPTURE(tag);
    CHECK(is_well_formed_language_tag(tag));
  }
}

TEST_CASE("language tags: malformed ones") {
  for (const char* tag : {"", "e", "english", "en_GB", "en-GB-", "-GB", "en--GB", "en GB", "en-GB-oed",
                          "en-G", "en-GBR-x", "en-u", "en-x", "en-x-toolongpart", "x-private", "i-klingon",
                          "en-\xC3\xA9", "1en", "en-Latn-Latn", "en-GB-GB", "fr-123456789"}) {
    CAPTURE(tag);
    CHECK_FALSE(is_well_formed_language_tag(tag));
  }
}

}  // namespace
}  // namespace herald
