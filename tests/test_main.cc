// doctest's main for the single test binary.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // The builds of the integration tests make no search index (and give no
  // warning for its absence); the search test asks for one itself.
  ::setenv("HERALD_PAGEFIND", "none", 1);
  doctest::Context context(argc, argv);
  return context.run();
}
