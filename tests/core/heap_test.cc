// Tests for core/heap: the allocator's new regions carry the huge page advice.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/heap.h"

namespace {

/// The VmFlags line of the mapping in /proc/self/smaps that holds `address`.
std::string vm_flags_of(const void* address) {
  auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') {  // a mapping's first line
      inside = from <= at && at < to;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("the heap's new regions are marked for huge pages where herald has tcmalloc") {
#ifdef HERALD_TCMALLOC
  REQUIRE(herald::use_huge_pages_for_heap());
  CHECK(herald::use_huge_pages_for_heap());  // once only: the second call changes nothing
  // Larger than anything taken from the system so far: a region of its own.
  const size_t size = size_t{48} << 20;
  auto block = std::make_unique<char[]>(size);
  block[0] = 1;
  block[size - 1] = 1;
  std::string flags = vm_flags_of(block.get() + size / 2);
  REQUIRE(!flags.empty());
  if (std::filesystem::exists("/sys/kernel/mm/transparent_hugepage")) {
    CHECK(flags.find(" hg") != std::string::npos);
  } else {
    CHECK(flags.find(" hg") == std::string::npos);  // a kernel without them refuses the advice
  }
#else
  CHECK_FALSE(herald::use_huge_pages_for_heap());
#endif
}
