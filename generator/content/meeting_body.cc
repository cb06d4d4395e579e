// Restricted items withheld from a meeting's Markdown before it is parsed; agenda items and decisions read from it.
#include "content/meeting_body.h"

#include <algorithm>

#include <fmt/format.h>

#include "content/briefing.h"
#include "core/text.h"

namespace herald {
namespace {

/// The lines of `text`, each without its line end.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = nl + 1;
  }
  return out;
}

/// Up to three spaces of indentation, as CommonMark allows before a block.
std::string_view unindent(std::string_view line) {
  size_t spaces = 0;
  while (spaces < line.size() && spaces < 3 && line[spaces] == ' ') ++spaces;
  return line.substr(spaces);
}

/// A fence line (``` or ~~~) opens or closes a code block.
bool is_fence(std::string_view line) {
  line = unindent(line);
  return starts_with(line, "```") || starts_with(line, "~~~");
}

/// The level (1 to 6) of an ATX heading line, or 0.
int atx_level(std::string_view line) {
  line = unindent(line);
  int level = 0;
  while (static_cast<size_t>(level) < line.size() && line[static_cast<size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  if (static_cast<size_t>(level) < line.size() && line[static_cast<size_t>(level)] != ' ' &&
      line[static_cast<size_t>(level)] != '\t')
    return 0;
  return level;
}

/// The item number a `##` heading's text starts with, or 0.
int item_number(std::string_view heading) {
  std::string_view text = trim(heading);
  // "Item 9: …" is read as "9: …".
  if (text.size() > 5 && to_lower(text.substr(0, 5)) == "item ") text = trim(text.substr(5));
  auto parsed = parse_section_heading(text);
  return parsed ? parsed->first : 0;
}

/// Markdown's emphasis and code marks taken out of a decision's text.
std::string plain(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '*' && c != '`' && c != '_') out += c;
  return std::string(trim(out));
}

}  // namespace

std::string not_published_sentence(int item) { return fmt::format("Item {} is not published.", item); }

std::string_view level2_heading(std::string_view line) {
  if (atx_level(line) != 2) return {};
  std::string_view text = trim(unindent(line).substr(2));
  // A closing sequence of #s is not part of the heading.
  while (!text.empty() && text.back() == '#') text.remove_suffix(1);
  return trim(text);
}

std::string withhold_restricted_items(std::string_view body, const std::vector<int>& restricted,
                                      std::vector<int>* found) {
  if (restricted.empty()) return std::string(body);
  std::string out;
  out.reserve(body.size());
  bool in_code = false, withholding = false;
  int item = 0;
  bool sentence_pending = false;
  auto put_line = [&](std::string_view line) {
    out += line;
    out += '\n';
  };
  for (std::string_view line : lines_of(body)) {
    if (!in_code) {
      int level = atx_level(line);
      if (level == 1 || level == 2) {
        if (sentence_pending) put_line(not_published_sentence(item));  // an item with no line of its own
        sentence_pending = false;
        withholding = false;
        if (level == 2) {
          int number = item_number(level2_heading(line));
          if (number && std::find(restricted.begin(), restricted.end(), number) != restricted.end()) {
            withholding = true;
            item = number;
            if (found) found->push_back(number);
            put_line(fmt::format("## {}. Restricted item", number));
            sentence_pending = true;
            continue;
          }
        }
      }
    }
    if (is_fence(line)) in_code = !in_code;
    if (!withholding) {
      put_line(line);
      continue;
    }
    if (sentence_pending) {
      put_line(not_published_sentence(item));
      sentence_pending = false;
    } else {
      out += '\n';
    }
  }
  if (sentence_pending) put_line(not_published_sentence(item));
  return out;
}

void read_agenda(std::string_view body, const std::vector<Heading>& headings, Meeting& meeting) {
  meeting.items.clear();
  meeting.decisions.clear();
  for (const Heading& h : headings) {
    if (h.level != 2) continue;
    AgendaItem item;
    item.number = item_number(h.text);
    auto parsed = item.number ? parse_section_heading(h.text.substr(h.text.find_first_of("0123456789"))) : std::nullopt;
    item.title = parsed ? parsed->second : h.text;
    item.anchor = h.anchor;
    item.restricted = meeting.is_restricted(item.number);
    meeting.items.push_back(std::move(item));
  }
  bool in_code = false;
  int item = 0;
  MeetingDecision* open = nullptr;
  for (std::string_view line : lines_of(body)) {
    if (is_fence(line)) in_code = !in_code;
    if (in_code) {
      open = nullptr;
      continue;
    }
    if (atx_level(line) == 2) item = item_number(level2_heading(line));
    std::string_view text = unindent(line);
    if (text.empty() || text[0] != '>') {
      open = nullptr;
      continue;
    }
    text = trim(text.substr(1));
    if (to_lower(text) == "[!decision]") {
      meeting.decisions.push_back({item, ""});
      open = &meeting.decisions.back();
      continue;
    }
    if (open) {
      std::string part = plain(text);
      if (!part.empty()) open->text += (open->text.empty() ? "" : " ") + part;
    }
  }
  // A decision with no text of its own is not listed.
  std::erase_if(meeting.decisions, [](const MeetingDecision& d) { return d.text.empty(); });
}

}  // namespace herald
