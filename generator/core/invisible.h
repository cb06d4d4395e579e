// Characters a reader cannot see, or cannot tell from a space, named for messages about the values they spoil.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace herald {

/// What to call an invisible character in a message ("a non-breaking
/// space"), or null for any other character. They are the ones pasted from
/// word processors, web pages and emails without anyone seeing them: the
/// non-breaking spaces (U+00A0, the narrow U+202F, the figure space U+2007),
/// which look like a space but are not one, and the soft hyphen (U+00AD),
/// zero-width space (U+200B), word joiner (U+2060), zero-width no-break
/// space or byte order mark (U+FEFF) and the direction marks (U+200E,
/// U+200F), which cannot be seen at all.
const char* invisible_character_name(char32_t code_point);

/// True for the invisible characters that show nothing (all but the
/// non-breaking spaces, which show as a space).
bool invisible_character_is_zero_width(char32_t code_point);

/// One invisible character found in a text.
struct InvisibleCharacter {
  size_t offset = 0;  ///< of its first byte in the text
  size_t length = 0;  ///< its bytes
  std::string_view name;  ///< "a non-breaking space"
  bool zero_width = false;  ///< shows nothing (else it shows as a space)
  std::string_view bytes(std::string_view text) const { return text.substr(offset, length); }
};

/// The first invisible character of `text` (well-formed UTF-8 or not), if any.
std::optional<InvisibleCharacter> find_invisible(std::string_view text);

/// A phrase for a message about an invalid `text`, naming its first
/// invisible character and where it is: "it contains a non-breaking space
/// after 'neglect', which looks like a space but is not one"; "" when the
/// text has none.
std::string invisible_note(std::string_view text);

/// `text` as it looks: each invisible character that shows nothing taken
/// out, each non-breaking space made a space (for "did you mean" suggestions).
std::string as_seen(std::string_view text);

/// ": " and invisible_note(text), to end a message about an invalid value;
/// "" when the text has no invisible character.
std::string invisible_suffix(std::string_view text);

/// The 1-based byte column of `needle` on line `line` (1-based) of `source`,
/// searching from `column` on, or `column` when it is not there (a value
/// written with escapes, or over several lines): to point a diagnostic at
/// an invisible character rather than at the start of its value.
int column_on_line(std::string_view source, int line, int column, std::string_view needle);

/// `where` (the start of a value, in a file whose text from line
/// `first_line` on is `source`) moved onto the first invisible character of
/// `value` when the character is written on that line after it; else
/// `where` as it is.
SourceLocation point_at_invisible(SourceLocation where, std::string_view value, std::string_view source,
                                  int first_line = 1);

}  // namespace herald
