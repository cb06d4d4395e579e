// The plain text of a Markdown subtree: for summaries, anchors, word counts and link checks.
#include "markdown/plain_text.h"

#include <string_view>

#include "markdown/chart.h"

namespace herald {
namespace {

bool is_block(cmark_node_type type) { return (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

void append_plain_text(cmark_node* node, bool image_alt, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_node* skipping = nullptr;  // an image whose alt text is left out
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (skipping) {
      if (event == CMARK_EVENT_EXIT && current == skipping) skipping = nullptr;
      continue;
    }
    cmark_node_type type = cmark_node_get_type(current);
    if (event == CMARK_EVENT_EXIT) {
      if (is_block(type)) out += ' ';
      continue;
    }
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(current);
        break;
      case CMARK_NODE_CODE_BLOCK:
        // A chart is read as what it shows: its title, description and data.
        if (is_chart_block(current)) {
          if (std::optional<Chart> chart = parse_chart(cmark_node_get_literal(current))) {
            out += chart_plain_text(*chart);
            out += ' ';
            break;
          }
        }
        out += cmark_node_get_literal(current);
        out += ' ';
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        // A line break in a table cell, which holds no LINEBREAK (inline_html.h).
        if (std::string_view(cmark_node_get_literal(current)) == "<br />") out += ' ';
        break;
      case CMARK_NODE_IMAGE:
        if (!image_alt && current != node) skipping = current;
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string plain_text(cmark_node* node, bool image_alt) {
  std::string raw;
  append_plain_text(node, image_alt, raw);
  return collapse_whitespace(raw);
}

}  // namespace herald
