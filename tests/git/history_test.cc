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

namespace {

/// The walk from HEAD of the procedures' history: the whole of it, or starting from `known`.
History walk_head(const TempSite& site, const History* known = nullptr) {
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  std::string head = repo->resolve("HEAD", &error)->id;
  const std::vector<std::string> prefixes = {"content/procedures/"};
  return known ? History::walk(*repo, head, prefixes, *known) : History::walk(*repo, head, prefixes);
}

/// The walk from HEAD starting from `known`, and the whole walk, as text: they must be equal.
std::pair<std::string, std::string> both_walks(const TempSite& site, const History& known) {
  return {walk_head(site, &known).serialize(), walk_head(site).serialize()};
}

}  // namespace

TEST_CASE("a walk from a known history diffs only the commits on top of it, and gives the whole walk") {
  TempSite site;
  site.write("content/procedures/m/a.md", "1");
  site.write("content/pages/b.md", "1");
  site.commit("one", "2024-01-01T10:00:00+00:00");
  site.write("content/procedures/m/a.md", "2");
  site.commit("two", "2024-02-01T10:00:00+00:00");
  History known = walk_head(site);
  std::string head = site.git("rev-parse HEAD");
  CHECK(known.head_id() == head.substr(0, head.find('\n')));

  SUBCASE("the same commit: the known history itself") {
    auto [from_known, whole] = both_walks(site, known);
    CHECK(from_known == whole);
  }
  SUBCASE("commits on top, one after another: changed, added, deleted and renamed files") {
    site.write("content/pages/b.md", "2");
    site.write("content/procedures/m/c.md", "new\twith a tab");
    site.commit("three: a summary with a\ttab", "2024-03-01T10:00:00+00:00");
    site.git("rm -q content/procedures/m/a.md");
    site.git("mv content/pages/b.md content/pages/renamed.md");
    site.commit("four", "2024-04-01T10:00:00+00:00");
    auto [from_known, whole] = both_walks(site, known);
    CHECK(from_known == whole);
    CHECK(from_known.find("three: a summary") != std::string::npos);
  }
  SUBCASE("a merge on top: the whole history is walked") {
    site.git("checkout -q -b side");
    site.write("content/procedures/m/side.md", "side");
    site.commit("side", "2024-03-01T10:00:00+00:00");
    site.git("checkout -q -");
    site.write("content/pages/main.md", "main");
    site.commit("main", "2024-03-02T10:00:00+00:00");
    site.git("merge -q --no-ff -m merged side");
    auto [from_known, whole] = both_walks(site, known);
    CHECK(from_known == whole);
    CHECK(from_known.find("side.md") != std::string::npos);
  }
  SUBCASE("a rewritten history (the known commit is gone): the whole history is walked") {
    site.git("reset -q --hard HEAD~1");
    site.write("content/procedures/m/a.md", "rewritten");
    site.commit("two again", "2024-02-02T10:00:00+00:00");
    auto [from_known, whole] = both_walks(site, known);
    CHECK(from_known == whole);
    CHECK(from_known.find("two again") != std::string::npos);
  }
}

TEST_CASE("a history comes back exactly from its text, and damaged text is refused") {
  TempSite site;
  site.write("content/procedures/m/a b.md", "1");
  site.commit("one\tand a tab", "2024-01-01T10:00:00+00:00");
  site.write("content/pages/x.md", "2");
  site.commit("two", "2024-02-01T10:00:00+00:00");
  History history = walk_head(site);
  std::string text = history.serialize();
  auto back = History::parse(text);
  REQUIRE(back);
  CHECK(back->serialize() == text);
  CHECK(back->head_id() == history.head_id());
  CHECK(back->head_time() == history.head_time());
  REQUIRE(back->dates("content/procedures/m/a b.md"));
  CHECK(back->dates("content/procedures/m/a b.md")->first == history.dates("content/procedures/m/a b.md")->first);
  CHECK(back->commits().size() == history.commits().size());
  CHECK_FALSE(History::parse(""));
  CHECK_FALSE(History::parse(text.substr(0, text.size() - 1)));  // a line cut short
  CHECK_FALSE(History::parse("x" + text));
  std::string bad = text;
  bad[bad.find("\nd\t") + 1] = 'e';
  CHECK_FALSE(History::parse(bad));
}
