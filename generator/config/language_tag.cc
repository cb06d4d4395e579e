// Checking a language tag against RFC 5646's syntax, subtag by subtag.
#include "config/language_tag.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace herald {
namespace {

bool all_of(std::string_view s, int (*test)(int)) {
  for (unsigned char c : s)
    if (!test(c)) return false;
  return true;
}

bool alpha(std::string_view s, size_t min, size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, [](int c) { return std::isalpha(c); });
}
bool digits(std::string_view s, size_t n) { return s.size() == n && all_of(s, [](int c) { return std::isdigit(c); }); }
bool alphanum(std::string_view s, size_t min, size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, [](int c) { return std::isalnum(c); });
}

// Only ASCII: std::isalpha of a byte above 0x7F depends on the locale.
bool ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::vector<std::string_view> subtags_of(std::string_view tag) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

}  // namespace

bool is_well_formed_language_tag(std::string_view tag) {
  if (tag.empty() || !ascii(tag)) return false;
  std::vector<std::string_view> parts = subtags_of(tag);
  for (std::string_view p : parts)
    if (p.empty()) return false;  // `en-`, `-GB`, `en--GB`
  size_t i = 0, n = parts.size();
  // language = 2*3ALPHA ["-" extlang]; extlang = 3ALPHA *2("-" 3ALPHA). The
  // syntax also allows 4 letters (reserved) and 5 to 8 (for registration):
  // the registry has none, and `english` is a mistake, not a tag.
  if (!alpha(parts[0], 2, 3)) return false;
  ++i;
  for (int extlang = 0; extlang < 3 && i < n && alpha(parts[i], 3, 3); ++extlang) ++i;
  if (i < n && alpha(parts[i], 4, 4)) ++i;                                   // script
  if (i < n && (alpha(parts[i], 2, 2) || digits(parts[i], 3))) ++i;          // region
  while (i < n && (alphanum(parts[i], 5, 8) ||                               // variants
                   (parts[i].size() == 4 && std::isdigit(static_cast<unsigned char>(parts[i][0])) &&
                    alphanum(parts[i], 4, 4))))
    ++i;
  // extension = singleton 1*("-" (2*8alphanum)); singleton: any letter or digit but x
  while (i < n && parts[i].size() == 1 && std::isalnum(static_cast<unsigned char>(parts[i][0])) &&
         std::tolower(static_cast<unsigned char>(parts[i][0])) != 'x') {
    ++i;
    size_t first = i;
    while (i < n && alphanum(parts[i], 2, 8)) ++i;
    if (i == first) return false;
  }
  // privateuse = "x" 1*("-" (1*8alphanum))
  if (i < n && (parts[i] == "x" || parts[i] == "X")) {
    ++i;
    size_t first = i;
    while (i < n && alphanum(parts[i], 1, 8)) ++i;
    if (i == first) return false;
  }
  return i == n;
}

}  // namespace herald
