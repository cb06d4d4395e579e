// Tests for templates/theme and templates/renderer: overrides, partials, escaping.
#include <doctest/doctest.h>

#include "git/repository.h"
#include "templates/renderer.h"
#include "templates/theme.h"

using namespace herald;

TEST_CASE("the built-in theme has every template the build renders") {
  Theme theme = Theme::builtin();
  for (const char* name : {"layout", "home", "page", "newsletter", "briefing", "chapter", "manual", "event",
                           "newsletters", "briefings", "procedures", "changes", "events", "contacts", "term", "terms",
                           "search", "accessibility", "not_found", "feeds", "embed"}) {
    CAPTURE(name);
    CHECK(theme.template_text(name) != nullptr);
  }
  CHECK(theme.file("assets/herald.css") != nullptr);
  CHECK(theme.origin("templates/page.mustache") == "built-in theme");
}

TEST_CASE("a site's theme file replaces the built-in one of the same path") {
  std::vector<SourceFile> files = {{"themes/default/templates/page.mustache", "<p>mine</p>", "", SourceFile::Kind::file},
                                   {"themes/default/assets/extra.css", "x", "", SourceFile::Kind::file},
                                   {"themes/other/templates/page.mustache", "<p>other</p>", "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("default", files, diags);
  CHECK(*theme.template_text("page") == "<p>mine</p>");
  CHECK(theme.origin("templates/page.mustache") == "themes/default/templates/page.mustache");
  CHECK(theme.file("assets/extra.css") != nullptr);
  CHECK(theme.template_text("layout") != nullptr);  // still built in
  CHECK(Theme::load("default", files, diags).fingerprint() == theme.fingerprint());
  CHECK(Theme::builtin().fingerprint() != theme.fingerprint());
}

TEST_CASE("values are escaped; mustache in content is never evaluated") {
  std::vector<SourceFile> files = {
      {"themes/t/templates/layout.mustache", "[{{{content}}}]", "", SourceFile::Kind::file},
      {"themes/t/templates/page.mustache", "<h1>{{title}}</h1>{{> note}}{{{html}}}", "", SourceFile::Kind::file},
      {"themes/t/templates/partials/note.mustache", "<i>{{title}}</i>", "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("t", files, diags);
  Renderer renderer(theme, diags);
  TemplateData data;
  data.set("title", "<script>alert('x')</script> {{title}}");
  data.set("html", "<p>{{secret}}</p>");
  data.set("secret", "LEAKED");
  std::string out = renderer.render_page("page", data);
  CHECK(out ==
        "[<h1>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; {{title}}</h1>"
        "<i>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; {{title}}</i><p>{{secret}}</p>]");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("values are escaped exactly as kainjow's own escaping does, runs of plain text included") {
  for (std::string text : {std::string(), std::string("plain words"), std::string("&"), std::string("<>\"'&"),
                           std::string("a & b < c > d \" e ' f"), std::string("ends with &amp;"),
                           std::string("caf\xc3\xa9 & \0nul", 12), std::string("''''"), std::string(300, '<')}) {
    CAPTURE(text);
    CHECK(escape_for_template(text) == kainjow::mustache::html_escape(text));
  }
}

TEST_CASE("names are looked up as kainjow looks them up: dotted, shadowed by sections, odd dots") {
  const std::string text =
      "{{title}}|{{page.title}}|{{page.author.name}}|{{#page}}{{title}}{{/page}}|"
      "{{#items}}[{{.}}]{{/items}}|{{#people}}<{{name}}/{{page.title}}/{{title}}>{{/people}}|"
      "{{page..title}}|{{page.title.}}|{{.page}}|{{missing.title}}|{{page.missing}}|"
      "{{#page.author}}{{name}}{{/page.author}}|{{^page.none}}none{{/page.none}}";
  std::vector<SourceFile> files = {{"themes/t/templates/layout.mustache", "{{{content}}}", "", SourceFile::Kind::file},
                                   {"themes/t/templates/page.mustache", text, "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("t", files, diags);
  Renderer renderer(theme, diags);
  TemplateData author;
  author.set("name", "A & B");
  TemplateData page;
  page.set("title", "Inner");
  page.set("author", author);
  TemplateData items = TemplateData::type::list;
  items.push_back(TemplateData("one"));
  items.push_back(TemplateData("two"));
  TemplateData person;
  person.set("name", "P");
  TemplateData people = TemplateData::type::list;
  people.push_back(person);
  TemplateData data;
  data.set("title", "Outer");
  data.set("page", page);
  data.set("items", items);
  data.set("people", people);
  kainjow::mustache::mustache reference(text);
  std::string expected = reference.render(data);
  CHECK(renderer.render("page", data) == expected);
  CHECK(expected.find("Outer|Inner|A &amp; B|Inner|[one][two]|<P/Inner/Outer>") == 0);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a broken template is reported against its file") {
  std::vector<SourceFile> files = {{"themes/t/templates/page.mustache", "{{#open}} never closed", "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("t", files, diags);
  Renderer renderer(theme, diags);
  renderer.render("page", TemplateData());
  auto all = diags.sorted();
  REQUIRE_FALSE(all.empty());
  CHECK(all[0].where.path == "themes/t/templates/page.mustache");
  CHECK(all[0].message.rfind("template error: ", 0) == 0);
}

TEST_CASE("partials are inlined: nested, in lists, unknown ones render nothing, a self-including one stops") {
  std::vector<SourceFile> files = {
      {"themes/t/templates/layout.mustache", "{{{content}}}", "", SourceFile::Kind::file},
      {"themes/t/templates/page.mustache", "<ul>{{#items}}{{>  card }}{{/items}}</ul>{{> missing}}{{> loop}}", "",
       SourceFile::Kind::file},
      {"themes/t/templates/partials/card.mustache", "<li>{{name}}{{> badge}}</li>", "", SourceFile::Kind::file},
      {"themes/t/templates/partials/badge.mustache", "{{#new}}*{{/new}}", "", SourceFile::Kind::file},
      {"themes/t/templates/partials/loop.mustache", "{{#deeper}}+{{> loop}}{{/deeper}}", "", SourceFile::Kind::file}};
  Diagnostics diags;
  Theme theme = Theme::load("t", files, diags);
  Renderer renderer(theme, diags);
  TemplateData data;
  kainjow::mustache::list items;
  for (const char* name : {"a", "b", "c"}) {
    TemplateData item;
    item.set("name", name);
    item.set("new", TemplateData(std::string(name) == "b"));
    items.push_back(item);
  }
  data.set("items", items);
  // Twelve levels, each with `deeper` (the innermost false): deeper than
  // partials are inlined, so the last levels are rendered as partial tags.
  TemplateData nested(false);
  for (int i = 0; i < 12; ++i) {
    TemplateData outer;
    outer.set("deeper", nested);
    nested = std::move(outer);
  }
  data.set("deeper", nested);
  CHECK(renderer.render_page("page", data) == "<ul><li>a</li><li>b*</li><li>c</li></ul>" + std::string(12, '+'));
  CHECK_FALSE(diags.has_errors());
}
