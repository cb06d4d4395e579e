// Tests for git/history: first and last commit dates from one walk.
#include <doctest/doctest.h>

#include "core/datetime.h"
#include "git/history.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

TEST_CASE("each file's first and last commit come from one walk") {
  TempSite site;
  site.write("a.md", "1");
  site.write("b.md", "1");
  site.commit("one", "2024-01-01T10:00:00+00:00");
  site.write("a.md", "2");
  site.commit("two", "2024-02-01T10:00:00+00:00");
  site.write("c.md", "1");
  site.commit("three", "2024-03-01T10:00:00+00:00");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  auto head = repo->resolve("HEAD", &error);
  History history = History::walk(*repo, head->id);
  int64_t jan = days_from_civil(2024, 1, 1) * 86400 + 36000;
  int64_t feb = days_from_civil(2024, 2, 1) * 86400 + 36000;
  int64_t mar = days_from_civil(2024, 3, 1) * 86400 + 36000;
  REQUIRE(history.dates("a.md"));
  CHECK(history.dates("a.md")->first == jan);
  CHECK(history.dates("a.md")->last == feb);
  CHECK(history.dates("b.md")->first == jan);
  CHECK(history.dates("b.md")->last == jan);
  CHECK(history.dates("c.md")->first == mar);
  CHECK(history.dates("nope.md") == nullptr);
  CHECK(history.head_time() == mar);
  CHECK(history.commits().size() == 3);
  History only_c = History::walk(*repo, head->id, {"c"});
  CHECK(only_c.commits().size() == 1);
}
