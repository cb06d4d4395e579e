// Tests for markdown/lints: the content checks of spec §7, with exact messages, lines and columns.
#include "markdown/lints.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;
using Strings = std::vector<std::string>;

TEST_CASE("markdown lints: an image without alt text") {
  auto p = parse_markdown("Intro.\n\nSee ![](photo.png) and ![  ](images/b.jpg).\n", 3);
  CHECK(p.diags == Strings{"6:5: warning: image 'photo.png' has no alt text: describe it for people who "
                           "cannot see it",
                           "6:24: warning: image 'images/b.jpg' has no alt text: describe it for people who "
                           "cannot see it"});
}

TEST_CASE("markdown lints: an image with alt text is fine") {
  CHECK(parse_markdown("![Staff at the launch](photo.png)\n").diags.empty());
}

TEST_CASE("markdown lints: an image on an indented continuation line is found exactly") {
  auto p = parse_markdown("First line\n   then ![](p.png)\n");
  CHECK(p.diags == Strings{"2:9: warning: image 'p.png' has no alt text: describe it for people "
                           "who cannot see it"});
}

TEST_CASE("markdown lints: vague link text") {
  auto p = parse_markdown(
      "To book [click here](https://a.example/).\n"
      "- [Here.](https://b.example/)\n"
      "- [Read More](https://c.example/)\n"
      "- [this link](https://d.example/) [more](https://e.example/) [LINK!](https://f.example/)\n",
      2);
  CHECK(p.diags == Strings{
                       "3:9: warning: link text 'click here' does not say where the link goes",
                       "4:3: warning: link text 'Here.' does not say where the link goes",
                       "5:3: warning: link text 'Read More' does not say where the link goes",
                       "6:3: warning: link text 'this link' does not say where the link goes",
                       "6:35: warning: link text 'more' does not say where the link goes",
                       "6:62: warning: link text 'LINK!' does not say where the link goes",
                   });
}

TEST_CASE("markdown lints: link text that says where it goes is fine") {
  CHECK(parse_markdown("[Read more about Prevent](https://a.example/) and "
                       "[the referral form](form.pdf)\n")
            .diags.empty());
  CHECK(is_vague_link_text("  Click   here  "));
  CHECK(is_vague_link_text("more..."));
  CHECK_FALSE(is_vague_link_text("here is the form"));
  CHECK_FALSE(is_vague_link_text(""));
}

TEST_CASE("markdown lints: a link with no destination") {
  auto p = parse_markdown("[Referral form](#) and [Guidance]() and [Ok](#part)\n");
  CHECK(p.diags == Strings{"1:1: warning: link 'Referral form' has no destination",
                           "1:24: warning: link 'Guidance' has no destination"});
}

TEST_CASE("markdown lints: a long web address as link text") {
  auto p = parse_markdown(
      "Go to https://www.northbrook.example/safeguarding/adults/referrals today.\n"
      "Or [www.northbrook.example/safeguarding/children/referral](https://x.example/).\n"
      "Short https://northbrook.example/a is fine.\n");
  CHECK(p.diags ==
        Strings{"1:7: warning: link text is a long web address: use words that say where it goes",
                "2:4: warning: link text is a long web address: use words that say where it goes"});
  CHECK(is_long_web_address("https://example.org/0123456789/0123456789/x"));
  CHECK_FALSE(is_long_web_address("https://example.org/0123456789/012345678"));  // 40 chars
  CHECK_FALSE(is_long_web_address("The long report about https://example.org/0123456789/xx"));
}

TEST_CASE("markdown lints: a level-1 heading in the body") {
  auto p = parse_markdown("Intro\n\n# Another title\n\n## Fine\n", 5);
  CHECK(p.diags == Strings{"8:1: warning: a level-1 heading in the body: the page title is the "
                           "only level-1 heading; use '##'"});
}

TEST_CASE("markdown lints: a setext level-1 heading is a level-1 heading too") {
  auto p = parse_markdown("Title\n=====\n");
  CHECK(p.diags == Strings{"1:1: warning: a level-1 heading in the body: the page title is the "
                           "only level-1 heading; use '##'"});
}

TEST_CASE("markdown lints: skipped heading levels") {
  auto p = parse_markdown("## A\n\n#### B\n\n## C\n\n### D\n\n##### E\n", 1);
  CHECK(p.diags == Strings{"4:1: warning: heading level skips from 2 to 4",
                           "10:1: warning: heading level skips from 3 to 5"});
}

TEST_CASE("markdown lints: a body that starts at ### skips from the title's level") {
  auto p = parse_markdown("### Too deep\n");
  CHECK(p.diags == Strings{"1:1: warning: heading level skips from 1 to 3"});
}

TEST_CASE("markdown lints: going back up any number of levels is fine") {
  CHECK(parse_markdown("## A\n\n### B\n\n#### C\n\n## D\n").diags.empty());
}

TEST_CASE("markdown lints: a table whose header cells are all empty") {
  auto p = parse_markdown("Text.\n\n|   |  |\n|---|--|\n| a | b |\n\n| x | |\n|---|--|\n| 1 | 2 |\n", 2);
  CHECK(p.diags == Strings{"5:1: warning: table has no header row"});
}

TEST_CASE("markdown lints: diagnostics carry the file path") {
  MarkdownOptions options;
  options.path = "content/briefings/sudi.md";
  options.line_offset = 10;
  Diagnostics diags;
  Document::parse("![](x.png)\n", options, diags);
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].where.path == "content/briefings/sudi.md");
  CHECK(sorted[0].where.line == 11);
  CHECK(sorted[0].where.column == 1);
  CHECK(sorted[0].severity == Severity::warning);
}

}  // namespace
}  // namespace herald
