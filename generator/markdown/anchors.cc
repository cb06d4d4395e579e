// Heading anchors: stable, unique ids for every heading of a document.
#include "markdown/anchors.h"

#include "core/text.h"

namespace herald {

std::string AnchorSet::make(std::string_view heading_text) {
  std::string base = slugify(heading_text);
  if (base.empty()) base = "section";
  if (used_.insert(base).second) return base;
  // Remembering the next suffix per base keeps many repeats linear.
  int& suffix = next_suffix_.try_emplace(base, 2).first->second;
  std::string candidate;
  do {
    candidate = base + "-" + std::to_string(suffix++);
  } while (!used_.insert(candidate).second);
  return candidate;
}

std::string add_heading_id(std::string_view heading_html, std::string_view anchor, std::string_view number) {
  // cmark writes the opening tag as exactly "<hN>".
  if (heading_html.size() < 4 || heading_html.substr(0, 2) != "<h" || heading_html[3] != '>')
    return std::string(heading_html);
  std::string out;
  out.reserve(heading_html.size() + anchor.size() + 6);
  out.append(heading_html.substr(0, 3));
  out += " id=\"";
  append_html_escaped(out, anchor);
  out += '"';
  out += '>';
  if (!number.empty()) {
    out += "<span class=\"herald-heading-number\">";
    append_html_escaped(out, number);
    out += "</span> ";
  }
  out.append(heading_html.substr(4));
  return out;
}

int heading_number_hint(std::string_view text) {
  size_t i = 0;
  int number = 0;
  while (i < text.size() && i < 4 && text[i] >= '0' && text[i] <= '9') {
    number = number * 10 + (text[i] - '0');
    ++i;
  }
  if (i == 0 || i > 3) return 0;
  if (i == text.size()) return number;
  char next = text[i];
  return next == ' ' || next == '\t' || next == '.' || next == ':' || next == ')' ? number : 0;
}

}  // namespace herald
