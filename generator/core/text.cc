// Small text helpers shared by every stage.
#include "core/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace herald {

bool is_valid_slug(std::string_view slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::string slugify(std::string_view text) {
  std::string out;
  bool pending_hyphen = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      if (pending_hyphen && !out.empty()) out += '-';
      pending_hyphen = false;
      out += static_cast<char>(std::tolower(c));
    } else if (c == '\'' || c == 0xE2) {
      // Apostrophes join words: "children's" -> "childrens". 0xE2 starts the
      // UTF-8 curly apostrophe; its continuation bytes are skipped below.
      continue;
    } else if (c >= 0x80 && c < 0xC0) {
      continue;
    } else {
      pending_hyphen = true;
    }
  }
  return out;
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_html_escaped(out, text);
  return out;
}

bool is_valid_utf8(std::string_view text, size_t* bad_offset) {
  size_t i = 0, n = text.size();
  auto fail = [&] {
    if (bad_offset) *bad_offset = i;
    return false;
  };
  while (i < n) {
    // Eight bytes of ASCII at a time: most text is.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = text[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    unsigned int cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return fail();
    if (i + len > n) return fail();
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = text[i + k];
      if ((cc & 0xC0) != 0x80) return fail();
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail();
    i += len;
  }
  return true;
}

std::string strip_control_characters(std::string_view text) {
  auto control = [](unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; };
  // Almost no text has any: copied whole, not byte by byte.
  auto first = std::find_if(text.begin(), text.end(), control);
  std::string out(text.begin(), first);
  if (first == text.end()) return out;
  out.reserve(text.size());
  for (auto it = first; it != text.end(); ++it)
    if (!control(static_cast<unsigned char>(*it))) out += *it;
  return out;
}

std::string_view trim(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return text.substr(b, e - b);
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.emplace_back(text.substr(start));
      break;
    }
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<int> parse_whole_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

namespace {

/// isspace in the C locale, as a table.
constexpr std::array<bool, 256> kSpace = [] {
  std::array<bool, 256> table{};
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) table[c] = true;
  return table;
}();

}  // namespace

size_t count_words(std::string_view text) {
  // A word starts where a space is followed by anything else: counted
  // without a branch, sixteen bytes at a time where the processor can, as
  // the pages of a large site are read on every build.
  size_t words = 0;
  bool space = true;
  size_t i = 0;
#ifdef __SSE2__
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i tab_minus_one = _mm_set1_epi8('\t' - 1), cr_plus_one = _mm_set1_epi8('\r' + 1);
  for (; i + 16 <= text.size(); i += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // \t..\r as signed bytes (no byte of UTF-8 text is below 0x20 but these).
    __m128i control = _mm_and_si128(_mm_cmpgt_epi8(bytes, tab_minus_one), _mm_cmplt_epi8(bytes, cr_plus_one));
    unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, blank), control)));
    // A start: not a space, and the byte before it (the last of the block
    // before, for the first) a space.
    unsigned before = (spaces << 1) | (space ? 1u : 0u);
    words += static_cast<size_t>(__builtin_popcount(~spaces & before & 0xFFFFu));
    space = (spaces >> 15) & 1u;
  }
#endif
  for (; i < text.size(); ++i) {
    bool now = kSpace[static_cast<unsigned char>(text[i])];
    words += space & !now;
    space = now;
  }
  return words;
}

void line_and_column(std::string_view text, size_t offset, int* line, int* column) {
  int l = 1, c = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++l; c = 1; } else { ++c; }
  }
  *line = l;
  *column = c;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a swap of two neighbouring letters ("titel") costs 1.
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = SIZE_MAX;
  size_t limit = std::max<size_t>(1, word.size() / 3);
  for (const auto& candidate : candidates) {
    // The distance is at least the difference in length, so a candidate that
    // far off could never be suggested: skip it. A field name of megabytes in
    // a hostile file is then never compared (edit_distance takes memory and
    // time of the product of the lengths).
    size_t gap = word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (gap > limit) continue;
    size_t d = edit_distance(word, candidate);
    if (d < best_distance) { best_distance = d; best = candidate; }
  }
  return best_distance <= limit ? best : std::string();
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  if (needle.empty() || needle.size() > text.size()) return needle.empty();
  const char* const end = text.data() + text.size();
  auto next = [&](const char* from, char c) {
    return static_cast<const char*>(std::memchr(from, c, static_cast<size_t>(end - from)));
  };
  const char* lower_at = next(text.data(), needle[0]);
  const char* upper_at = next(text.data(), static_cast<char>(needle[0] - 32));
  while (lower_at || upper_at) {
    bool from_lower = lower_at && (!upper_at || lower_at < upper_at);
    const char* at = from_lower ? lower_at : upper_at;
    if (static_cast<size_t>(end - at) < needle.size()) return false;
    size_t k = 1;
    while (k < needle.size() && lower(at[k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
    if (from_lower) lower_at = next(at + 1, needle[0]);
    else upper_at = next(at + 1, static_cast<char>(needle[0] - 32));
  }
  return false;
}

}  // namespace herald
