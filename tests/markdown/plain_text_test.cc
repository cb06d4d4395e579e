// Tests for markdown/plain_text: the text of a subtree, for summaries, anchors and word counts.
#include "markdown/plain_text.h"

#include <doctest/doctest.h>

#include <string>

#include "markdown/gfm.h"

namespace herald {
namespace {

TEST_CASE("markdown plain text: markup goes, text and code stay, breaks become spaces") {
  CmarkNodePtr root = parse_gfm("*Hello*   **big**\n`world` [link](x) ~~old~~\\\nnext\n");
  CHECK(plain_text(root.get(), true) == "Hello big world link old next");
}

TEST_CASE("markdown plain text: image alt text only when asked for") {
  CmarkNodePtr root = parse_gfm("See ![a *photo*](p.jpg) here\n");
  CHECK(plain_text(root.get(), true) == "See a photo here");
  CHECK(plain_text(root.get(), false) == "See here");
  cmark_node* image = cmark_node_next(cmark_node_first_child(cmark_node_first_child(root.get())));
  REQUIRE(cmark_node_get_type(image) == CMARK_NODE_IMAGE);
  // Asked for the image itself, its alt text is its text.
  CHECK(plain_text(image, false) == "a photo");
}

TEST_CASE("markdown plain text: blocks are separated, raw HTML adds nothing") {
  CmarkNodePtr root =
      parse_gfm("One\n\n- two\n- three\n\n<div>four</div>\n\n```\nfive\n```\n\n|six|\n|-|\n|seven|\n");
  std::string raw;
  append_plain_text(root.get(), false, raw);
  CHECK(collapse_whitespace(raw) == "One two three five six seven");
}

TEST_CASE("markdown plain text: collapse_whitespace") {
  CHECK(collapse_whitespace("  a \t b\n\nc  ") == "a b c");
  CHECK(collapse_whitespace(" \n ") == "");
  CHECK(collapse_whitespace("") == "");
}

}  // namespace
}  // namespace herald
