// libFuzzer harness: a 7-minute briefing and its seven-section rule.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  herald::fuzz::briefing(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
