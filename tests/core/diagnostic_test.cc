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

TEST_CASE("a message repeated many times in one file is shown five times, then counted") {
  Diagnostics diags;
  std::string text;
  for (int i = 1; i <= 2000; ++i) text += "a [link](https://example.org/) on line " + std::to_string(i) + "\n";
  diags.add_source("big.md", text);
  for (int i = 1; i <= 2000; ++i) diags.warning({"big.md", i, 3}, "link text 'link' does not say where the link goes");
  diags.warning({"big.md", 1500, 1}, "another problem");
  diags.warning({"other.md", 1, 1}, "link text 'link' does not say where the link goes");
  std::string all = diags.format_all();
  CHECK(all.find("big.md:5:3: warning: link text 'link'") != std::string::npos);
  CHECK(all.find("  a [link](https://example.org/) on line 5\n    ^\n") != std::string::npos);
  CHECK(all.find("big.md:6:3: warning") == std::string::npos);
  CHECK(all.find("big.md:6:3: note: 1995 more warnings say the same in this file, from here on (not shown): "
                 "link text 'link' does not say where the link goes\n") != std::string::npos);
  CHECK(all.find("big.md:1500:1: warning: another problem\n  a [link](https://example.org/) on line 1500\n") !=
        std::string::npos);
  CHECK(all.find("other.md:1:1: warning: link text") != std::string::npos);
  CHECK(diags.count(Severity::warning) == 2002);
}

TEST_CASE("a file not remembered is quoted from the lookup, asked once per file") {
  Diagnostics diags;
  int asked = 0;
  diags.set_source_lookup([&](const std::string& path) -> std::optional<std::string> {
    ++asked;
    if (path == "content/a.md") return std::string("---\ntitle: A\n---\n\nclick here\n");
    return std::nullopt;
  });
  diags.warning({"content/a.md", 5, 1}, "vague link text");
  diags.warning({"content/a.md", 2, 8}, "another");
  diags.error({"content/missing.md", 1, 1}, "no such file");
  std::string out = diags.format_all();
  CHECK(out.find("content/a.md:5:1: warning: vague link text\n  click here\n  ^\n") != std::string::npos);
  CHECK(out.find("content/a.md:2:8: warning: another\n  title: A\n         ^\n") != std::string::npos);
  CHECK(out.find("content/missing.md:1:1: error: no such file\n") != std::string::npos);
  CHECK(out.find("content/missing.md:1:1: error: no such file\n  ") == std::string::npos);
  CHECK(asked == 2);  // a.md once, missing.md once
}

TEST_CASE("forwarding passes on the sources of files that have diagnostics only") {
  Diagnostics local, target;
  local.add_source("content/a.md", "line one\nline two\n");
  local.add_source("content/b.md", "other\n");
  local.warning({"content/a.md", 2, 1}, "something");
  local.forward(target);
  Diagnostics b_only;
  b_only.add_source("content/b.md", "other\n");
  b_only.forward(target);
  target.warning({"content/b.md", 1, 1}, "reported later");
  std::string out = target.format_all();
  CHECK(out.find("content/a.md:2:1: warning: something\n  line two\n") != std::string::npos);
  // b.md had no diagnostic when forwarded, so its text did not travel.
  CHECK(out.find("content/b.md:1:1: warning: reported later\n") != std::string::npos);
  CHECK(out.find("reported later\n  other") == std::string::npos);
}
