// Tests for core/install_layout: the executable's folder, and lib/herald/ beside its bin/ folder.
#include "core/install_layout.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("executable_dir is the folder of the running program") {
  std::string dir = herald::executable_dir();
  REQUIRE_FALSE(dir.empty());
  CHECK(fs::equivalent(dir + "/herald_tests", fs::read_symlink("/proc/self/exe")));
  CHECK(dir.back() != '/');
}

TEST_CASE("installed_files_dir is lib/herald/ beside the executable's folder") {
  fs::path bin = herald::executable_dir();
  CHECK(herald::installed_files_dir() == (bin.parent_path() / "lib" / "herald").string());
}
