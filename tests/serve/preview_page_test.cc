// Tests for serve/preview_page: the reload script, stylesheet and error overlay added to the preview's pages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "serve/preview_page.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::contains;

namespace {

const std::string kPage =
    "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>About us</title>\n</head>\n"
    "<body class=\"govuk-template__body\">\n<div class=\"herald-preview-banner\" role=\"status\">"
    "<strong>Preview — not published.</strong></div>\n<main id=\"main-content\"><h1>About us</h1></main>\n"
    "</body>\n</html>\n";

const std::string kHeadTags =
    "<link rel=\"stylesheet\" href=\"/__herald/preview.css\">\n"
    "<script src=\"/__herald/reload.js\" data-generation=\"7\" defer></script>\n";

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a page without errors gets the stylesheet and reload script before </head>, and nothing else") {
  std::string out = inject_preview(kPage, 7, {});
  size_t head_end = kPage.find("</head>");
  CHECK(out == kPage.substr(0, head_end) + kHeadTags + kPage.substr(head_end));
  CHECK_FALSE(contains(out, "herald-error-overlay"));
  // The theme's banner is left as it is.
  CHECK(count(out, "Preview — not published.") == 1);
}

TEST_CASE("the generation the page belongs to is in the script tag") {
  CHECK(contains(inject_preview(kPage, 0, {}), "data-generation=\"0\""));
  CHECK(contains(inject_preview(kPage, 18446744073709551615ULL, {}), "data-generation=\"18446744073709551615\""));
  // The script reads that attribute and asks the event stream for changes since then.
  std::string script(reload_script());
  CHECK(contains(script, "getAttribute(\"data-generation\")"));
  CHECK(contains(script, "new EventSource(\"/__herald/events?since=\""));
  CHECK(contains(script, "addEventListener(\"reload\""));
  CHECK(contains(script, "window.location.reload()"));
  CHECK(contains(script, "herald-error-overlay"));
}

TEST_CASE("a refused event stream is tried again as long after as the server's 503 says") {
  std::string script(reload_script());
  // The browser gives up on a stream refused with 503 (readyState CLOSED);
  // a lost one it reconnects by itself (CONNECTING), so only the first is retried.
  CHECK(contains(script, "if (events.readyState === EventSource.CLOSED) window.setTimeout(listen, " +
                             std::to_string(kEventsRetrySeconds * 1000) + ");"));
}

TEST_CASE("one page of a browser holds the event stream and tells the others") {
  std::string script(reload_script());
  CHECK(contains(script, "new BroadcastChannel(\"herald-preview\")"));
  CHECK(contains(script, "navigator.locks.request(\"herald-preview-events\""));
  // What the stream says goes to the other pages, which reload when it is
  // not their own generation.
  CHECK(contains(script, "events.addEventListener(\"hello\", function (event) {\n      if (pages) pages.postMessage(event.data);"));
  CHECK(contains(script, "if (pages) pages.postMessage(event.data);\n      events.close();\n      window.location.reload();"));
  CHECK(contains(script, "if (String(message.data) !== generation) window.location.reload();"));
  // Without Web Locks (not on this computer's own address), each page listens.
  CHECK(contains(script, "} else {\n    listen();\n  }"));
}

TEST_CASE("the preview's own files are below /__herald/") {
  for (std::string_view path : {kReloadScriptPath, kPreviewStylePath, kEventsPath, kStatusPath}) {
    CAPTURE(path);
    CHECK(path.substr(0, kPreviewPrefix.size()) == kPreviewPrefix);
  }
  CHECK(contains(std::string(preview_style()), ".herald-error-overlay {"));
  CHECK(contains(std::string(preview_style()), ".herald-error-overlay[hidden] { display: none; }"));
}

TEST_CASE("with errors, the overlay comes right after <body …>") {
  std::vector<PreviewProblem> problems{
      {"content/pages/about.md:4:1", "error: invalid front matter: end of sequence flow not found", "  ---\n  ^\n"}};
  std::string out = inject_preview(kPage, 3, problems);
  std::string body_open = "<body class=\"govuk-template__body\">";
  size_t body_at = out.find(body_open);
  REQUIRE(body_at != std::string::npos);
  std::string expected = "\n";
  expected += error_overlay(problems);
  expected += "\n";
  CHECK(out.substr(body_at + body_open.size(), expected.size()) == expected);
  CHECK(count(out, "id=\"herald-error-overlay\"") == 1);
  CHECK(out.find("data-generation=\"3\"") < out.find("</head>"));
  // Everything of the page is still there, in order.
  CHECK(contains(out, "<main id=\"main-content\"><h1>About us</h1></main>\n</body>\n</html>\n"));
  CHECK(out.find("Preview — not published.") > out.find("herald-error-overlay__list"));
}

TEST_CASE("the overlay shows each problem's file, line and column, message and excerpt") {
  std::vector<PreviewProblem> problems{
      {"content/pages/about.md:4:1", "error: invalid front matter: end of sequence flow not found", "  ---\n  ^\n"},
      {"content/briefings/neglect.md:2:7", "error: 'date' must be a date", ""},
      {"", "error: herald.yaml cannot be read", ""}};
  std::string overlay = error_overlay(problems);
  CHECK(contains(overlay, "role=\"alert\""));
  CHECK(contains(overlay, "The preview could not be rebuilt: 3 errors</h2>"));
  CHECK(contains(overlay, "You are seeing the last build that worked."));
  CHECK(contains(overlay,
                 "<li class=\"herald-error-overlay__item\"><code class=\"herald-error-overlay__where\">"
                 "content/pages/about.md:4:1</code><p class=\"herald-error-overlay__message\">error: invalid front "
                 "matter: end of sequence flow not found</p><pre class=\"herald-error-overlay__excerpt\">  ---\n"
                 "  ^\n</pre></li>\n"));
  CHECK(contains(overlay,
                 "<li class=\"herald-error-overlay__item\"><code class=\"herald-error-overlay__where\">"
                 "content/briefings/neglect.md:2:7</code><p class=\"herald-error-overlay__message\">error: &#39;date&#39; "
                 "must be a date</p></li>\n"));
  // A problem with no file has no location and no excerpt.
  CHECK(contains(overlay,
                 "<li class=\"herald-error-overlay__item\"><p class=\"herald-error-overlay__message\">error: "
                 "herald.yaml cannot be read</p></li>\n"));
  // In the order given.
  CHECK(overlay.find("about.md:4:1") < overlay.find("neglect.md:2:7"));
  CHECK(overlay.find("neglect.md:2:7") < overlay.find("herald.yaml cannot"));
  CHECK(count(overlay, "<li ") == 3);
  // The hide button is shown by the script only.
  CHECK(contains(overlay, "class=\"herald-error-overlay__hide\" hidden>Hide these errors</button>"));
}

TEST_CASE("one problem is counted in the singular") {
  std::string overlay = error_overlay({{"a.md:1:1", "error: x", ""}});
  CHECK(contains(overlay, "The preview could not be rebuilt: 1 error</h2>"));
}

TEST_CASE("everything from the content in the overlay is HTML-escaped") {
  std::vector<PreviewProblem> problems{{"content/<img src=x onerror=alert(1)>.md:1:2",
                                        "error: unknown shortcode {{<script>alert(\"x\")</script>}} & more",
                                        "  <script>alert('x')</script>\n   ^\n"}};
  std::string overlay = error_overlay(problems);
  CHECK_FALSE(contains(overlay, "<script"));
  CHECK_FALSE(contains(overlay, "<img"));
  CHECK(contains(overlay, "content/&lt;img src=x onerror=alert(1)&gt;.md:1:2"));
  CHECK(contains(overlay,
                 "error: unknown shortcode {{&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;}} &amp; more"));
  CHECK(contains(overlay, "  &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\n   ^\n</pre>"));
  // And so in the page, whose only scripts are its own and the preview's.
  std::string out = inject_preview(kPage, 1, problems);
  CHECK(count(out, "<script") == 1);
}

TEST_CASE("the tags are found whatever their case, and pages without <head> or <body> still get them") {
  std::vector<PreviewProblem> problems{{"a.md:1:1", "error: x", ""}};
  std::string upper = "<HTML><HEAD><TITLE>x</TITLE></HEAD><BODY CLASS=\"b\"><P>x</P></BODY></HTML>";
  std::string out = inject_preview(upper, 2, problems);
  CHECK(out.find("/__herald/reload.js") < out.find("</HEAD>"));
  CHECK(out.find("</HEAD>") < out.find("<BODY"));
  CHECK(contains(out, "<BODY CLASS=\"b\">\n<div class=\"herald-error-overlay\""));
  CHECK(contains(out, "</div>\n<P>x</P></BODY></HTML>"));

  // No <head>: the tags go just before <body>.
  std::string no_head = "<!DOCTYPE html><body><p>x</p></body>";
  std::string out2 = inject_preview(no_head, 2, {});
  CHECK(out2 == "<!DOCTYPE html>" + std::string("<link rel=\"stylesheet\" href=\"/__herald/preview.css\">\n"
                                                  "<script src=\"/__herald/reload.js\" data-generation=\"2\" "
                                                  "defer></script>\n") +
                    "<body><p>x</p></body>");
  CHECK(contains(inject_preview(no_head, 2, problems), "<body>\n<div class=\"herald-error-overlay\""));

  // A fragment: the tags and the overlay go first, the text is kept.
  std::string out3 = inject_preview("<p>just text</p>", 4, problems);
  CHECK(out3.find("/__herald/reload.js") < out3.find("herald-error-overlay\""));
  CHECK(out3.substr(out3.size() - 16) == "<p>just text</p>");
  CHECK(inject_preview("", 4, {}) ==
        "<link rel=\"stylesheet\" href=\"/__herald/preview.css\">\n<script src=\"/__herald/reload.js\" "
        "data-generation=\"4\" defer></script>\n");
}

TEST_CASE("a <body> inside the head (a comment, a script) is not taken for the page's body") {
  std::string page = "<html><head><!-- <body> --><title>x</title></head><body id=\"real\"><p>x</p></body></html>";
  std::string out = inject_preview(page, 1, {{"a.md:1:1", "error: x", ""}});
  CHECK(contains(out, "<body id=\"real\">\n<div class=\"herald-error-overlay\""));
  CHECK(contains(out, "<!-- <body> --><title>x</title>"));
}

TEST_CASE("before any good build, every page is the overlay alone") {
  std::string page = no_build_page(5, {{"herald.yaml:1:1", "error: 'title' is missing", ""}});
  CHECK(page.substr(0, 16) == "<!DOCTYPE html>\n");
  CHECK(contains(page, "<html lang=\"en-GB\">"));
  CHECK(contains(page, "<title>Preview – the site could not be built</title>"));
  CHECK(contains(page, "<script src=\"/__herald/reload.js\" data-generation=\"5\" defer></script>"));
  CHECK(contains(page, "<code class=\"herald-error-overlay__where\">herald.yaml:1:1</code>"));
  CHECK(contains(page, "error: &#39;title&#39; is missing"));
  CHECK(page.find("</head>") < page.find("herald-error-overlay\""));
  CHECK(page.substr(page.size() - 16) == "</body>\n</html>\n");
}

TEST_CASE("the status is JSON with the generation, whether the build is good and its errors") {
  CHECK(status_json(1, true, {}) ==
        "{\n  \"generation\": 1,\n  \"ok\": true,\n  \"site\": true,\n  \"errors\": []\n}\n");
  CHECK(status_json(4, true, {{"content/pages/about.md:4:1", "error: \"x\" is wrong", "  ---\n  ^\n"}}) ==
        "{\n  \"generation\": 4,\n  \"ok\": false,\n  \"site\": true,\n  \"errors\": [\n    {\n"
        "      \"where\": \"content/pages/about.md:4:1\",\n      \"message\": \"error: \\\"x\\\" is wrong\"\n"
        "    }\n  ]\n}\n");
  CHECK(contains(status_json(2, false, {{"", "error: no site", ""}}), "\"site\": false"));
}
