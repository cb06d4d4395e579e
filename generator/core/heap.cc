#include "core/heap.h"

#ifdef HERALD_TCMALLOC
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

#include <gperftools/malloc_extension.h>
#endif

namespace herald {

#ifdef HERALD_TCMALLOC
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

/// tcmalloc's own system allocator (sbrk, then mmap), with every region it
/// hands out a whole number of huge pages, aligned, and marked for them.
class HugePageSysAllocator : public SysAllocator {
 public:
  explicit HugePageSysAllocator(SysAllocator* system) : system_(system) {}

  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    if (size > SIZE_MAX - kHugePage) return nullptr;
    size = (size + kHugePage - 1) & ~(kHugePage - 1);
    size_t taken = size;
    void* region = system_->Alloc(size, &taken, alignment > kHugePage ? alignment : kHugePage);
    if (!region) return nullptr;
    // Only advice: on a kernel without huge pages the region stays as it is.
    ::madvise(region, taken, MADV_HUGEPAGE);
    if (actual_size) *actual_size = taken;
    return region;
  }

 private:
  SysAllocator* system_;
};

}  // namespace

bool use_huge_pages_for_heap() {
  static bool installed = [] {
    MallocExtension* extension = MallocExtension::instance();
    static HugePageSysAllocator allocator(extension->GetSystemAllocator());
    extension->SetSystemAllocator(&allocator);
    return true;
  }();
  return installed;
}

#else

bool use_huge_pages_for_heap() { return false; }

#endif

}  // namespace herald
