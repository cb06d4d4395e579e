// Tests for output/email/email_html: the body as email HTML, every style inline, every URL whole, contact cards.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "output/email/email_html.h"
#include "output/email/email_test_support.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::testing::email_fixture;

namespace {

std::string body_html(const testing::EmailFixture& f, Diagnostics& diags, size_t* missing = nullptr) {
  EmailPalette palette;
  EmailStyles styles(palette);
  return email_body_html(f.source(), styles, diags, missing);
}

/// Every start tag of `html`: its name and the text inside its angle brackets.
std::vector<std::pair<std::string, std::string>> start_tags(const std::string& html) {
  std::vector<std::pair<std::string, std::string>> tags;
  static const std::regex tag(R"(<([a-z0-9]+)([^>]*)>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it)
    tags.push_back({(*it)[1], (*it)[2]});
  return tags;
}

const char* kBody = R"(## The review about Child J

The partnership published its review. Read [the briefing](/briefings/neglect/), the [chapter](../../procedures/x/),
[the part below](#what-we-are-doing) and [another site](https://www.gov.uk/guidance), or email
<advice@testshire.example>.

![Practitioners around a table](wide.png)

### What we are doing

1. Launching a *shared* tool.
2. Adding **neglect** to the training.

- [ ] not yet
- [x] done

> A quote with `code`.

```
code block
```

| Course | Who it is for | Length |
| --- | :---: | ---: |
| Foundations | Everyone | Half a day |

---

## A new number for the LADO

Call {{phone lado}} or ask {{contact lado}} today.

{{contact lado}}

Small ![a chart](https://cdn.example.org/chart.png "Chart") inline.
)";

}  // namespace

TEST_CASE("the body: every element styled inline, no <style>, no class, no script; whole addresses of the site") {
  auto f = email_fixture(kBody);
  Diagnostics diags;
  size_t missing = 9;
  std::string html = body_html(*f, diags, &missing);
  CHECK(herald::test::messages(diags).empty());
  CHECK(missing == 0);
  CHECK(html.find("<style") == std::string::npos);
  CHECK(html.find("class=") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  // Text-level elements inherit their paragraph's style; everything else carries its own.
  const std::set<std::string> inherit = {"em", "strong", "s", "sup", "br", "thead", "tbody", "tr"};
  for (const auto& [name, attributes] : start_tags(html)) {
    CAPTURE(name);
    CAPTURE(attributes);
    if (!inherit.count(name)) CHECK(attributes.find(" style=\"") != std::string::npos);
  }
  // Links and pictures: absolute on the site, as written elsewhere.
  CHECK(html.find("href=\"https://safeguarding.testshire.example/briefings/neglect/\"") != std::string::npos);
  CHECK(html.find("href=\"https://safeguarding.testshire.example/procedures/x/\"") != std::string::npos);
  CHECK(html.find("href=\"https://safeguarding.testshire.example/newsletters/autumn-2026/#what-we-are-doing\"") !=
        std::string::npos);
  CHECK(html.find("href=\"https://www.gov.uk/guidance\"") != std::string::npos);
  CHECK(html.find("href=\"mailto:advice@testshire.example\"") != std::string::npos);
  for (const auto& [name, attributes] : start_tags(html)) {
    std::smatch m;
    static const std::regex url(R"re((?:href|src)="([^"]*)")re");
    if (!std::regex_search(attributes, m, url)) continue;
    std::string u = m[1];
    CAPTURE(u);
    CHECK((u.rfind("https://", 0) == 0 || u.rfind("mailto:", 0) == 0 || u.rfind("tel:", 0) == 0));
  }
  // A picture of the site: its size scaled to the column (552 of 1200x600), fluid below it.
  CHECK(html.find("<img src=\"https://safeguarding.testshire.example/newsletters/autumn-2026/wide.png\" "
                  "alt=\"Practitioners around a table\" width=\"552\" height=\"276\" "
                  "style=\"display:block;width:100%;max-width:552px;height:auto;") != std::string::npos);
  // Another site's: no size known, never wider than its column.
  CHECK(html.find("<img src=\"https://cdn.example.org/chart.png\" alt=\"a chart\" style=\"max-width:100%;") !=
        std::string::npos);
  // Headings as headings: the first article without a line above it, the next with one, in the brand colour.
  CHECK(html.find("<h2 style=\"margin:8px 0 16px;") != std::string::npos);
  CHECK(html.find("<h2 style=\"margin:32px 0 16px;padding-top:24px;border-top:1px solid #b1b4b6;") != std::string::npos);
  CHECK(html.find("color:#1d5b79;font-weight:bold;overflow-wrap:anywhere;\">A new number for the LADO</h2>") !=
        std::string::npos);
  CHECK(html.find("<h3 style=") != std::string::npos);
  // Lists, a task list, a quote, code, a rule.
  CHECK(html.find("<ol style=") != std::string::npos);
  CHECK(html.find("Launching a <em>shared</em> tool.</li>") != std::string::npos);
  CHECK(html.find("\u2610 not yet</li>") != std::string::npos);
  CHECK(html.find("\u2611 done</li>") != std::string::npos);
  CHECK(html.find("<blockquote style=") != std::string::npos);
  CHECK(html.find(">code block</pre>") != std::string::npos);
  CHECK(html.find("<hr style=") != std::string::npos);
}

TEST_CASE("an alert is a quotation that keeps its label, in words") {
  auto f = email_fixture("> [!WARNING]\n> Check the date.\n");
  Diagnostics diags;
  std::string html = body_html(*f, diags);
  CHECK(html.find("\">\n<p><strong>Warning</strong></p>\n") != std::string::npos);
  CHECK(html.find("[!WARNING]") == std::string::npos);
}

TEST_CASE("a table keeps its header row as <th scope=col>, and its columns' alignment") {
  auto f = email_fixture(kBody);
  Diagnostics diags;
  std::string html = body_html(*f, diags);
  CHECK(html.find("<thead>\n<tr><th scope=\"col\" style=\"text-align:left;") != std::string::npos);
  CHECK(html.find("<th scope=\"col\" style=\"text-align:center;") != std::string::npos);
  CHECK(html.find("<td style=\"text-align:right;") != std::string::npos);
  CHECK(html.find(">Foundations</td>") != std::string::npos);
  // The table holds data: it is no layout table.
  CHECK(html.find("<table style=\"width:100%;border-collapse:collapse;margin:0 0 16px;") != std::string::npos);
}

TEST_CASE("contacts: a card is a bordered box of its details; numbers are tel: links, addresses mailto:") {
  auto f = email_fixture(kBody);
  Diagnostics diags;
  std::string html = body_html(*f, diags);
  const std::string tel = "<a href=\"tel:+441164960350\" style=\"color:#1d5b79;text-decoration:underline;\">0116 496 0350</a>";
  CHECK(html.find("Call " + tel + " or ask Local Authority Designated Officer (" + tel + ") today.") != std::string::npos);
  size_t card = html.find("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;margin:0 0 16px;"
                          "background-color:#ffffff;border:1px solid #b1b4b6;border-left:5px solid #1d5b79;\">");
  REQUIRE(card != std::string::npos);
  std::string rest = html.substr(card);
  CHECK(rest.find("<strong>Local Authority Designated Officer</strong><br>Testshire Council</p>") != std::string::npos);
  CHECK(rest.find(tel + " – Direct line (Mon–Fri 09:00–17:00)</li>") != std::string::npos);
  CHECK(rest.find("<a href=\"mailto:lado@testshire.example\" style=\"color:#1d5b79;text-decoration:underline;\">"
                  "lado@testshire.example</a>") != std::string::npos);
  CHECK(rest.find("<a href=\"https://testshire.example/lado\" style=\"color:#1d5b79;text-decoration:underline;\">"
                  "Local Authority Designated Officer website</a>") != std::string::npos);
  // The web page's classes are not the email's.
  CHECK(html.find("contact-card") == std::string::npos);
}

TEST_CASE("a picture without alt text is an error at its place in the file") {
  auto f = email_fixture("Text.\n\n![](wide.png)\n\nMore ![ ](https://cdn.example.org/x.png).\n");
  Diagnostics diags;
  size_t missing = 0;
  std::string html = body_html(*f, diags, &missing);
  CHECK(missing == 2);
  CHECK(herald::test::messages(diags) ==
        std::vector<std::string>{
            "content/newsletters/autumn-2026/index.md:10:1: error: image 'wide.png' has no alt text, which the "
            "newsletter's email edition needs: many email programs show no pictures until the reader allows them, "
            "so describe it in words",
            "content/newsletters/autumn-2026/index.md:12:6: error: image 'https://cdn.example.org/x.png' has no alt "
            "text, which the newsletter's email edition needs: many email programs show no pictures until the "
            "reader allows them, so describe it in words"});
}

TEST_CASE("text is escaped, raw HTML left out; a footnote's note comes after a line, marked as its reference is") {
  auto f = email_fixture("Fish & chips <b>bold</b> 'quoted' \"double\"[^1].\n\n[^1]: From the 2024 audit.\n");
  Diagnostics diags;
  std::string html = body_html(*f, diags);
  CHECK(html.find("Fish &amp; chips bold &#39;quoted&#39; &quot;double&quot;<sup>[1]</sup>.") != std::string::npos);
  CHECK(html.find("<hr style=") != std::string::npos);
  CHECK(html.find("\">[1] From the 2024 audit.</p>") != std::string::npos);
}

TEST_CASE("a chart in the email is its table, with its title, source and the link to its data") {
  auto f = email_fixture(
      "```chart\ntitle: Referrals by quarter\ntype: line\nsource: Front door records\n---\n"
      "Quarter,Police,Schools\nQ1,64,41\n\"Q2, late\",72,38\n```\n");
  Diagnostics diags;
  std::string html = body_html(*f, diags);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("<strong>Referrals by quarter</strong>") != std::string::npos);
  CHECK(html.find(">Q2, late</th><td style=\"text-align:right") != std::string::npos);
  CHECK(html.find("Source: Front door records. <a href=\"https://safeguarding.testshire.example/newsletters/"
                  "autumn-2026/chart-1.csv\"") != std::string::npos);
  for (const auto& [name, inside] : start_tags(html))
    if (name == "table" || name == "td" || name == "th") CHECK(inside.find("style=\"") != std::string::npos);
}
