// Integration: script, frames, event handlers and script URLs never reach any output as live markup.
#include <doctest/doctest.h>

#include <regex>

#include "support/site_builder.h"

using herald::test::read_tree;
using herald::test::contains;
using herald::test::TempSite;


TEST_CASE("hostile markup in content and front matter is never live in any output") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/newsletters/hostile.md",
             "---\n"
             "title: \"<script>alert('title')</script> {{site.title}}\"\n"
             "summary: \"<img src=x onerror=alert('summary')>\"\n"
             "date: 2024-05-01\n"
             "topics: [\"<b>topic</b>\"]\n"
             "---\n\n"
             "<script>alert('body')</script>\n\n"
             "<iframe src=\"https://evil.example/\"></iframe>\n\n"
             "Inline <span onclick=\"alert('click')\">span</span> and <a href=\"javascript:alert(1)\">raw link</a>.\n\n"
             "Allowed elements: <sup onclick=\"alert('sup')\">1</sup>, <abbr title='x\" onmouseover=\"alert(1)'>X</abbr>, "
             "<abbr title=\"&quot; onfocus=&quot;alert(2)\">Y</abbr>, <SUP\nonmouseover=alert(3)>2</SUP>, <mark>z</kbd>.\n\n"
             "Mustache `{{site.title}}` and `{{{page.html}}}` stay text.\n");
  site.commit("hostile");
  auto r = site.herald("build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "raw HTML is not allowed"));
  std::regex live_script("<script(?![^>]*src=\"[^\"]*(pagefind|herald|reload|assets/search\\.js)[^\"]*\")", std::regex::icase);
  std::regex handler("<[^>]+\\son[a-z]+\\s*=", std::regex::icase);
  std::regex script_url("(href|src)\\s*=\\s*\"\\s*(javascript|vbscript|data):", std::regex::icase);
  std::regex quoted("\"[^\"]*\"");
  for (const auto& [path, content] : read_tree(site.dir() + "/public")) {
    CAPTURE(path);
    if (path.size() > 5 && path.substr(path.size() - 5) == ".json") {
      // JSON Feed titles and summaries are plain text by definition; the
      // HTML it carries (content_html) must be as safe as the pages.
      CHECK_FALSE(contains(content, "<script>alert('body')"));
      CHECK_FALSE(contains(content, "<iframe"));
      continue;
    }
    CHECK_FALSE(std::regex_search(content, live_script));
    // Attribute values are text; what is left inside a tag is markup.
    CHECK_FALSE(std::regex_search(std::regex_replace(content, quoted, "\"\""), handler));
    CHECK_FALSE(std::regex_search(content, script_url));
    CHECK_FALSE(contains(content, "<iframe src=\"https://evil.example/"));
    CHECK_FALSE(contains(content, "<b>topic</b>"));
  }
  std::string page = site.read("public/newsletters/hostile/index.html");
  CHECK(contains(page, "&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt; {{site.title}}"));
  CHECK(contains(page, "Mustache <code>{{site.title}}</code> and <code>{{{page.html}}}</code> stay text."));
  CHECK(contains(page, "<abbr title=\"x&quot; onmouseover=&quot;alert(1)\">X</abbr>"));
  CHECK(contains(page, "<abbr title=\"&quot; onfocus=&quot;alert(2)\">Y</abbr>"));

  // Script URLs in Markdown are errors: nothing is published, the site stays as it was.
  auto before = read_tree(site.dir() + "/public");
  site.write("content/newsletters/links.md",
             "---\ntitle: Links\ndate: 2024-05-02\n---\n\n"
             "[markdown link](javascript:alert('md')) and [data](data:text/html;base64,PHNjcmlwdD4=) "
             "and [vb](VBScript:msgbox) and ![img](javascript:alert('img'))\n\n"
             "{{contact nope\"><script>alert(1)</script>}} and {{site.title}}\n");
  site.commit("links");
  auto refused = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(refused.exit_code == 1);
  CHECK(contains(refused.err, "content/newsletters/links.md:6:1: error: link 'javascript:alert('md')' is not allowed"));
  CHECK(contains(refused.err, "content/newsletters/links.md:8:1: error: '{{contact nope\">alert(1)}}' is not a valid shortcode"));
  CHECK(contains(refused.err, "content/newsletters/links.md:8:49: error: '{{site.title}}' is not a valid shortcode"));
  CHECK(read_tree(site.dir() + "/public") == before);
}
