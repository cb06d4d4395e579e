// Tests for content/page_parser: every kind's fields, defaults and messages.
#include <doctest/doctest.h>

#include "support/diagnostics.h"

#include "content/page_parser.h"
#include "markdown/document.h"

using namespace herald;
using herald::test::messages;

namespace {

struct Parsed {
  std::optional<Page> page;
  std::vector<std::string> messages;
};

Parsed parse(const std::string& path, const std::string& text) {
  static Config config = [] {
    Config c;
    c.review_types = builtin_review_types();
    return c;
  }();
  Diagnostics diags;
  std::string problem;
  auto where = classify_content_path(path, &problem);
  REQUIRE(where);
  ParseContext context{&config, nullptr};
  Parsed out;
  out.page = parse_page(path, text, *where, context, diags);
  out.messages = messages(diags);
  return out;
}

}  // namespace

TEST_CASE("common fields and defaults") {
  auto r = parse("content/newsletters/spring.md",
                 "---\ntitle: Spring\ndate: 2024-03-01\nissue: 3\nseries: Matters\ntopics: Neglect\n"
                 "aliases: [/old/spring/]\n---\n\nFirst paragraph here.\n\n## Article\n");
  REQUIRE(r.page);
  CHECK(r.messages.empty());
  const Page& p = *r.page;
  CHECK(p.slug == "spring");
  CHECK(p.issue == 3);
  CHECK(p.series == "Matters");
  CHECK(p.topics == std::vector<std::string>{"Neglect"});
  CHECK(p.summary == "First paragraph here.");
  CHECK(p.pdf);  // newsletters default to a PDF
  CHECK(p.body_line_offset == 8);
  CHECK(p.doc->headings().at(0).line == 12);
}

TEST_CASE("pages default to no PDF; pdf and toc can be set") {
  auto plain = parse("content/pages/about.md", "---\ntitle: About\n---\nx\n");
  REQUIRE(plain.page);
  CHECK_FALSE(plain.page->pdf);
  auto report = parse("content/pages/report.md", "---\ntitle: Report\npdf: true\ntoc: true\n---\nx\n");
  REQUIRE(report.page);
  CHECK(report.page->pdf);
  CHECK(report.page->toc);
}

TEST_CASE("type errors in fields name the field") {
  auto r = parse("content/pages/a.md",
                 "---\ntitle: A\ndraft: maybe\npdf: [1]\naliases: [../escape/]\ntopics: {a: b}\n---\nx\n");
  CHECK_FALSE(r.page);
  CHECK(r.messages == std::vector<std::string>{
            "content/pages/a.md:3:8: error: 'draft' must be true or false",
            "content/pages/a.md:4:6: error: 'pdf' must be true or false",
            "content/pages/a.md:5:11: error: alias '../escape/' must be a path on this site such as /old/page/ (no '..', no query)",
            "content/pages/a.md:6:9: error: 'topics' must be a list, e.g. [one, two]"});
}

TEST_CASE("events: start and end, or sessions; the end may not come first") {
  auto single = parse("content/events/day.md", "---\ntitle: Day\nstart: 2024-06-01T09:00\nend: 2024-06-01T12:00\n---\n");
  REQUIRE(single.page);
  CHECK(single.page->sessions.size() == 1);
  auto sessions = parse("content/events/course.md",
                        "---\ntitle: Course\nsessions:\n  - {start: 2024-07-01T09:00, end: 2024-07-01T12:00}\n"
                        "  - {start: 2024-06-01T09:00, end: 2024-06-01T12:00}\n---\n");
  REQUIRE(sessions.page);
  REQUIRE(sessions.page->sessions.size() == 2);
  CHECK(format_iso_date(sessions.page->sessions[0].start) == "2024-06-01");  // sorted
  auto backwards = parse("content/events/back.md", "---\ntitle: Back\nstart: 2024-06-01T12:00\nend: 2024-06-01T09:00\n---\n");
  CHECK(backwards.messages == std::vector<std::string>{"content/events/back.md:4:6: error: the event ends before it starts"});
  auto missing = parse("content/events/none.md", "---\ntitle: None\n---\n");
  CHECK(missing.messages == std::vector<std::string>{
            "content/events/none.md:1:1: error: missing required field 'end'",
            "content/events/none.md:1:1: error: missing required field 'start'"});
}

TEST_CASE("chapters read their review fields") {
  auto r = parse("content/procedures/children/referrals.md",
                 "---\ntitle: Referrals\norder: 2\nowner: Board\nreviewed: 2024-01-01\nreview_due: 2025-01-01\n"
                 "amendment: Clearer steps.\nreread: true\n---\nx\n");
  REQUIRE(r.page);
  CHECK(r.page->order == 2);
  CHECK(r.page->owner == "Board");
  CHECK(r.page->reread);
  CHECK(r.page->review_due_at.line == 6);
  CHECK(r.page->manual == "children");
}

TEST_CASE("an invisible character that makes a value invalid is named, and pointed at") {
  auto p = parse("content/briefings/x.md",
                 "---\ntitle: X\nslug: x\xe2\x80\x8by\ndate: 2024-04-12\xc2\xa0\nreview_type: sar\xc2\xad\n"
                 "audience: [children, \xef\xbb\xbf" "adults]\ntopics: [Dom\xc2\xad" "estic abuse, Domestic\xc2\xa0" "abuse]\n"
                 "aliases: [/old\xe2\x80\x8b/]\nsource: {title: T, url: \"https://example.org/r\xe2\x81\xa0\"}\n"
                 "tit\xc2\xa0le: again\n---\n");
  CHECK(p.messages ==
        std::vector<std::string>{
            "content/briefings/x.md:3:8: error: invalid slug 'x\xe2\x80\x8by': it contains a zero-width space after "
            "'x', which cannot be seen; use lower-case letters, digits and single hyphens, e.g. "
            "'neglect-and-young-carers'",
            "content/briefings/x.md:4:17: error: invalid date '2024-04-12\xc2\xa0': expected YYYY-MM-DD or "
            "YYYY-MM-DDTHH:MM[:SS][+HH:MM], e.g. 2024-04-12 or 2024-04-12T09:30:00+01:00: it contains a "
            "non-breaking space at the end, which looks like a space but is not one",
            "content/briefings/x.md:5:17: error: unknown review_type 'sar\xc2\xad' (did you mean 'sar'?): it "
            "contains a soft hyphen at the end, which cannot be seen",
            "content/briefings/x.md:6:22: error: unknown audience '\xef\xbb\xbf" "adults' (expected children, "
            "adults, families or practitioners; did you mean 'adults'?): it contains a zero-width no-break space "
            "(byte order mark) at the start, which cannot be seen",
            "content/briefings/x.md:7:13: warning: topic 'Dom\xc2\xad" "estic abuse': it contains a soft hyphen after "
            "'Dom', which cannot be seen: delete it, or the topic's address is /topics/dom-estic-abuse/ instead of "
            "/topics/domestic-abuse/",
            "content/briefings/x.md:8:15: error: alias '/old\xe2\x80\x8b/' must be a path on this site such as "
            "/old/page/ (no '..', no query): it contains a zero-width space after '/old', which cannot be seen",
            "content/briefings/x.md:9:47: error: the source's 'url': it contains a word joiner at the end, which "
            "cannot be seen: delete it",
            "content/briefings/x.md:10:4: warning: unknown field 'tit\xc2\xa0le' (did you mean 'title'?): it "
            "contains a non-breaking space after 'tit', which looks like a space but is not one",
            "content/briefings/x.md:11:1: error: briefing has no sections 1, 2, 3, 4, 5, 6 and 7: a 7-minute "
            "briefing has seven '##' sections numbered 1 to 7",
        });
}
