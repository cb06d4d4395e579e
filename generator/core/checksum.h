// The build cache's checksums: XXH3, on the widest vector unit the processor has.
#pragma once

#include <cstdint>
#include <string_view>

namespace herald {

/// XXH3_64bits of `bytes`, the same value whichever unit computes it: with
/// AVX2 where the processor has it (Debian's libxxhash is built for SSE2,
/// and a rebuild checks every entry of the parse cache it uses, tens of
/// megabytes), else by libxxhash.
uint64_t checksum64(std::string_view bytes);

/// Whether checksum64 uses the AVX2 code on this processor (for its test).
bool checksum64_uses_avx2();

}  // namespace herald
