// Tests for markdown/gfm: the cmark-gfm setup, and parsing from many threads at once.
#include "markdown/gfm.h"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "markdown/document.h"

namespace herald {
namespace {

TEST_CASE("markdown gfm: parse and render with the GFM extensions, without smart quotes") {
  CmarkNodePtr root = parse_gfm("\"a\" ~~b~~ www.c.example\n\n|x|\n|-|\n|y|\n\n- [x] d\n");
  REQUIRE(root);
  CHECK(render_gfm_html(root.get()) ==
        "<p>&quot;a&quot; <del>b</del> <a href=\"http://www.c.example\">www.c.example</a></p>\n"
        "<table>\n<thead>\n<tr>\n<th>x</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>y</td>\n</tr>\n"
        "</tbody>\n</table>\n"
        "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> d</li>\n</ul>\n");
  cmark_node* table = cmark_node_next(cmark_node_first_child(root.get()));
  CHECK(is_gfm_table(table));
  CHECK_FALSE(is_gfm_table(cmark_node_first_child(root.get())));
}

TEST_CASE("markdown gfm: raw HTML nodes render as they are (herald's own HTML)") {
  CmarkNodePtr root = parse_gfm("x\n");
  cmark_node* html = cmark_node_new(CMARK_NODE_HTML_BLOCK);
  cmark_node_set_literal(html, "<div class=\"card\">y</div>");
  REQUIRE(cmark_node_append_child(root.get(), html));
  CHECK(render_gfm_html(root.get()) == "<p>x</p>\n<div class=\"card\">y</div>\n");
}

TEST_CASE("markdown gfm: parsing from many threads at once gives the same result every time") {
  // cmark-gfm 0.29.0.gfm.6 keeps the extensions' special characters in a
  // global table; unguarded, concurrent parses lose strikethroughs and
  // autolinks now and then.
  const std::string body =
      "x ~~old~~ y and www.example.org z\n\n| a | b |\n|---|---|\n| ~~c~~ | d |\n\n## Head\n";
  Diagnostics first;
  const std::string expected = Document::parse(body, {}, first).html();
  REQUIRE(expected.find("<del>old</del>") != std::string::npos);
  REQUIRE(expected.find("<a href=\"http://www.example.org\">") != std::string::npos);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        Diagnostics diags;
        Document doc = Document::parse(body, {}, diags);
        if (doc.html() != expected) ++wrong;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong.load() == 0);
}

TEST_CASE("markdown gfm: on this platform parses do not take turns") {
  // herald pins cmark-gfm's special characters on (see markdown/gfm.cc);
  // if that stops working, parsing falls back to a mutex and loses speed.
  CHECK(gfm_parses_in_parallel());
}

}  // namespace
}  // namespace herald
