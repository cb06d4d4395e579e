// Tests for core/thread_pool: every index exactly once, exceptions carried back.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/thread_pool.h"

using namespace herald;

TEST_CASE("parallel_for visits every index once") {
  std::vector<std::atomic<int>> seen(1000);
  parallel_for(seen.size(), [&](size_t i) { seen[i]++; });
  for (auto& s : seen) CHECK(s.load() == 1);
}

TEST_CASE("parallel_for rethrows the first exception") {
  set_worker_count(2);
  CHECK_THROWS_AS(parallel_for(100, [](size_t i) {
                    if (i == 42) throw std::runtime_error("boom");
                  }),
                  std::runtime_error);
  set_worker_count(0);
}
