// Finds the {{contact id}} and {{phone id}} shortcodes in a run of Markdown text.
#include "markdown/shortcodes.h"

#include <string>

#include "core/invisible.h"
#include "core/text.h"
#include "markdown/urls.h"

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
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The length of the blank at `i`: a space, a tab, or an invisible character
// (a non-breaking space pasted between the name and the id), else 0.
size_t blank_at(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (is_blank(text[i])) return 1;
  if (static_cast<unsigned char>(text[i]) < 0xC2) return 0;
  auto found = find_invisible(text.substr(i, 3));
  return found && found->offset == 0 ? found->length : 0;
}

size_t skip_blanks(std::string_view text, size_t i) {
  while (size_t n = blank_at(text, i)) i += n;
  return i;
}

// Lower case, every run of anything but letters and digits one hyphen, none at the ends.
std::string as_id(std::string_view text) {
  std::string id;
  bool gap = false;
  for (char c : text) {
    c = lower(c);
    if (!is_alnum(c)) {
      gap = true;
      continue;
    }
    if (gap && !id.empty()) id += '-';
    gap = false;
    id += c;
  }
  return id;
}

}  // namespace

std::vector<ShortcodeLookalike> find_shortcode_lookalikes(std::string_view text) {
  std::vector<ShortcodeLookalike> out;
  size_t from = 0;
  while ((from = text.find("{{", from)) != std::string_view::npos) {
    ShortcodeMatch exact;
    if (read_shortcode(text, from, &exact)) {
      from += exact.length;
      continue;
    }
    size_t i = skip_blanks(text, from + 2);
    if (i >= text.size() || !is_letter(text[i])) {
      ++from;
      continue;
    }
    ShortcodeLookalike found;
    found.offset = from;
    size_t name_start = i;
    while (i < text.size() && is_letter(text[i])) ++i;
    // Only the first letters: a name of thousands is none of the two anyway.
    for (char c : text.substr(name_start, std::min<size_t>(i - name_start, 32))) found.name += lower(c);
    // Closed by the first `}}` before the next `{{`.
    size_t next_open = text.find("{{", from + 2);
    size_t limit = next_open == std::string_view::npos ? text.size() : next_open;
    size_t close = text.substr(0, limit).find("}}", i);
    size_t end;
    if (close != std::string_view::npos) {
      found.closed = true;
      found.id = as_id(text.substr(i, close - i));
      end = close + 2;
    } else {
      // Never closed: the name, then one word (as far as a blank or a brace).
      size_t word = skip_blanks(text, i);
      size_t j = word;
      while (j < limit && !blank_at(text, j) && text[j] != '{' && text[j] != '}') ++j;
      if (j > word) {
        found.id = as_id(text.substr(word, j - word));
        i = j;
      }
      size_t after = skip_blanks(text, i);
      end = after < limit && text[after] == '}' ? after + 1 : i;
    }
    found.length = end - from;
    out.push_back(std::move(found));
    from = end;
  }
  return out;
}

std::vector<std::string> shortcode_names_meant(std::string_view name, bool* near) {
  if (near) *near = true;
  if (name == "phone" || name == "contact") return {std::string(name)};
  if (name.size() <= 9) {
    if (edit_distance(name, "phone") <= 1) return {"phone"};
    if (edit_distance(name, "contact") <= 2) return {"contact"};
  }
  if (near) *near = false;
  return {"phone", "contact"};
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

std::string lookalike_message(std::string_view written, const ShortcodeLookalike& lookalike, const ContactIds& ids) {
  std::string out = "'" + truncate_text(written, 60) + "' is not a valid shortcode";
  if (std::string note = invisible_note(written); !note.empty()) out += ": " + note;
  bool near = true;
  std::vector<std::string> names = shortcode_names_meant(lookalike.name, &near);
  const std::string& id = lookalike.id;
  std::string meant;
  if (!id.empty() && ids.known && ids.known(id))
    meant = id;
  else if (!id.empty() && ids.nearest)
    meant = ids.nearest(id);
  if (!meant.empty()) {
    out += ": did you mean " + shortcode_text(names[0], meant);
    if (names.size() > 1) out += " or " + shortcode_text(names[1], meant);
    out += "?";
  } else {
    out += ": write " + shortcode_text(names[0], "id");
    if (names.size() > 1) out += " or " + shortcode_text(names[1], "id");
    out += " with the id of a contact in data/contacts.yaml";
    if (!id.empty()) out += "; no contact has the id '" + truncate_text(id, 40) + "'";
  }
  if (!near) out += std::string(meant.empty() ? "." : "") + " To show double braces as they are, put the text in backticks (`)";
  return out;
}

}  // namespace herald
