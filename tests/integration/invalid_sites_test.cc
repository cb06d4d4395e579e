// Broken sites: each case in tests/sites_invalid/ asserts the exact diagnostics and exit status.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/version.h"
#include "support/site_builder.h"

namespace fs = std::filesystem;
using herald::test::TempSite;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The `path:line:col: severity: message` lines of herald's stderr (no quoted
/// source, carets or summary).
std::string diagnostic_lines(const std::string& err) {
  std::istringstream in(err);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ' || line.rfind("herald:", 0) == 0) continue;
    if (line.find(" error, ") != std::string::npos || line.find(" errors, ") != std::string::npos) continue;
    out += line + "\n";
  }
  return out;
}

/// An `expected` file's text: {{herald_version}} and {{herald_series}} stand
/// for the running herald's version ("0.2.0") and its series ("0.2").
std::string expected_text(const fs::path& p) {
  std::string text = slurp(p);
  for (auto [name, value] : {std::pair<std::string, std::string>{"{{herald_version}}", HERALD_VERSION},
                             {"{{herald_series}}", herald::version_series(HERALD_VERSION)}})
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
      text.replace(at, name.size(), value);
  return text;
}

}  // namespace

TEST_CASE("every broken site gives its exact diagnostics, and build writes nothing") {
  fs::path root = fs::path(HERALD_SOURCE_DIR) / "tests" / "sites_invalid";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 10);
  for (const auto& dir : cases) {
    CAPTURE(dir.filename().string());
    TempSite site;
    site.write_minimal_site();
    for (const auto& entry : fs::recursive_directory_iterator(dir / "site"))
      if (entry.is_regular_file())
        site.write(fs::relative(entry.path(), dir / "site").generic_string(), slurp(entry.path()));
    site.commit("case");
    int expected_exit = fs::exists(dir / "exit") ? std::stoi(slurp(dir / "exit")) : 1;
    auto check = site.herald("check --now 2024-07-01T12:00:00");
    CHECK(diagnostic_lines(check.err) == expected_text(dir / "expected"));
    CHECK(check.exit_code == expected_exit);
    auto build = site.herald("build --now 2024-07-01T12:00:00");
    CHECK(build.exit_code == expected_exit);
    CHECK(site.exists("public/index.html") == (expected_exit == 0));
  }
}

TEST_CASE("repository problems exit with status 2") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  auto missing_ref = site.herald("build --ref no-such-ref");
  CHECK(missing_ref.exit_code == 2);
  CHECK(missing_ref.err == "error: ref 'no-such-ref' does not exist in the repository\n");
  TempSite empty;
  auto no_commits = empty.herald("build");
  CHECK(no_commits.exit_code == 2);
  CHECK(no_commits.err == "error: the repository has no commits yet: commit the site before building it\n");
  auto not_repo = site.herald("build --repo /proc/self");
  CHECK(not_repo.exit_code == 2);
  CHECK(not_repo.err == "error: '/proc/self' is not in a git repository\n");
  auto bad_option = site.herald("build --no-such-option");
  CHECK(bad_option.exit_code == 2);
}

TEST_CASE("a repository without herald.yaml is a content error") {
  TempSite site;
  site.write("content/pages/a.md", "---\ntitle: A\n---\n");
  site.commit("no config");
  auto r = site.herald("build");
  CHECK(r.exit_code == 1);
  CHECK(diagnostic_lines(r.err) == "herald.yaml:1:1: error: the site has no herald.yaml at its root in HEAD\n");
}
