// A table whose last row is a total (`| **Total** | **421** |`): that row shown as the table's footer.
#include "markdown/total_row.h"

#include <cmark-gfm-core-extensions.h>

#include "core/text.h"
#include "markdown/plain_text.h"

namespace herald {
namespace {

bool blank(cmark_node* node) {
  if (cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK) return true;
  if (cmark_node_get_type(node) != CMARK_NODE_TEXT) return false;
  const char* literal = cmark_node_get_literal(node);
  return !literal || trim(literal).empty();
}

/// A cell that is empty, or whose text is all inside `**…**`.
bool all_bold(cmark_node* cell) {
  bool any = false;
  for (cmark_node* child = cmark_node_first_child(cell); child; child = cmark_node_next(child)) {
    if (blank(child)) continue;
    if (cmark_node_get_type(child) != CMARK_NODE_STRONG) return false;
    any = true;
  }
  return any || !cmark_node_first_child(cell);
}

bool says_total(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (size_t at = text.find("total"); at != std::string::npos; at = text.find("total", at + 1)) {
    bool word_start = at == 0 || !(text[at - 1] >= 'a' && text[at - 1] <= 'z');
    if (word_start) return true;
  }
  return false;
}

}  // namespace

bool has_total_row(cmark_node* table) {
  cmark_node* last = cmark_node_last_child(table);
  if (!last || cmark_gfm_extensions_get_table_row_is_header(last)) return false;
  cmark_node* previous = cmark_node_previous(last);
  if (!previous || cmark_gfm_extensions_get_table_row_is_header(previous)) return false;
  cmark_node* first = cmark_node_first_child(last);
  if (!first || !says_total(plain_text(first, false))) return false;
  bool any_text = false;
  for (cmark_node* cell = first; cell; cell = cmark_node_next(cell)) {
    if (!all_bold(cell)) return false;
    any_text = any_text || cmark_node_first_child(cell);
  }
  return any_text;
}

std::string total_row_in_tfoot(std::string_view html) {
  size_t body_end = html.rfind("</tbody>");
  if (body_end == std::string_view::npos) return std::string(html);
  size_t row = html.rfind("<tr", body_end);
  size_t body_start = html.rfind("<tbody>", body_end);
  if (row == std::string_view::npos || body_start == std::string_view::npos || row < body_start)
    return std::string(html);
  size_t after_body = body_end + std::string_view("</tbody>").size();
  if (after_body < html.size() && html[after_body] == '\n') ++after_body;
  std::string out(html.substr(0, row));
  out += "</tbody>\n<tfoot>\n";
  out.append(html.substr(row, body_end - row));
  out += "</tfoot>\n";
  out.append(html.substr(after_body));
  return out;
}

}  // namespace herald
