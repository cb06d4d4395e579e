// Tests for content/source_path: which file is which kind.
#include <doctest/doctest.h>

#include "content/source_path.h"

using namespace herald;

TEST_CASE("content paths are classified by the contract's layout") {
  std::string problem;
  auto home = classify_content_path("content/_index.md", &problem);
  REQUIRE(home);
  CHECK(home->kind == Kind::home);
  auto briefing = classify_content_path("content/briefings/sudi.md", &problem);
  REQUIRE(briefing);
  CHECK(briefing->kind == Kind::briefing);
  CHECK(briefing->slug == "sudi");
  auto bundle = classify_content_path("content/newsletters/spring/index.md", &problem);
  REQUIRE(bundle);
  CHECK(bundle->kind == Kind::newsletter);
  CHECK(bundle->slug == "spring");
  CHECK(bundle->bundle_dir == "content/newsletters/spring/");
  auto manual = classify_content_path("content/procedures/children/_index.md", &problem);
  REQUIRE(manual);
  CHECK(manual->kind == Kind::manual);
  auto chapter = classify_content_path("content/procedures/children/referrals.md", &problem);
  REQUIRE(chapter);
  CHECK(chapter->kind == Kind::chapter);
  CHECK(chapter->manual == "children");
  auto report = classify_content_path("content/reports/annual-report-2024/index.md", &problem);
  REQUIRE(report);
  CHECK(report->kind == Kind::report);
  CHECK(report->slug == "annual-report-2024");
  CHECK(report->bundle_dir == "content/reports/annual-report-2024/");
  CHECK(classify_content_path("content/reports/_index.md", &problem)->kind == Kind::section);
  auto page = classify_content_path("content/pages/about.md", &problem);
  REQUIRE(page);
  CHECK(page->kind == Kind::page);
}

TEST_CASE("unknown places are explained") {
  std::string problem;
  CHECK_FALSE(classify_content_path("content/blog/post.md", &problem));
  CHECK(problem ==
        "unknown section 'blog': content files belong in content/newsletters/, content/briefings/, "
        "content/procedures/<manual>/, content/reports/, content/meetings/<board>/, content/events/ or "
        "content/pages/");
  CHECK_FALSE(classify_content_path("content/procedures/loose.md", &problem));
  CHECK_FALSE(classify_content_path("content/briefings/a/b/c.md", &problem));
}

TEST_CASE("bundle_of finds the folder of a page's own files") {
  CHECK(bundle_of("content/newsletters/spring/photo.png") == "content/newsletters/spring/");
  CHECK(bundle_of("content/procedures/children/referrals/chart.png") == "content/procedures/children/referrals/");
  CHECK(bundle_of("content/newsletters/photo.png") == "");
}
