// Content checks on Markdown: what makes a page unsafe or inaccessible to read (spec §7).
#include "markdown/lints.h"

#include <cmark-gfm-core-extensions.h>
#include <fmt/format.h>

#include <string>

#include "core/text.h"
#include "markdown/plain_text.h"
#include "markdown/urls.h"

namespace herald {
namespace {

constexpr size_t kLongAddress = 40;

bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

}  // namespace

bool is_vague_link_text(std::string_view text) {
  std::string_view t = trim(text);
  while (!t.empty() && is_trailing_punctuation(t.back())) t.remove_suffix(1);
  std::string lower = to_lower(collapse_whitespace(t));
  for (std::string_view vague : {"click here", "here", "read more", "this link", "more", "link"})
    if (lower == vague) return true;
  return false;
}

bool is_long_web_address(std::string_view text) {
  std::string lower = to_lower(trim(text));
  bool address =
      starts_with(lower, "http://") || starts_with(lower, "https://") || starts_with(lower, "www.");
  return address && utf8_length(lower) > kLongAddress;
}

void check_link(std::string_view text, std::string_view url, const SourceLocation& where,
                Diagnostics& diags) {
  std::string_view shown = trim(text);
  if (is_vague_link_text(shown))
    diags.warning(where, fmt::format("link text '{}' does not say where the link goes", shown));
  if (is_long_web_address(shown))
    diags.warning(where, "link text is a long web address: use words that say where it goes");
  std::string_view destination = trim(url);
  if (destination.empty() || destination == "#")
    diags.warning(where, fmt::format("link '{}' has no destination", truncate_text(shown, 60)));
}

void check_image(std::string_view alt, std::string_view url, const SourceLocation& where,
                 Diagnostics& diags) {
  if (!trim(alt).empty()) return;
  diags.warning(where, fmt::format("image '{}' has no alt text: describe it for people who "
                                   "cannot see it",
                                   truncate_text(url, 60)));
}

void check_heading_level(int level, int* previous_level, const SourceLocation& where, Diagnostics& diags) {
  if (level == 1)
    diags.warning(where,
                  "a level-1 heading in the body: the page title is the only level-1 "
                  "heading; use '##'");
  else if (level > *previous_level + 1)
    diags.warning(where, fmt::format("heading level skips from {} to {}", *previous_level, level));
  *previous_level = level;
}

bool table_header_is_empty(cmark_node* table) {
  cmark_node* header = cmark_node_first_child(table);
  if (!header || !cmark_gfm_extensions_get_table_row_is_header(header)) return true;
  for (cmark_node* cell = cmark_node_first_child(header); cell; cell = cmark_node_next(cell))
    if (!plain_text(cell, true).empty()) return false;
  return true;
}

}  // namespace herald
