// Tests for core/diagnostic: formatting with source line and caret, sorting, strict mode.
#include <doctest/doctest.h>

#include "core/diagnostic.h"

using namespace herald;

TEST_CASE("a diagnostic prints path:line:col, the line and a caret") {
  Diagnostics diags;
  diags.add_source("content/briefings/sudi.md", "---\ntitle: SUDI\nreview_type: sarr\n---\n");
  diags.error({"content/briefings/sudi.md", 3, 14}, "unknown review_type 'sarr' (did you mean 'sar'?)");
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(diags.format_text(all[0]) ==
        "content/briefings/sudi.md:3:14: error: unknown review_type 'sarr' (did you mean 'sar'?)\n"
        "  review_type: sarr\n"
        "               ^\n");
}

TEST_CASE("diagnostics are sorted and de-duplicated; strict makes warnings errors") {
  Diagnostics diags;
  diags.warning({"b.md", 2, 1}, "second");
  diags.warning({"a.md", 9, 1}, "first");
  diags.warning({"a.md", 9, 1}, "first");
  auto all = diags.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].where.path == "a.md");
  CHECK_FALSE(diags.has_errors());
  Diagnostics strict;
  strict.set_strict(true);
  strict.warning({"a.md", 1, 1}, "vague link");
  CHECK(strict.has_errors());
  CHECK(strict.format_text(strict.sorted()[0]) == "a.md:1:1: error: vague link\n");
}

TEST_CASE("a location without a line prints only the path") {
  Diagnostics diags;
  diags.error({"herald.yaml", 0, 0}, "the site has no herald.yaml at its root in HEAD");
  CHECK(diags.format_text(diags.sorted()[0]) == "herald.yaml:1:1: error: the site has no herald.yaml at its root in HEAD\n");
}
