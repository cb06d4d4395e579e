// What a link or image URL in Markdown is: unsafe (script-running), relative or absolute.
#include "markdown/urls.h"

#include <array>
#include <cctype>

namespace herald {
namespace {

// The scheme as a browser sees it: lower-cased, without leading C0 controls
// and spaces, and without the tabs and newlines the URL parser strips out.
// Empty when the URL has no scheme.
std::string scheme_of(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < url.size(); ++i) {
    unsigned char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') return scheme;
    if (std::isalnum(c) || c == '+' || c == '-' || c == '.') {
      scheme += static_cast<char>(std::tolower(c));
      continue;
    }
    return {};
  }
  return {};
}

}  // namespace

bool is_unsafe_url(std::string_view url) {
  std::string scheme = scheme_of(url);
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

bool is_relative_url(std::string_view url) {
  if (url.size() >= 2 && url[0] == '/' && url[1] == '/') return false;
  std::string scheme = scheme_of(url);
  // A scheme starts with a letter; "1:2" is a relative path.
  return scheme.empty() || !std::isalpha(static_cast<unsigned char>(scheme[0]));
}

namespace {

// The characters cmark leaves as they are in an href (houdini_escape_href).
constexpr std::array<bool, 256> href_safe_table() {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = true;
  for (char c : std::string_view("-_.+!*(),%#@?=;:/$~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kHrefSafe = href_safe_table();

}  // namespace

std::string escape_href(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (unsigned char c : url) {
    if (kHrefSafe[c]) {
      out += static_cast<char>(c);
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#x27;";
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string truncate_text(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
    ++chars;
  }
  return std::string(text);
}

}  // namespace herald
