// parallel_for on plain std::threads and an atomic work counter.
#include "core/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace herald {
namespace {
std::atomic<unsigned> configured_workers{0};
}

unsigned worker_count() {
  unsigned n = configured_workers.load();
  if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
  return n;
}

void set_worker_count(unsigned count) { configured_workers = count; }

void parallel_for(size_t n, const std::function<void(size_t)>& body) {
  size_t threads = std::min<size_t>(worker_count(), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) body(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    try {
      for (size_t i = next++; i < n; i = next++) body(i);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace herald
