// Tests for commands/report: diagnostics as JSON and as GitHub annotations.
#include <doctest/doctest.h>

#include "commands/report.h"

using namespace herald;

TEST_CASE("JSON lists every diagnostic with its location") {
  Diagnostics diags;
  diags.error({"content/a.md", 3, 7}, "bad \"date\"");
  diags.warning({"herald.yaml", 0, 0}, "unknown setting");
  CHECK(diagnostics_json(diags) ==
        "[\n"
        "  {\"severity\": \"error\", \"path\": \"content/a.md\", \"line\": 3, \"column\": 7, \"message\": \"bad \\\"date\\\"\"},\n"
        "  {\"severity\": \"warning\", \"path\": \"herald.yaml\", \"line\": 1, \"column\": 1, \"message\": \"unknown setting\"}\n"
        "]\n");
  Diagnostics none;
  CHECK(diagnostics_json(none) == "[]\n");
}

TEST_CASE("GitHub annotations escape what the workflow commands need") {
  Diagnostics diags;
  diags.error({"content/a,b.md", 3, 7}, "50% done\nnext line");
  diags.warning({"herald.yaml", 2, 0}, "unknown setting");
  CHECK(diagnostics_github(diags) ==
        "::error file=content/a%2Cb.md,line=3,col=7::50%25 done%0Anext line\n"
        "::warning file=herald.yaml,line=2,col=1::unknown setting\n");
}
