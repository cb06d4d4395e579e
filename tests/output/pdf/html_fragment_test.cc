// The reader of herald's own shortcode HTML.
#include "output/pdf/html_fragment.h"

#include <doctest/doctest.h>

using herald::pdf::HtmlToken;
using herald::pdf::is_block_tag;
using herald::pdf::tokenize_html;

TEST_CASE("a contact card splits into tags with their href and class, and decoded text") {
  auto tokens = tokenize_html(
      "<div class=\"contact-card\">\n<p><strong>Children&#39;s Front Door</strong><br>Northbrook &amp; "
      "District</p>\n<ul><li><a class=\"herald-phone\" href=\"tel:+441164960000\">0116 496 0000</a> – "
      "Office hours</li></ul>\n</div>");
  REQUIRE(tokens.size() >= 10);
  CHECK(tokens[0].type == HtmlToken::open);
  CHECK(tokens[0].name == "div");
  CHECK(tokens[0].klass == "contact-card");
  std::string text;
  std::string href;
  for (const auto& t : tokens) {
    if (t.type == HtmlToken::text) text += t.value;
    if (t.type == HtmlToken::open && t.name == "a") href = t.href;
  }
  CHECK(text.find("Children's Front Door") != std::string::npos);
  CHECK(text.find("Northbrook & District") != std::string::npos);
  CHECK(text.find("0116 496 0000 – Office hours") != std::string::npos);
  CHECK(href == "tel:+441164960000");
  CHECK(tokens.back().type == HtmlToken::close);
  CHECK(tokens.back().name == "div");
}

TEST_CASE("comments, odd attributes and stray brackets never throw") {
  auto tokens = tokenize_html("<!-- raw HTML omitted -->a < b <A HREF=x.html>link</A> &#x2014; &bogus; <");
  std::string text;
  for (const auto& t : tokens)
    if (t.type == HtmlToken::text) text += t.value;
  CHECK(text == "a < b link \xE2\x80\x94 &bogus; <");
  bool found = false;
  for (const auto& t : tokens)
    if (t.type == HtmlToken::open && t.name == "a") found = t.href == "x.html";
  CHECK(found);
  CHECK(tokenize_html("").empty());
  CHECK(is_block_tag("li"));
  CHECK_FALSE(is_block_tag("strong"));
}
