// Tests for markdown/shortcodes: {{contact id}} and {{phone id}}, inline and as blocks, unknown ids.
#include "markdown/shortcodes.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;
using testing::test_contacts;
using Strings = std::vector<std::string>;

TEST_CASE("markdown shortcodes: the scanner finds contact and phone shortcodes") {
  auto found = find_shortcodes("Call {{phone team}} or {{ contact\tout-of-hours }}, not {{foo bar}}.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].offset == 5);
  CHECK(found[0].length == 14);
  CHECK(found[0].name == "phone");
  CHECK(found[0].id == "team");
  CHECK(found[1].offset == 23);
  CHECK(found[1].name == "contact");
  CHECK(found[1].id == "out-of-hours");
}

TEST_CASE("markdown shortcodes: the scanner ignores what is not a shortcode") {
  CHECK(find_shortcodes("{{contact}}").empty());
  CHECK(find_shortcodes("{{contact Team}}").empty());
  CHECK(find_shortcodes("{{contact a_b}}").empty());
  CHECK(find_shortcodes("{{contactteam}}").empty());
  CHECK(find_shortcodes("{{contact team}").empty());
  CHECK(find_shortcodes("{{ name }} {{").empty());
  auto nested = find_shortcodes("{{{contact team}}}");
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].offset == 1);
  CHECK(shortcode_text("phone", "team") == "{{phone team}}");
}

TEST_CASE("markdown shortcodes: a phone number inline") {
  auto p = parse_markdown("Call {{phone team}} (24 hours).\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p>Call <a href=\"tel:+441164960000\">0116 496 0000</a> (24 hours).</p>\n");
  CHECK(p.diags.empty());
  REQUIRE(p.doc.shortcodes().size() == 1);
  CHECK(p.doc.shortcodes()[0].name == "phone");
  CHECK(p.doc.shortcodes()[0].id == "team");
  CHECK_FALSE(p.doc.shortcodes()[0].block);
  CHECK(p.doc.shortcodes()[0].line == 1);
  CHECK(p.doc.shortcodes()[0].column == 6);
}

TEST_CASE("markdown shortcodes: a contact alone in its paragraph is a block") {
  auto p = parse_markdown("Who to call:\n\n{{ contact team }}\n\nThen wait.\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p>Who to call:</p>\n<div class=\"contact\">Advice Team</div>\n<p>Then wait.</p>\n");
  REQUIRE(p.doc.shortcodes().size() == 1);
  CHECK(p.doc.shortcodes()[0].block);
}

TEST_CASE("markdown shortcodes: a contact with other text is inline") {
  auto p = parse_markdown("Ring {{contact team}} or {{contact out-of-hours}}.\n", 0, &test_contacts());
  CHECK(p.doc.html() ==
        "<p>Ring <span class=\"contact\">Advice Team</span> or "
        "<span class=\"contact\">Out of Hours</span>.</p>\n");
}

TEST_CASE("markdown shortcodes: a phone alone in its paragraph stays inline") {
  auto p = parse_markdown("{{phone team}}\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p><a href=\"tel:+441164960000\">0116 496 0000</a></p>\n");
}

TEST_CASE("markdown shortcodes: a contact card in a list item and in a quote") {
  auto p = parse_markdown("- {{contact team}}\n\n> {{contact team}}\n", 0, &test_contacts());
  CHECK(p.doc.html() ==
        "<ul>\n<li>\n<div class=\"contact\">Advice Team</div>\n</li>\n</ul>\n"
        "<blockquote>\n<div class=\"contact\">Advice Team</div>\n</blockquote>\n");
}

TEST_CASE("markdown shortcodes: in table cells, headings and emphasis") {
  auto p = parse_markdown(
      "| Team | Phone |\n|---|---|\n| Advice | {{phone team}} |\n\n## Call {{phone team}}\n\n"
      "*Urgent: {{phone team}}*\n",
      0, &test_contacts());
  CHECK(p.doc.html() ==
        "<table>\n<thead>\n<tr>\n<th>Team</th>\n<th>Phone</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td>Advice</td>\n<td><a href=\"tel:+441164960000\">0116 496 0000</a></td>\n</tr>\n"
        "</tbody>\n</table>\n"
        "<h2 id=\"call\">Call <a href=\"tel:+441164960000\">0116 496 0000</a></h2>\n"
        "<p><em>Urgent: <a href=\"tel:+441164960000\">0116 496 0000</a></em></p>\n");
  REQUIRE(p.doc.headings().size() == 1);
  CHECK(p.doc.headings()[0].text == "Call");
}

TEST_CASE("markdown shortcodes: an id with a w, which the autolinker looks at") {
  auto p = parse_markdown("Ask {{contact www-team}} or {{phone team}}.\n", 0, &test_contacts());
  // www-team is unknown to the test directory: the point is that it is read whole.
  CHECK(p.diags == Strings{"1:5: error: unknown contact 'www-team' in {{contact www-team}}"});
  CHECK(p.doc.html() ==
        "<p>Ask {{contact www-team}} or "
        "<a href=\"tel:+441164960000\">0116 496 0000</a>.</p>\n");
}

TEST_CASE("markdown shortcodes: an unknown id is an error at the exact line and column") {
  auto p =
      parse_markdown("Intro.\n\nCall {{phone nobody}} or &amp; {{contact gone}}.\n\n{{contact missing}}\n", 6,
                     &test_contacts());
  CHECK(p.diags == Strings{"9:6: error: unknown contact 'nobody' in {{phone nobody}}",
                           "9:32: error: unknown contact 'gone' in {{contact gone}}",
                           "11:1: error: unknown contact 'missing' in {{contact missing}}"});
  // Unknown shortcodes stay as text, so the page still shows something.
  CHECK(p.doc.html() ==
        "<p>Intro.</p>\n<p>Call {{phone nobody}} or &amp; {{contact gone}}.</p>\n"
        "<p>{{contact missing}}</p>\n");
}

TEST_CASE("markdown shortcodes: an unknown id close to a known one says which was meant") {
  auto p = parse_markdown("Call {{phone taem}} or {{contact out-of-hour}}.\n", 0, &test_contacts());
  CHECK(p.diags == Strings{"1:6: error: unknown contact 'taem' in {{phone taem}}: did you mean {{phone team}}?",
                           "1:24: error: unknown contact 'out-of-hour' in {{contact out-of-hour}}: did you mean "
                           "{{contact out-of-hours}}?"});
}

TEST_CASE("markdown shortcodes: positions on indented and quoted lines") {
  auto p = parse_markdown("Para\n    {{phone a}} x\n\n> > quoted {{contact b}}\n", 0, &test_contacts());
  CHECK(p.diags == Strings{"2:5: error: unknown contact 'a' in {{phone a}}",
                           "4:12: error: unknown contact 'b' in {{contact b}}"});
}

TEST_CASE("markdown shortcodes: the same unknown shortcode twice on a line") {
  auto p = parse_markdown("{{phone x}} and {{phone x}}\n", 0, &test_contacts());
  CHECK(p.diags == Strings{"1:1: error: unknown contact 'x' in {{phone x}}",
                           "1:17: error: unknown contact 'x' in {{phone x}}"});
}

TEST_CASE("markdown shortcodes: an unknown name stays as text, without a diagnostic") {
  auto p = parse_markdown("{{foo bar}} and {{ email team }}\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p>{{foo bar}} and {{ email team }}</p>\n");
  CHECK(p.diags.empty());
  CHECK(p.doc.shortcodes().empty());
}

TEST_CASE("markdown shortcodes: the scanner finds shortcodes mistyped, and what was meant") {
  auto found = find_near_shortcodes("Call {{phnoe team}}, {{Contact team}} or {{ contacts  Out_Of_Hours }}.");
  REQUIRE(found.size() == 3);
  CHECK(found[0].offset == 5);
  CHECK(found[0].length == 14);
  CHECK(found[0].suggestion == "{{phone team}}");
  CHECK(found[1].suggestion == "{{contact team}}");
  CHECK(found[2].suggestion == "{{contact out-of-hours}}");
  CHECK(found[2].length == 28);
  CHECK(find_near_shortcodes("{{phone Front-Door}}").at(0).suggestion == "{{phone front-door}}");
  CHECK(find_near_shortcodes("{{cnotact team}}").at(0).suggestion == "{{contact team}}");
  CHECK(find_near_shortcodes("{{contat team}}").at(0).suggestion == "{{contact team}}");
  CHECK(find_near_shortcodes("{{phones team}}").at(0).suggestion == "{{phone team}}");
}

TEST_CASE("markdown shortcodes: the scanner leaves alone what is further from a shortcode") {
  for (const char* text : {"{{phone team}}", "{{contact team}}", "{{foo bar}}", "{{ email team }}", "{{name}}",
                           "{{phone}}", "{{fone team}}", "{{done it}}", "{{phone team}", "{{phoneteam}}",
                           "{{phnoe team!}}", "{{contractor team}}"}) {
    CAPTURE(std::string(text));
    CHECK(find_near_shortcodes(text).empty());
  }
}

TEST_CASE("markdown shortcodes: a mistyped shortcode is a warning at its place, and stays as text") {
  auto p = parse_markdown("Intro.\n\nCall {{phnoe team}} now, or `{{phnoe team}}`.\n\n> {{Contact team}}\n", 3,
                          &test_contacts());
  CHECK(p.diags == Strings{"6:6: warning: '{{phnoe team}}' is not a shortcode, so it is shown as written: did "
                           "you mean {{phone team}}?",
                           "8:3: warning: '{{Contact team}}' is not a shortcode, so it is shown as written: did "
                           "you mean {{contact team}}?"});
  CHECK(p.doc.html() ==
        "<p>Intro.</p>\n<p>Call {{phnoe team}} now, or <code>{{phnoe team}}</code>.</p>\n"
        "<blockquote>\n<p>{{Contact team}}</p>\n</blockquote>\n");
}

TEST_CASE("markdown shortcodes: not expanded inside code") {
  auto p = parse_markdown("Write `{{phone team}}`:\n\n```\n{{contact team}}\n```\n", 0, &test_contacts());
  CHECK(p.doc.html() ==
        "<p>Write <code>{{phone team}}</code>:</p>\n"
        "<pre><code>{{contact team}}\n</code></pre>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown shortcodes: mustache-like text stays literal and escaped") {
  auto p = parse_markdown("Template {{name}} & {{<b>}}\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p>Template {{name}} &amp; {{}}</p>\n");
}

TEST_CASE("markdown shortcodes: without a resolver they stay as text") {
  auto p = parse_markdown("Call {{phone team}}.\n\n{{contact team}}\n");
  CHECK(p.doc.html() == "<p>Call {{phone team}}.</p>\n<p>{{contact team}}</p>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown shortcodes: the resolver is asked once per shortcode, when parsing") {
  int calls = 0;
  ShortcodeResolver counting{
      [&](std::string_view, std::string_view id, bool block) -> std::optional<std::string> {
        ++calls;
        return std::string(block ? "<div>" : "<b>") + std::string(id) + (block ? "</div>" : "</b>");
      },
      nullptr};
  auto p = parse_markdown("{{contact a}}\n\n## {{phone b}}\n\nx {{phone c}}\n", 0, &counting);
  CHECK(calls == 3);
  const std::string expected = "<div>a</div>\n<h2 id=\"section\"><b>b</b></h2>\n<p>x <b>c</b></p>\n";
  CHECK(p.doc.html() == expected);
  CHECK(p.doc.html_with_urls([](std::string_view u) { return std::string(u); }) == expected);
  CHECK(p.doc.sections(2, nullptr).size() == 1);
  CHECK(calls == 3);
}

TEST_CASE("markdown shortcodes: not expanded inside link text or image alt text") {
  auto p = parse_markdown("[{{phone team}}](tel:1) ![{{contact team}}](a.png)\n", 0, &test_contacts());
  CHECK(p.doc.html() ==
        "<p><a href=\"tel:1\">{{phone team}}</a> <img src=\"a.png\" alt=\"{{contact team}}\" /></p>\n");
}

TEST_CASE("markdown shortcodes: root() marks the inserted HTML with its shortcode") {
  auto p = parse_markdown("{{contact team}}\n\nCall {{phone team}}\n", 0, &test_contacts());
  cmark_node* card = cmark_node_first_child(p.doc.root());
  REQUIRE(cmark_node_get_type(card) == CMARK_NODE_HTML_BLOCK);
  const ShortcodeUse* use = p.doc.shortcode_at(card);
  REQUIRE(use != nullptr);
  CHECK(use->name == "contact");
  CHECK(use->block);
  cmark_node* paragraph = cmark_node_next(card);
  cmark_node* phone = cmark_node_last_child(paragraph);
  REQUIRE(cmark_node_get_type(phone) == CMARK_NODE_HTML_INLINE);
  REQUIRE(p.doc.shortcode_at(phone) != nullptr);
  CHECK(p.doc.shortcode_at(phone)->name == "phone");
  CHECK(p.doc.shortcode_at(phone)->column == 6);
  CHECK(p.doc.shortcode_at(cmark_node_first_child(paragraph)) == nullptr);
}

}  // namespace
}  // namespace herald
