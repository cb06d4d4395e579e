// XXH3 compiled for AVX2: this file alone is built with -mavx2, and
// core/checksum.cc calls it only on a processor that has AVX2. It includes
// nothing of C++, so that no inline function compiled here for AVX2 can
// stand in for the same function elsewhere.
#define XXH_INLINE_ALL
#include <stddef.h>
#include <stdint.h>
#include <xxhash.h>

extern "C" uint64_t herald_xxh3_avx2(const void* data, size_t size) {
  return XXH3_64bits(data, size);
}
