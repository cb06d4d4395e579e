// Text from content made safe to print on a terminal: control, direction and zero-width characters shown escaped.
#include "core/printable.h"

#include <fmt/format.h>

#include "core/invisible.h"

namespace herald {
namespace {

/// The code point of the UTF-8 sequence at `at` and its length, or length 0
/// when it is not a well-formed sequence.
size_t decode(std::string_view text, size_t at, char32_t* code) {
  unsigned char c = text[at];
  size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || at + n > text.size()) return 0;
  char32_t cp = c & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    unsigned char next = text[at + i];
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *code = cp;
  return n;
}

/// Characters that change the direction of the text after them, so that a
/// message could show something other than what it says.
bool reorders(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

size_t append_printable(std::string_view text, size_t at, std::string& out, bool keep_newlines) {
  unsigned char c = text[at];
  if (c == '\t' || (c >= 0x20 && c < 0x7F) || (keep_newlines && c == '\n')) {
    out += static_cast<char>(c);
    return 1;
  }
  if (c < 0x80) {
    out += fmt::format("\\x{:02x}", c);
    return 1;
  }
  char32_t cp = 0;
  size_t n = decode(text, at, &cp);
  if (n == 0) {
    out += fmt::format("\\x{:02x}", c);
    return 1;
  }
  if ((cp >= 0x80 && cp <= 0x9F) || reorders(cp) || invisible_character_is_zero_width(cp))
    out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp));
  else
    out.append(text.substr(at, n));
  return n;
}

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) i += append_printable(text, i, out, keep_newlines);
  return out;
}

}  // namespace herald
