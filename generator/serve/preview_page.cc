// The preview's additions to served pages: reload script, overlay stylesheet and error overlay.
#include "serve/preview_page.h"

#include <cctype>

#include <fmt/format.h>

#include "core/json_writer.h"
#include "core/text.h"

namespace herald {
namespace {

constexpr std::string_view kReloadScript = R"js(// herald serve: reloads the page when the preview has been rebuilt.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = (script && script.getAttribute("data-generation")) || "";
  // A browser opens at most six connections to one address, and an event
  // stream keeps one open: with one stream per page, a seventh page of the
  // preview would never load. So one page of the browser holds the stream
  // and tells the others (each reloads when the preview's generation is no
  // longer its own); when it goes, another takes over.
  var pages = "BroadcastChannel" in window ? new BroadcastChannel("herald-preview") : null;
  if (pages) {
    pages.addEventListener("message", function (message) {
      if (String(message.data) !== generation) window.location.reload();
    });
  }
  function listen() {
    var events = new EventSource("/__herald/events?since=" + encodeURIComponent(generation));
    events.addEventListener("hello", function (event) {
      if (pages) pages.postMessage(event.data);
    });
    events.addEventListener("reload", function (event) {
      if (pages) pages.postMessage(event.data);
      events.close();
      window.location.reload();
    });
    // The browser reconnects by itself after a lost connection, but gives up
    // on a refused one (503: too many preview pages are open): try again
    // later (kEventsRetrySeconds).
    events.addEventListener("error", function () {
      if (events.readyState === EventSource.CLOSED) window.setTimeout(listen, 3000);
    });
  }
  // Web Locks exist only on this computer's own addresses (a secure
  // context); elsewhere every page listens for itself.
  if (pages && navigator.locks) {
    navigator.locks.request("herald-preview-events", function () {
      listen();
      return new Promise(function () {});  // held until the page goes
    });
  } else {
    listen();
  }
  var overlay = document.getElementById("herald-error-overlay");
  if (overlay) {
    var hide = overlay.querySelector(".herald-error-overlay__hide");
    if (hide) {
      hide.hidden = false;
      hide.addEventListener("click", function () { overlay.hidden = true; });
    }
  }
})();
)js";

constexpr std::string_view kPreviewStyle = R"css(/* herald serve: the error overlay shown over the last good build. */
.herald-error-overlay {
  position: fixed;
  inset: 0 0 auto 0;
  z-index: 2147483647;
  max-height: 80vh;
  overflow: auto;
  box-sizing: border-box;
  padding: 20px 24px;
  font: 16px/1.4 system-ui, sans-serif;
  color: #0b0c0c;
  background: #ffffff;
  border-top: 10px solid #d4351c;
  border-bottom: 4px solid #d4351c;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.35);
}
.herald-error-overlay[hidden] { display: none; }
.herald-error-overlay__title { margin: 0 0 8px; font-size: 24px; font-weight: 700; }
.herald-error-overlay__lead { margin: 0 0 12px; }
.herald-error-overlay__list { margin: 0; padding: 0; list-style: none; }
.herald-error-overlay__item { margin: 0 0 12px; padding: 8px 12px; border-left: 5px solid #d4351c; background: #f3f2f1; }
.herald-error-overlay__where { font-weight: 700; font-family: ui-monospace, monospace; color: #0b0c0c; }
.herald-error-overlay__message { margin: 4px 0 0; }
.herald-error-overlay__excerpt { margin: 6px 0 0; padding: 0; overflow-x: auto; font: 14px/1.3 ui-monospace, monospace; white-space: pre; }
.herald-error-overlay__hide { margin-top: 4px; padding: 6px 12px; font: inherit; cursor: pointer; }
.herald-error-overlay__hide:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
)css";

/// Position of `needle` in `text`, ignoring ASCII case; npos if absent.
size_t find_ignoring_case(std::string_view text, std::string_view needle, size_t from = 0) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(text[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

std::string head_tags(uint64_t generation) {
  return fmt::format("<link rel=\"stylesheet\" href=\"{}\">\n<script src=\"{}\" data-generation=\"{}\" defer></script>\n",
                     kPreviewStylePath, kReloadScriptPath, generation);
}

}  // namespace

std::string_view reload_script() { return kReloadScript; }

std::string_view preview_style() { return kPreviewStyle; }

std::string error_overlay(const std::vector<PreviewProblem>& problems) {
  std::string out =
      "<div class=\"herald-error-overlay\" id=\"herald-error-overlay\" role=\"alert\" "
      "aria-labelledby=\"herald-error-overlay-title\">\n"
      "<h2 class=\"herald-error-overlay__title\" id=\"herald-error-overlay-title\">";
  out += problems.size() == 1 ? "The preview could not be rebuilt: 1 error"
                              : fmt::format("The preview could not be rebuilt: {} errors", problems.size());
  out +=
      "</h2>\n<p class=\"herald-error-overlay__lead\">You are seeing the last build that worked. "
      "Fix the file and save it: this page reloads by itself.</p>\n"
      "<ul class=\"herald-error-overlay__list\">\n";
  for (const PreviewProblem& p : problems) {
    out += "<li class=\"herald-error-overlay__item\">";
    if (!p.where.empty()) out += "<code class=\"herald-error-overlay__where\">" + html_escape(p.where) + "</code>";
    out += "<p class=\"herald-error-overlay__message\">" + html_escape(p.message) + "</p>";
    if (!p.excerpt.empty()) out += "<pre class=\"herald-error-overlay__excerpt\">" + html_escape(p.excerpt) + "</pre>";
    out += "</li>\n";
  }
  out += "</ul>\n<button type=\"button\" class=\"herald-error-overlay__hide\" hidden>Hide these errors</button>\n</div>\n";
  return out;
}

std::string inject_preview(std::string_view html, uint64_t generation,
                           const std::vector<PreviewProblem>& problems) {
  std::string out;
  out.reserve(html.size() + 2048);
  size_t head_end = find_ignoring_case(html, "</head>");
  size_t body = find_ignoring_case(html, "<body", head_end == std::string_view::npos ? 0 : head_end);
  size_t body_end = body == std::string_view::npos ? std::string_view::npos : html.find('>', body);
  size_t tags_at = head_end != std::string_view::npos ? head_end : body != std::string_view::npos ? body : 0;
  out.append(html.substr(0, tags_at));
  out += head_tags(generation);
  if (problems.empty()) {
    out.append(html.substr(tags_at));
    return out;
  }
  size_t overlay_at = body_end == std::string_view::npos ? tags_at : body_end + 1;
  out.append(html.substr(tags_at, overlay_at - tags_at));
  if (body_end != std::string_view::npos) out += '\n';
  out += error_overlay(problems);
  out.append(html.substr(overlay_at));
  return out;
}

std::string no_build_page(uint64_t generation, const std::vector<PreviewProblem>& problems) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Preview – the site could not be built</title>\n" +
         head_tags(generation) + "</head>\n<body>\n" + error_overlay(problems) + "</body>\n</html>\n";
}

std::string status_json(uint64_t generation, bool has_site, const std::vector<PreviewProblem>& problems) {
  JsonWriter json;
  json.begin_object();
  json.key("generation").value(static_cast<long long>(generation));
  json.key("ok").value(problems.empty());
  json.key("site").value(has_site);
  json.key("errors").begin_array();
  for (const PreviewProblem& p : problems) {
    json.begin_object();
    json.key("where").value(p.where);
    json.key("message").value(p.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str() + "\n";
}

}  // namespace herald
