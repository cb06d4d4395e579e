// Tests for core/version: reading a version, its series, and whether a site's asks for this herald.
#include <doctest/doctest.h>

#include "core/version.h"

using namespace herald;

TEST_CASE("a version is two or three whole numbers") {
  CHECK(parse_version("0.2") == std::vector<int>{0, 2});
  CHECK(parse_version("0.2.1") == std::vector<int>{0, 2, 1});
  CHECK(parse_version("10.20.30") == std::vector<int>{10, 20, 30});
  CHECK_FALSE(parse_version(""));
  CHECK_FALSE(parse_version("1"));
  CHECK_FALSE(parse_version("0.2.1.4"));
  CHECK_FALSE(parse_version("0.2."));
  CHECK_FALSE(parse_version(".2"));
  CHECK_FALSE(parse_version("v0.2"));
  CHECK_FALSE(parse_version("0.2.x"));
  CHECK_FALSE(parse_version("latest"));
  CHECK_FALSE(parse_version("0.99999999999"));
}

TEST_CASE("the series is the first two numbers") {
  CHECK(version_series("0.2.0") == "0.2");
  CHECK(version_series("1.12.3") == "1.12");
  CHECK(version_series("0.3") == "0.3");
  CHECK(version_series(HERALD_VERSION) != "");
}

TEST_CASE("a series matches each of its releases; a release only itself") {
  const std::vector<int> running{0, 2, 1};
  CHECK(version_matches({0, 2}, running));
  CHECK(version_matches({0, 2, 1}, running));
  CHECK_FALSE(version_matches({0, 2, 0}, running));
  CHECK_FALSE(version_matches({0, 3}, running));
  CHECK_FALSE(version_matches({1, 2}, running));
  CHECK_FALSE(version_matches({0, 20}, running));
}
