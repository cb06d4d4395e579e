// Integration: the inline HTML elements allowed in Markdown reach the page, the feeds, the summary and the search index.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

TEST_CASE("sup, abbr and br are kept in the page and the full-content feed, and read as text by summary and search") {
  TempSite site;
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") + "feeds:\n  full_content: true\n");
  site.write("content/newsletters/annual.md",
             "---\ntitle: Annual report\ndate: 2024-05-01\n---\n\n"
             "Our 25<sup>th</sup> annual report: the <ABBR title=\"Local Authority Designated Officer\">LADO</ABBR> "
             "team grew.<br>\nA new line, and <kbd>Ctrl</kbd>.\n");
  site.commit("the report", "2024-05-01T10:00:00+01:00");
  run_command("ln -s '" HERALD_SOURCE_DIR "/node_modules' " + site.dir() + "/node_modules");
  auto r = run_command("cd " + site.dir() + " && env -u HERALD_PAGEFIND '" HERALD_BINARY
                       "' build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "raw HTML"));
  const std::string html =
      "Our 25<sup>th</sup> annual report: the <abbr title=\"Local Authority Designated Officer\">LADO</abbr> team "
      "grew.<br />\nA new line, and <kbd>Ctrl</kbd>.";
  std::string page = site.read("public/newsletters/annual/index.html");
  CHECK(contains(page, html));
  // The summary (the first paragraph's text) and the feeds.
  CHECK(contains(page, "<meta name=\"description\" content=\"Our 25th annual report: the LADO team grew. A new line, "
                       "and Ctrl.\">"));
  std::string json = site.read("public/newsletters/feed.json");
  CHECK(contains(json, "Our 25<sup>th</sup> annual report: the <abbr title=\\\"Local Authority Designated "
                       "Officer\\\">LADO</abbr>"));
  CHECK(contains(json, "\"summary\": \"Our 25th annual report: the LADO team grew."));
  CHECK(contains(site.read("public/newsletters/feed.xml"), "Our 25&lt;sup&gt;th&lt;/sup&gt; annual report"));
  // Pagefind indexes the words as a reader sees them.
  auto words = run_command("cd " + site.dir() +
                           "/public/pagefind && for f in fragment/*.pf_fragment; do gunzip -c < \"$f\"; echo; done");
  CHECK(contains(words.out, "Our 25th annual report"));
}
