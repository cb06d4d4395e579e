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

TEST_CASE("markdown shortcodes: the scanner finds what looks like a shortcode but is not one") {
  auto found = find_shortcode_lookalikes("Call {{phnoe team}}, {{Contact team}} or {{ contacts  Out_Of_Hours }}.");
  REQUIRE(found.size() == 3);
  CHECK(found[0].offset == 5);
  CHECK(found[0].length == 14);
  CHECK(found[0].closed);
  CHECK(found[0].name == "phnoe");
  CHECK(found[0].id == "team");
  CHECK(found[1].name == "contact");
  CHECK(found[2].name == "contacts");
  CHECK(found[2].id == "out-of-hours");
  CHECK(found[2].length == 28);
  auto one = [](std::string_view text) {
    auto all = find_shortcode_lookalikes(text);
    REQUIRE(all.size() == 1);
    return all[0];
  };
  CHECK(one("{{phone Lado}}").id == "lado");
  CHECK(one("{{phone Stronger-Families-Hub}}").id == "stronger-families-hub");
  CHECK(one("{{emial x}}").name == "emial");
  CHECK(one("{{name}}").id == "");
  CHECK(one("{{first_name}}").name == "first");
  CHECK(one("{{contact Front Door}}").id == "front-door");
  CHECK(one("{{phone:team}}").id == "team");
  CHECK(one("{{contact nope\"><script>}}").id == "nope-script");
  // A non-breaking space or a zero-width space is not a space between the
  // name and the id, nor part of the id.
  CHECK(one("{{phone\xc2\xa0lado}}").name == "phone");
  CHECK(one("{{phone\xc2\xa0lado}}").id == "lado");
  CHECK(one("{{phone lado\xe2\x80\x8b}}").id == "lado");
  CHECK(one("{{\xc2\xa0phone lado}}").length == 16);
  // Never closed: the name and one word, and a single brace.
  auto open = one("Call {{phone team} now");
  CHECK_FALSE(open.closed);
  CHECK(open.offset == 5);
  CHECK(open.length == 13);
  CHECK(open.id == "team");
  CHECK(one("{{phone team now").length == 12);
  CHECK(one("{{ contact team }").length == 17);
  CHECK(one("{{phone").length == 7);
  CHECK(one("{{phone ").length == 7);
  // Not past the next double braces.
  auto two = find_shortcode_lookalikes("{{x {{phone team}} {{y}} {{contact}}");
  REQUIRE(two.size() == 3);
  CHECK(two[0].length == 3);
  CHECK(two[1].offset == 19);
  CHECK(two[1].name == "y");
  CHECK(two[2].name == "contact");
}

TEST_CASE("markdown shortcodes: double braces not followed by a word are not a lookalike") {
  for (const char* text : {"{{phone team}}", "{{ contact out-of-hours }}", "{{}}", "{{ }}", "{{1}}", "{{ 2024 }}",
                           "{{#each}}", "{{/if}}", "{{> partial}}", "{{{contact team}}}", "}} {{", "{ {phone x} }",
                           "{{", "{{-x}}", "{{\xc3\xa9t\xc3\xa9}}"}) {
    CAPTURE(std::string(text));
    CHECK(find_shortcode_lookalikes(text).empty());
  }
}

TEST_CASE("markdown shortcodes: the name meant") {
  bool near = false;
  CHECK(shortcode_names_meant("phone", &near) == Strings{"phone"});
  CHECK(near);
  CHECK(shortcode_names_meant("phnoe") == Strings{"phone"});
  CHECK(shortcode_names_meant("phones") == Strings{"phone"});
  CHECK(shortcode_names_meant("contacts") == Strings{"contact"});
  CHECK(shortcode_names_meant("cnotact") == Strings{"contact"});
  CHECK(shortcode_names_meant("contat") == Strings{"contact"});
  CHECK(shortcode_names_meant("emial", &near) == Strings{"phone", "contact"});
  CHECK_FALSE(near);
  CHECK(shortcode_names_meant("contractor") == Strings{"phone", "contact"});
}

TEST_CASE("markdown shortcodes: the message suggests the valid form, or says how to write one") {
  ContactIds ids{[](std::string_view id) { return id == "lado" || id == "front-door"; },
                 [](std::string_view id) { return closest_match(id, {"lado", "front-door"}); }};
  auto message = [&](std::string_view written) {
    auto found = find_shortcode_lookalikes(written);
    REQUIRE(found.size() == 1);
    return lookalike_message(written.substr(found[0].offset, found[0].length), found[0], ids);
  };
  CHECK(message("{{phone Lado}}") == "'{{phone Lado}}' is not a valid shortcode: did you mean {{phone lado}}?");
  CHECK(message("{{Contact front_dor}}") ==
        "'{{Contact front_dor}}' is not a valid shortcode: did you mean {{contact front-door}}?");
  CHECK(message("{{phone front-door}") ==
        "'{{phone front-door}' is not a valid shortcode: did you mean {{phone front-door}}?");
  CHECK(message("{{emial lado}}") ==
        "'{{emial lado}}' is not a valid shortcode: did you mean {{phone lado}} or {{contact lado}}? To show "
        "double braces as they are, put the text in backticks (`)");
  CHECK(message("{{emial x}}") ==
        "'{{emial x}}' is not a valid shortcode: write {{phone id}} or {{contact id}} with the id of a contact in "
        "data/contacts.yaml; no contact has the id 'x'. To show double braces as they are, put the text in "
        "backticks (`)");
  CHECK(message("{{name}}") ==
        "'{{name}}' is not a valid shortcode: write {{phone id}} or {{contact id}} with the id of a contact in "
        "data/contacts.yaml. To show double braces as they are, put the text in backticks (`)");
  CHECK(message("{{phone}}") ==
        "'{{phone}}' is not a valid shortcode: write {{phone id}} with the id of a contact in data/contacts.yaml");
  CHECK(message("{{phone Nobody}}") ==
        "'{{phone Nobody}}' is not a valid shortcode: write {{phone id}} with the id of a contact in "
        "data/contacts.yaml; no contact has the id 'nobody'");
  CHECK(message("{{phone lado\xe2\x80\x8b}}") ==
        "'{{phone lado\xe2\x80\x8b}}' is not a valid shortcode: it contains a zero-width space after "
        "'{{phone lado', which cannot be seen: did you mean {{phone lado}}?");
  CHECK(message("{{phone\xc2\xa0lado}}") ==
        "'{{phone\xc2\xa0lado}}' is not a valid shortcode: it contains a non-breaking space after '{{phone', "
        "which looks like a space but is not one: did you mean {{phone lado}}?");
  // A long one is quoted short.
  std::string long_text = "{{note " + std::string(200, 'x') + "}}";
  CHECK(message(long_text).rfind("'{{note xxxxxxxxxx", 0) == 0);
  CHECK(message(long_text).find(std::string(61, 'x')) == std::string::npos);
  // No directory to ask.
  auto found = find_shortcode_lookalikes("{{Phone lado}}");
  CHECK(lookalike_message("{{Phone lado}}", found[0], {}) ==
        "'{{Phone lado}}' is not a valid shortcode: write {{phone id}} with the id of a contact in "
        "data/contacts.yaml; no contact has the id 'lado'");
}

TEST_CASE("markdown shortcodes: a lookalike is an error at its place, and stays as text") {
  auto p = parse_markdown("Intro.\n\nCall {{phnoe team}} now, or `{{phnoe team}}`.\n\n> {{Contact team}}\n", 3,
                          &test_contacts());
  CHECK(p.diags == Strings{"6:6: error: '{{phnoe team}}' is not a valid shortcode: did you mean {{phone team}}?",
                           "8:3: error: '{{Contact team}}' is not a valid shortcode: did you mean {{contact team}}?"});
  CHECK(p.doc.html() ==
        "<p>Intro.</p>\n<p>Call {{phnoe team}} now, or <code>{{phnoe team}}</code>.</p>\n"
        "<blockquote>\n<p>{{Contact team}}</p>\n</blockquote>\n");
  CHECK(p.doc.shortcodes().empty());
}

TEST_CASE("markdown shortcodes: any word in double braces is an error, valid shortcodes beside it expanded") {
  auto p = parse_markdown("Dear {{name}}, call {{phone team}} or {{emial team}}.\n", 0, &test_contacts());
  CHECK(p.diags ==
        Strings{"1:6: error: '{{name}}' is not a valid shortcode: write {{phone id}} or {{contact id}} with the id "
                "of a contact in data/contacts.yaml. To show double braces as they are, put the text in backticks (`)",
                "1:39: error: '{{emial team}}' is not a valid shortcode: did you mean {{phone team}} or "
                "{{contact team}}? To show double braces as they are, put the text in backticks (`)"});
  CHECK(p.doc.html() ==
        "<p>Dear {{name}}, call <a href=\"tel:+441164960000\">0116 496 0000</a> or {{emial team}}.</p>\n");
}

TEST_CASE("markdown shortcodes: double braces in code, or not followed by a word, are allowed") {
  auto p = parse_markdown(
      "Write `{{name}}` and `{{phone Lado}}`:\n\n```\n{{#each people}}{{name}}{{/each}}\n```\n\n"
      "    {{contact nope}}\n\nSets such as {{1, 2}, {3}} and {{ }} and {{#if}}.\n",
      0, &test_contacts());
  CHECK(p.diags.empty());
}

TEST_CASE("markdown shortcodes: an invisible character is pointed at") {
  auto p = parse_markdown("Call {{phone te\xe2\x80\x8b" "am}} or {{contact\xc2\xa0team}}.\n", 0, &test_contacts());
  // The caret goes on the character (column 16 and 36, in bytes), and the id is read without it.
  CHECK(p.diags == Strings{"1:16: error: '{{phone te\xe2\x80\x8b" "am}}' is not a valid shortcode: it contains a "
                           "zero-width space after '{{phone te', which cannot be seen: did you mean {{phone team}}?",
                           "1:36: error: '{{contact\xc2\xa0team}}' is not a valid shortcode: it contains a "
                           "non-breaking space after '{{contact', which looks like a space but is not one: did you "
                           "mean {{contact team}}?"});
}

TEST_CASE("markdown shortcodes: HTML in a lookalike is left out, and the rest reported") {
  auto p = parse_markdown("Ring {{contact nope\"><script>}} now.\n", 0, &test_contacts());
  CHECK(p.diags == Strings{"1:6: error: '{{contact nope\">}}' is not a valid shortcode: write {{contact id}} with "
                           "the id of a contact in data/contacts.yaml; no contact has the id 'nope'",
                           "1:22: warning: raw HTML is not allowed and was left out"});
  CHECK(p.doc.html() == "<p>Ring {{contact nope&quot;&gt;}} now.</p>\n");
}

TEST_CASE("markdown shortcodes: inside a link's text or an image's description, an error") {
  auto p = parse_markdown("[Call {{phone team}}](tel:1) ![{{contact Team}}](a.png) www.example.org/{{a-b}}\n", 0,
                          &test_contacts());
  CHECK(p.diags == Strings{"1:7: error: '{{phone team}}' is inside a link's text or an image's description, "
                           "where a shortcode cannot be shown: move it out of the [ ]",
                           "1:32: error: '{{contact Team}}' is not a valid shortcode: did you mean {{contact team}}?"});
}

TEST_CASE("markdown shortcodes: not expanded inside code") {
  auto p = parse_markdown("Write `{{phone team}}`:\n\n```\n{{contact team}}\n```\n", 0, &test_contacts());
  CHECK(p.doc.html() ==
        "<p>Write <code>{{phone team}}</code>:</p>\n"
        "<pre><code>{{contact team}}\n</code></pre>\n");
  CHECK(p.diags.empty());
}

TEST_CASE("markdown shortcodes: mustache-like text stays literal and escaped, with its error") {
  auto p = parse_markdown("Template {{name}} & {{<b>}}\n", 0, &test_contacts());
  CHECK(p.doc.html() == "<p>Template {{name}} &amp; {{}}</p>\n");
  CHECK(p.diags.size() == 2);  // {{name}}, and the raw HTML
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
  CHECK(p.diags.size() == 2);
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
