// libFuzzer harness: a content file's front matter, read as every kind of page reads it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  herald::fuzz::front_matter(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
