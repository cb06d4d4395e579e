// Small text helpers shared by every stage: escaping, slugs, UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// True when `slug` matches `[a-z0-9]+(-[a-z0-9]+)*`.
bool is_valid_slug(std::string_view slug);

/// Lower-case ASCII letters and digits joined by single hyphens; other
/// characters separate words ("Domestic abuse & MARAC" -> "domestic-abuse-marac").
std::string slugify(std::string_view text);

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

/// True when `text` is well-formed UTF-8. On failure, `bad_offset` is the byte
/// offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, size_t* bad_offset = nullptr);

/// Removes C0 control characters other than tab, newline and carriage return
/// (XML 1.0 cannot carry them).
std::string strip_control_characters(std::string_view text);

std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
std::vector<std::string> split_lines(std::string_view text);
bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

/// A whole number as written in YAML or on a command line (`12`, `-3`, `+7`,
/// spaces around it allowed), or nullopt (`1.5`, `twelve`, too large for an int).
std::optional<int> parse_whole_number(std::string_view text);

/// Counts whitespace-separated words.
size_t count_words(std::string_view text);

/// 1-based line and column of a byte offset in `text`.
void line_and_column(std::string_view text, size_t offset, int* line, int* column);

/// Edit distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Does `text` contain `needle` (lower-case ASCII, starting with a letter),
/// ignoring ASCII case? Compares only where the needle's first letter is.
bool contains_ignoring_case(std::string_view text, std::string_view needle);

}  // namespace herald
