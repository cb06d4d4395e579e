// Finds the {{contact id}} and {{phone id}} shortcodes in a run of Markdown text.
#include "markdown/shortcodes.h"

#include <algorithm>
#include <string>

namespace herald {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_name_char(char c) { return c >= 'a' && c <= 'z'; }
bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Reads one shortcode starting at `start` (which holds "{{"); false if the
// braces hold something else.
bool read_shortcode(std::string_view text, size_t start, ShortcodeMatch* match) {
  size_t i = start + 2;
  while (i < text.size() && is_blank(text[i])) ++i;
  size_t name_start = i;
  while (i < text.size() && is_name_char(text[i])) ++i;
  std::string_view name = text.substr(name_start, i - name_start);
  if (name != "contact" && name != "phone") return false;
  if (i >= text.size() || !is_blank(text[i])) return false;
  while (i < text.size() && is_blank(text[i])) ++i;
  size_t id_start = i;
  while (i < text.size() && is_id_char(text[i])) ++i;
  if (i == id_start) return false;
  std::string_view id = text.substr(id_start, i - id_start);
  while (i < text.size() && is_blank(text[i])) ++i;
  if (text.substr(i, 2) != "}}") return false;
  *match = {start, i + 2 - start, name, id};
  return true;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Letters added, left out or changed, or two side by side swapped, to make
/// `a` into `b` (the optimal string alignment distance).
size_t edits_between(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::vector<NearShortcode> find_near_shortcodes(std::string_view text) {
  std::vector<NearShortcode> out;
  size_t from = 0;
  while ((from = text.find("{{", from)) != std::string_view::npos) {
    ShortcodeMatch exact;
    if (read_shortcode(text, from, &exact)) {
      from += exact.length;
      continue;
    }
    size_t i = from + 2;
    while (i < text.size() && is_blank(text[i])) ++i;
    std::string name;
    while (i < text.size() && is_letter(text[i]) && name.size() <= 10) name += lower(text[i++]);
    bool spaced = i < text.size() && is_blank(text[i]);
    while (i < text.size() && is_blank(text[i])) ++i;
    std::string id;
    while (i < text.size() && (is_id_char(lower(text[i])) || text[i] == '_') && id.size() <= 100) {
      char c = text[i++];
      id += c == '_' ? '-' : lower(c);
    }
    while (i < text.size() && is_blank(text[i])) ++i;
    const char* meant = nullptr;
    if (spaced && !id.empty() && text.substr(i, 2) == "}}") {
      if (edits_between(name, "phone") <= 1) meant = "phone";
      else if (edits_between(name, "contact") <= 2) meant = "contact";
    }
    if (!meant) {
      ++from;
      continue;
    }
    out.push_back({from, i + 2 - from, shortcode_text(meant, id)});
    from = i + 2;
  }
  return out;
}

std::vector<ShortcodeMatch> find_shortcodes(std::string_view text) {
  std::vector<ShortcodeMatch> out;
  size_t from = 0;
  while ((from = text.find("{{", from)) != std::string_view::npos) {
    ShortcodeMatch match;
    if (read_shortcode(text, from, &match)) {
      out.push_back(match);
      from += match.length;
    } else {
      ++from;
    }
  }
  return out;
}

std::string shortcode_text(std::string_view name, std::string_view id) {
  std::string out = "{{";
  out.append(name);
  out += ' ';
  out.append(id);
  out += "}}";
  return out;
}

}  // namespace herald
