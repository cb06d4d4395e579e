// The fuzzers' regression files and seed corpora, replayed through the same targets in the normal suite.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_targets.h"

namespace fs = std::filesystem;

namespace {

struct Replayed {
  size_t files = 0;     ///< regular files in the folder
  size_t replayed = 0;  ///< of them, read and fed to the target
};

/// Feeds every file of `folder` (none if it does not exist) to `target`, in
/// name order. A file that still crashes stops the test binary, and doctest
/// names the file.
Replayed replay(const herald::fuzz::Target& target, const fs::path& folder) {
  Replayed out;
  if (!fs::is_directory(folder)) return out;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  out.files = files.size();
  for (const fs::path& file : files) {
    std::string name = file.string();
    INFO("replaying ", name);
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in.good());
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    target.run(data);
    ++out.replayed;
  }
  return out;
}

fs::path fuzz_dir() { return fs::path(HERALD_SOURCE_DIR) / "fuzz"; }

}  // namespace

TEST_CASE("every input on which a fuzzer found a crash is replayed and no longer crashes") {
  for (const herald::fuzz::Target& target : herald::fuzz::targets()) {
    CAPTURE(target.name);
    Replayed r = replay(target, fuzz_dir() / "regressions" / target.name);
    CHECK(r.replayed == r.files);
    if (r.files > 0) CHECK(r.replayed > 0);
  }
}

TEST_CASE("each fuzz target takes its whole seed corpus") {
  for (const herald::fuzz::Target& target : herald::fuzz::targets()) {
    CAPTURE(target.name);
    Replayed r = replay(target, fuzz_dir() / "corpus" / target.name);
    CHECK(r.replayed > 0);
    CHECK(r.replayed == r.files);
  }
}
