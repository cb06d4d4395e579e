// Data-parallel loops over the machine's cores, with no shared locks on the hot path.
#pragma once

#include <cstddef>
#include <functional>

namespace herald {

/// Number of worker threads used by parallel_for (at least 1).
unsigned worker_count();
/// Overrides worker_count(); 0 restores the default (the number of cores).
void set_worker_count(unsigned count);

/// Calls `body(i)` for every i in [0, n), spread over worker_count() threads.
/// Each index is claimed from an atomic counter, so uneven items balance out.
void parallel_for(size_t n, const std::function<void(size_t)>& body);

}  // namespace herald
