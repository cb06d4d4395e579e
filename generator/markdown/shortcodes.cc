// Finds the {{contact id}} and {{phone id}} shortcodes in a run of Markdown text.
#include "markdown/shortcodes.h"

#include <string>

#include "core/text.h"

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
      if (edit_distance(name, "phone") <= 1) meant = "phone";
      else if (edit_distance(name, "contact") <= 2) meant = "contact";
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
