// Shared helpers for the Markdown tests: parse a body and read its diagnostics as short strings.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/text.h"
#include "markdown/document.h"

namespace herald::testing {

/// Diagnostics as a list of strings, one a line, in failure messages.
struct DiagnosticList {
  std::vector<std::string> items;
  bool operator==(const std::vector<std::string>& other) const { return items == other; }
  bool empty() const { return items.empty(); }
  size_t size() const { return items.size(); }
};

inline doctest::String toString(const DiagnosticList& list) {
  std::string out = "{";
  for (const std::string& item : list.items) out += "\n  \"" + item + "\"";
  out += list.items.empty() ? "}" : "\n}";
  return doctest::String(out.c_str());
}

/// A parsed body and what it reported, each diagnostic as
/// `line:col: severity: message`.
struct Parsed {
  Document doc;
  DiagnosticList diags;
};

inline std::vector<std::string> diagnostic_strings(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted())
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  severity_name(d.severity) + ": " + d.message);
  return out;
}

inline Parsed parse_markdown(std::string_view markdown, int line_offset = 0,
                             const ShortcodeResolver* shortcodes = nullptr) {
  MarkdownOptions options;
  options.path = "content/pages/test.md";
  options.line_offset = line_offset;
  options.shortcodes = shortcodes;
  Diagnostics diags;
  Document doc = Document::parse(markdown, options, diags);
  return {std::move(doc), {diagnostic_strings(diags)}};
}

/// A contact directory of one entry, `team`: a card as a block, its number
/// as a link inline.
inline const ShortcodeResolver& test_contacts() {
  static const ShortcodeResolver resolver{
      [](std::string_view name, std::string_view id, bool block) -> std::optional<std::string> {
        if (id != "team" && id != "out-of-hours") return std::nullopt;
        std::string who = id == "team" ? "Advice Team" : "Out of Hours";
        if (name == "contact" && block) return "<div class=\"contact\">" + who + "</div>";
        if (name == "contact") return "<span class=\"contact\">" + who + "</span>";
        return std::string("<a href=\"tel:+441164960000\">0116 496 0000</a>");
      },
      [](std::string_view id) { return closest_match(id, {"team", "out-of-hours"}); }};
  return resolver;
}

}  // namespace herald::testing
