// Tests for core/heap: the allocator's new regions carry the huge page advice.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/heap.h"

#ifdef HERALD_TCMALLOC
#include <gperftools/malloc_extension.h>
#endif

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
  // A region as tcmalloc takes one when its heap grows: through the hook,
  // whatever the heap already holds (the whole suite may run in one process).
  SysAllocator* system = MallocExtension::instance()->GetSystemAllocator();
  size_t taken = 0;
  void* region = system->Alloc(size_t{3} << 20, &taken, 4096);  // kept: tcmalloc has no way to return one
  REQUIRE(region != nullptr);
  CHECK(taken == (size_t{4} << 20));  // whole huge pages
  CHECK(reinterpret_cast<uintptr_t>(region) % (size_t{2} << 20) == 0);
  std::string flags = vm_flags_of(static_cast<char*>(region) + taken / 2);
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
