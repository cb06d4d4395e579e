// Characters a reader cannot see, or cannot tell from a space, named for messages about the values they spoil.
#include "core/invisible.h"

namespace herald {
namespace {

/// The code point of the UTF-8 sequence at `at` and its length, or 0 when
/// it is not a well-formed two- or three-byte sequence (every invisible
/// character is one of those).
size_t decode(std::string_view text, size_t at, char32_t* code) {
  unsigned char c = text[at];
  size_t n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : 0;
  if (n == 0 || at + n > text.size()) return 0;
  char32_t cp = c & (n == 2 ? 0x1F : 0x0F);
  for (size_t i = 1; i < n; ++i) {
    unsigned char next = text[at + i];
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (n == 3 && cp < 0x800) return 0;
  *code = cp;
  return n;
}

/// At most `max` characters of `text` before byte `end`, cut at a character boundary.
std::string_view tail(std::string_view text, size_t end, size_t max) {
  size_t begin = end, characters = 0;
  while (begin > 0 && characters < max) {
    --begin;
    if ((static_cast<unsigned char>(text[begin]) & 0xC0) != 0x80) ++characters;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

const char* invisible_character_name(char32_t code_point) {
  switch (code_point) {
    case 0x00A0: return "a non-breaking space";
    case 0x202F: return "a narrow non-breaking space";
    case 0x2007: return "a figure space";
    case 0x00AD: return "a soft hyphen";
    case 0x200B: return "a zero-width space";
    case 0x2060: return "a word joiner";
    case 0xFEFF: return "a zero-width no-break space (byte order mark)";
    case 0x200E: return "a left-to-right mark";
    case 0x200F: return "a right-to-left mark";
    default: return nullptr;
  }
}

bool invisible_character_is_zero_width(char32_t code_point) {
  return invisible_character_name(code_point) && code_point != 0x00A0 && code_point != 0x202F &&
         code_point != 0x2007;
}

std::optional<InvisibleCharacter> find_invisible(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0xC2) continue;
    char32_t cp = 0;
    size_t n = decode(text, i, &cp);
    if (n == 0) continue;
    if (const char* name = invisible_character_name(cp))
      return InvisibleCharacter{i, n, name, invisible_character_is_zero_width(cp)};
    i += n - 1;
  }
  return std::nullopt;
}

std::string invisible_note(std::string_view text) {
  std::optional<InvisibleCharacter> found = find_invisible(text);
  if (!found) return "";
  std::string out = "it contains ";
  out.append(found->name);
  if (found->offset == 0) {
    out += " at the start";
  } else if (found->offset + found->length == text.size()) {
    out += " at the end";
  } else {
    std::string_view before = tail(text, found->offset, 24);
    out += " after '";
    if (before.size() < found->offset) out += "…";
    out.append(before);
    out += "'";
  }
  out += found->zero_width ? ", which cannot be seen" : ", which looks like a space but is not one";
  return out;
}

std::string as_seen(std::string_view text) {
  std::string out(text);
  while (auto c = find_invisible(out)) out.replace(c->offset, c->length, c->zero_width ? "" : " ");
  return out;
}

std::string invisible_suffix(std::string_view text) {
  std::string note = invisible_note(text);
  return note.empty() ? note : ": " + note;
}

int column_on_line(std::string_view source, int line, int column, std::string_view needle) {
  if (line < 1 || column < 1 || needle.empty()) return column;
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return column;
    start = newline + 1;
  }
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (static_cast<size_t>(column - 1) > text.size()) return column;
  size_t at = text.find(needle, static_cast<size_t>(column - 1));
  return at == std::string_view::npos ? column : static_cast<int>(at) + 1;
}

SourceLocation point_at_invisible(SourceLocation where, std::string_view value, std::string_view source,
                                  int first_line) {
  std::optional<InvisibleCharacter> found = find_invisible(value);
  if (!found || where.line < first_line || where.column < 1) return where;
  where.column = column_on_line(source, where.line - first_line + 1, where.column, found->bytes(value));
  return where;
}

}  // namespace herald
