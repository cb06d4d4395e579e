// doctest's main for the single test binary.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

#include "external/network_module.h"
#include "output/pdf/pdf_module.h"

int main(int argc, char** argv) {
  // The builds of the integration tests make no search index (and give no
  // warning for its absence); the search test asks for one itself.
  ::setenv("HERALD_PAGEFIND", "none", 1);
  // The PDF drawing is linked into this binary: the tests that render PDFs
  // in-process use it; those that run herald load herald-pdf.so as it does.
  herald::use_linked_pdf_module(herald_pdf_module());
  herald::use_linked_network_module(herald_network_module());
  doctest::Context context(argc, argv);
  return context.run();
}
