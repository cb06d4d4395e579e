// The tree changed for one HTML render and put back: alerts as boxes, footnotes at their sections' ends, total rows in a <tfoot>.
#include "markdown/render_rewrites.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "markdown/alerts.h"
#include "markdown/footnotes.h"
#include "markdown/gfm.h"
#include "markdown/total_row.h"

namespace herald {
namespace {

cmark_node* html_block(const std::string& html) {
  cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
  cmark_node_set_literal(block, html.c_str());
  return block;
}

/// The `<li>` cmark-gfm writes for a definition rendered on its own (inside
/// the `<section class="footnotes"><ol>` it opens for the first one), with
/// its id and the links back to its references, each named for where it
/// leads (cmark-gfm names them all "Back to content").
std::string definition_item(cmark_node* definition, int number) {
  std::string html = render_gfm_html(definition);
  size_t begin = html.find("<li");
  size_t end = html.rfind("</li>");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return "";
  html = html.substr(begin, end + 5 - begin) + "\n";
  static constexpr std::string_view kLabel = "aria-label=\"Back to content\"";
  int count = 0;
  for (size_t at = html.find(kLabel); at != std::string::npos; at = html.find(kLabel, at + 1)) ++count;
  int k = 0;
  for (size_t at = html.find(kLabel); at != std::string::npos; at = html.find(kLabel, at + 1)) {
    ++k;
    std::string label = count == 1 ? fmt::format("aria-label=\"Back to the text of note {}\"", number)
                                   : fmt::format("aria-label=\"Back to reference {} of note {}\"", k, number);
    html.replace(at, kLabel.size(), label);
  }
  return html;
}

}  // namespace

RenderRewrites::RenderRewrites(cmark_node* root) : root_(root) {
  std::vector<cmark_node*> tables, quotes;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    if (alert_of(node)) quotes.push_back(node);
    if (is_gfm_table(node) && has_total_row(node)) tables.push_back(node);
  }
  cmark_iter_free(iter);

  // Tables first: rendered whole (a note's reference in a cell included).
  for (cmark_node* table : tables) {
    cmark_node* block = html_block(total_row_in_tfoot(render_gfm_html(table)));
    if (!cmark_node_insert_before(table, block)) {
      cmark_node_free(block);
      continue;
    }
    cmark_node_unlink(table);
    tables_.push_back({table, block});
  }

  // Footnotes: a list at the end of each section, numbered as the
  // references are (a run that does not follow on starts a list of its own).
  for (const FootnoteGroup& group : place_footnotes(root)) {
    std::string html = "<div class=\"herald-footnotes\">\n";
    int next = -1;
    for (size_t i = 0; i < group.definitions.size(); ++i) {
      int number = group.numbers[i];
      if (number != next) {
        if (next >= 0) html += "</ol>\n";
        html += number == 1 ? "<ol class=\"herald-footnotes__list\">\n"
                            : fmt::format("<ol class=\"herald-footnotes__list\" start=\"{}\">\n", number);
      }
      html += definition_item(group.definitions[i], number);
      next = number + 1;
    }
    html += "</ol>\n</div>\n";
    cmark_node* block = html_block(html);
    bool placed = group.before ? cmark_node_insert_before(group.before, block) : cmark_node_append_child(root, block);
    if (!placed) {
      cmark_node_free(block);
      continue;
    }
    notes_.push_back(block);
  }
  if (!notes_.empty())
    for (cmark_node* node = cmark_node_first_child(root); node;) {
      cmark_node* next = cmark_node_next(node);
      if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        cmark_node_unlink(node);
        definitions_.push_back(node);
      }
      node = next;
    }

  // Alerts: the quote's blocks between the box's opening and closing HTML.
  for (cmark_node* quote : quotes) {
    cmark_node* open = html_block(alert_open_html(*alert_of(quote)));
    cmark_node* close = html_block("</div>\n");
    if (!cmark_node_insert_before(quote, open)) {
      cmark_node_free(open);
      cmark_node_free(close);
      continue;
    }
    while (cmark_node* child = cmark_node_first_child(quote)) cmark_node_insert_before(quote, child);
    cmark_node_insert_before(quote, close);
    cmark_node_unlink(quote);
    alerts_.push_back({quote, open, close});
  }
}

void RenderRewrites::undo() {
  if (undone_) return;
  undone_ = true;
  for (auto it = alerts_.rbegin(); it != alerts_.rend(); ++it) {
    cmark_node_insert_before(it->close, it->quote);
    for (cmark_node* node = cmark_node_next(it->open); node && node != it->quote;) {
      cmark_node* next = cmark_node_next(node);
      cmark_node_append_child(it->quote, node);
      node = next;
    }
    cmark_node_free(it->open);
    cmark_node_free(it->close);
  }
  for (cmark_node* block : notes_) cmark_node_free(block);
  for (cmark_node* definition : definitions_) cmark_node_append_child(root_, definition);
  for (auto it = tables_.rbegin(); it != tables_.rend(); ++it) {
    cmark_node_insert_before(it->block, it->node);
    cmark_node_free(it->block);
  }
}

}  // namespace herald
