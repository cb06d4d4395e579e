// The build cache's checksums: libxxhash's XXH3, or the same compiled for AVX2 (core/checksum_avx2.cc).
#include "core/checksum.h"

#include <xxhash.h>

#include <cstddef>

#ifdef HERALD_XXH3_AVX2
extern "C" uint64_t herald_xxh3_avx2(const void* data, size_t size);  // core/checksum_avx2.cc
#endif

namespace herald {

bool checksum64_uses_avx2() {
#ifdef HERALD_XXH3_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

uint64_t checksum64(std::string_view bytes) {
#ifdef HERALD_XXH3_AVX2
  if (checksum64_uses_avx2()) return herald_xxh3_avx2(bytes.data(), bytes.size());
#endif
  return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace herald
