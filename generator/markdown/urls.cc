// What a link or image URL written by an author is: allowed or not, a site path or not.
#include "markdown/urls.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/text.h"

namespace herald {
namespace {

constexpr size_t kQuotedUrlChars = 40;

bool is_slash(char c) { return c == '/' || c == '\\'; }

}  // namespace

UrlKind url_kind(std::string_view url) {
  // Leading spaces are ignored (cmark and YAML trim them anyway); a control
  // character anywhere is never part of an address anyone means, and is how
  // `java&#9;script:` would hide a scheme from a simpler check.
  while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
  for (unsigned char c : url)
    if (c < 0x20 || c == 0x7F) return UrlKind::other;
  // A scheme is what comes before the first ':' when no '/', '?' or '#'
  // comes earlier; else the URL is a path (RFC 3986's relative-path reference
  // may not have a ':' in its first part, so `a:b` is refused as a scheme).
  size_t end = url.find_first_of(":/?#");
  if (end != std::string_view::npos && url[end] == ':') {
    // Compared without making a lower-case copy: every link of a large site
    // is read here on every build.
    std::string_view scheme = url.substr(0, end);
    auto is = [scheme](std::string_view name) {
      return scheme.size() == name.size() &&
             std::equal(scheme.begin(), scheme.end(), name.begin(),
                        [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
    };
    if (is("http") || is("https")) return UrlKind::web;
    if (is("mailto")) return UrlKind::mailto;
    if (is("tel")) return UrlKind::tel;
    return UrlKind::other;
  }
  // `//host/x` (browsers read a backslash as a slash here) is another site.
  if (url.size() >= 2 && is_slash(url[0]) && is_slash(url[1])) return UrlKind::web;
  return UrlKind::site_path;
}

bool is_allowed_link_url(std::string_view url) { return url_kind(url) != UrlKind::other; }

bool is_allowed_image_url(std::string_view url) {
  UrlKind kind = url_kind(url);
  return kind == UrlKind::web || kind == UrlKind::site_path;
}

bool is_web_address(std::string_view url) {
  if (url_kind(url) != UrlKind::web) return false;
  std::string lower = to_lower(trim(url));
  size_t rest = starts_with(lower, "https://") ? 8 : starts_with(lower, "http://") ? 7 : 0;
  return rest > 0 && rest < lower.size() && !is_slash(lower[rest]);
}

std::string url_not_allowed(std::string_view what, std::string_view url, bool image) {
  if (image)
    return fmt::format(
        "{} '{}' is not allowed: an image must be a file of this site, such as /images/chart.png "
        "(the file static/images/chart.png), or start with https:// or http://",
        what, quoted_url(url));
  return fmt::format(
      "{} '{}' is not allowed: a link must start with https://, http://, mailto: or tel:, or be a "
      "path on this site such as /contacts/",
      what, quoted_url(url));
}

bool is_relative_url(std::string_view url) { return url_kind(url) == UrlKind::site_path; }

std::string quoted_url(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  return truncate_text(trim(url), kQuotedUrlChars);
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
