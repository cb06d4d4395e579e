// Where the heap's memory comes from.
#pragma once

namespace herald {

/// Asks the kernel to back the memory the allocator (tcmalloc) takes from the
/// system with transparent huge pages from now on: each region taken is
/// rounded to 2 MB, aligned to 2 MB and marked MADV_HUGEPAGE. A rebuild makes
/// tens of megabytes of fresh heap; in 4 KB pages that was some 15,000 page
/// faults, each a page allocated, charged and mapped, and as many freed again
/// at exit, about a tenth of a warm rebuild (bench/README.md). Where the
/// system's policy is `never`, or the kernel has no huge pages, nothing
/// changes. Returns false, doing nothing, in a build without tcmalloc (the
/// sanitizers' and the fuzzers'). Call it once, before the work starts.
bool use_huge_pages_for_heap();

}  // namespace herald
