// Reports (§10): their types, and the numbers authors type into headings that herald numbers itself.
#include "content/report.h"

#include <fmt/format.h>

#include "core/invisible.h"
#include "core/text.h"
#include "markdown/document.h"

namespace herald {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The text of line `line` (1-based, of the body) of `body`.
std::string_view body_line(std::string_view body, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t newline = body.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = body.find('\n', start);
  return body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace

size_t typed_heading_number(std::string_view heading) {
  size_t i = 0;
  int parts = 0;
  bool leading_zero = false, punctuated = false;
  while (i < heading.size() && is_digit(heading[i])) {
    size_t start = i;
    while (i < heading.size() && is_digit(heading[i])) ++i;
    if (i - start > 2) return 0;  // a year or a count, not a section number
    if (parts == 0 && heading[start] == '0' && i - start == 2) leading_zero = true;
    ++parts;
    if (i < heading.size() && heading[i] == '.') {
      ++i;
      punctuated = true;
      if (i < heading.size() && is_digit(heading[i])) continue;
      break;
    }
    if (i < heading.size() && (heading[i] == ')' || heading[i] == ':')) {
      ++i;
      punctuated = true;
    }
    break;
  }
  if (parts == 0 || i >= heading.size() || (heading[i] != ' ' && heading[i] != '\t')) return 0;
  // "2.1 ", "3. ", "4) ", "01 ": a number. "10 things", "3 priorities": words.
  if (!punctuated && !leading_zero && parts < 2) return 0;
  while (i < heading.size() && (heading[i] == ' ' || heading[i] == '\t')) ++i;
  return i < heading.size() ? i : 0;
}

std::string unknown_report_type_message(const std::string& written, const std::vector<std::string>& known) {
  std::string suggestion = closest_match(as_seen(written), known);
  if (!suggestion.empty())
    return fmt::format("unknown report_type '{}' (did you mean '{}'?){}", written, suggestion,
                       invisible_suffix(written));
  std::string list;
  for (size_t i = 0; i < known.size(); ++i)
    list += (i == 0 ? "" : i + 1 == known.size() ? " or " : ", ") + known[i];
  return fmt::format("unknown report_type '{}' (expected {}){}", written, list, invisible_suffix(written));
}

void check_report_headings(const Page& page, Diagnostics& diags) {
  if (!page.report || !page.report->numbered || !page.doc) return;
  for (const Heading& h : page.doc->headings()) {
    if (h.number.empty()) continue;
    size_t length = typed_heading_number(h.text);
    if (length == 0) continue;
    std::string typed(trim(std::string_view(h.text).substr(0, length)));
    std::string_view line = body_line(page.body_markdown, h.line - page.body_line_offset);
    size_t at = line.find(typed);
    diags.warning({page.source_path, h.line, at == std::string_view::npos ? 1 : static_cast<int>(at) + 1},
                  fmt::format("the heading '{}' starts with a number typed by hand: herald numbers a report's "
                              "headings itself (this one is {}), so delete '{}', or write 'numbered: false' "
                              "in the front matter to keep your own numbers",
                              h.text, h.number, typed));
  }
}

}  // namespace herald
