// libFuzzer harness: the site configuration, herald.yaml, parsed and validated.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  herald::fuzz::config(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
