// Tests for core/checksum: the AVX2 code gives libxxhash's values, for every length and alignment.
#include <doctest/doctest.h>

#include <xxhash.h>

#include <random>
#include <string>

#include "core/checksum.h"

using namespace herald;

TEST_CASE("checksum64 is libxxhash's XXH3 of the same bytes, whichever unit computes it") {
  const std::string unit = checksum64_uses_avx2() ? "AVX2" : "libxxhash";
  MESSAGE("computed by " << unit);
  std::mt19937_64 random(20261202);
  std::string bytes(3 * 1024 * 1024 + 17, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  // Every length up to past XXH3's largest short-input path (240 bytes) and
  // its first stripes and blocks, at each alignment; then long inputs.
  for (size_t offset = 0; offset < 8; ++offset)
    for (size_t size = 0; size <= 2100; ++size) {
      std::string_view part(bytes.data() + offset, size);
      REQUIRE_MESSAGE(checksum64(part) == XXH3_64bits(part.data(), part.size()),
                      "offset " << offset << ", " << size << " bytes");
    }
  for (size_t size : {size_t{65536}, size_t{1024 * 1024 - 1}, bytes.size()}) {
    std::string_view part(bytes.data(), size);
    CHECK(checksum64(part) == XXH3_64bits(part.data(), part.size()));
  }
  CHECK(checksum64("") == XXH3_64bits("", 0));
  // And it is a checksum: one changed bit changes it.
  std::string changed = bytes;
  changed[changed.size() / 2] ^= 0x10;
  CHECK(checksum64(changed) != checksum64(bytes));
}
