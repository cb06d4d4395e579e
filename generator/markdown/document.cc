// A parsed Markdown body: the checked cmark-gfm tree, its headings and anchors, and its HTML.
#include "markdown/document.h"

#include <cstdint>

#include "core/text.h"
#include "markdown/anchors.h"
#include "markdown/plain_text.h"
#include "markdown/transform.h"
#include "output/chart_html.h"

namespace herald {
namespace {

// The text of the first paragraph that has some: top-level paragraphs first
// (a summary should not come from a list or a quote), then any.
std::string first_paragraph(cmark_node* root) {
  for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) continue;
    std::string text = plain_text(node, false);
    if (!text.empty()) return text;
  }
  std::string found;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while (found.empty() && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH)
      found = plain_text(node, false);
  }
  cmark_iter_free(iter);
  return found;
}

size_t tag_index(cmark_node* node) {
  return static_cast<size_t>(reinterpret_cast<uintptr_t>(cmark_node_get_user_data(node)));
}

}  // namespace

Document Document::parse(std::string_view markdown, const MarkdownOptions& options, Diagnostics& diags) {
  TransformSettings settings;
  settings.markdown = markdown;
  settings.path = options.path;
  settings.line_offset = options.line_offset;
  settings.diags = &diags;
  settings.number_headings = options.number_headings;
  if (options.shortcodes && options.shortcodes->resolve) {
    settings.resolve = options.shortcodes->resolve;
    settings.nearest = options.shortcodes->nearest;
  }
  TransformResult result = transform_markdown(settings);

  Document doc;
  doc.root_ = std::move(result.root);
  doc.headings_ = std::move(result.headings);
  doc.shortcodes_ = std::move(result.shortcodes);
  doc.links_ = std::move(result.links);
  doc.first_paragraph_ = first_paragraph(doc.root_.get());
  std::string text;
  text.reserve(markdown.size());
  append_plain_text(doc.root_.get(), false, text);
  doc.word_count_ = count_words(text);
  // Each chart is drawn by herald, numbered in the order of the page.
  std::vector<DrawnBlock> drawn;
  for (size_t i = 0; i < result.charts.size(); ++i) {
    const auto& [node, chart] = result.charts[i];
    drawn.push_back({node, chart_html(chart, static_cast<int>(i) + 1)});
    doc.chart_csvs_.push_back(chart.csv());
  }
  // Nobody else can see the tree yet: the one moment it may be changed.
  doc.body_ = RenderedBody::render(doc.root_.get(), doc.headings_, result.heading_nodes, result.url_nodes, drawn,
                                   markdown);
  return doc;
}

const Heading* Document::heading_at(cmark_node* node) const {
  ready();
  if (!node || cmark_node_get_type(node) != CMARK_NODE_HEADING) return nullptr;
  size_t tag = tag_index(node);
  return tag >= 1 && tag <= headings_.size() ? &headings_[tag - 1] : nullptr;
}

const ShortcodeUse* Document::shortcode_at(cmark_node* node) const {
  ready();
  if (!node) return nullptr;
  cmark_node_type type = cmark_node_get_type(node);
  if (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE) return nullptr;
  size_t tag = tag_index(node);
  return tag >= 1 && tag <= shortcodes_.size() ? &shortcodes_[tag - 1] : nullptr;
}

std::vector<DocumentSection> Document::sections(
    int level, std::string* lead_html, const std::function<std::string(std::string_view)>* map_url) const {
  ready();
  std::vector<DocumentSection> out;
  for (RenderedBody::Part& part : body_.split(headings_, level, lead_html, map_url)) {
    const Heading& heading = headings_[part.heading];
    out.push_back({heading_number_hint(heading.text), heading, std::move(part.html)});
  }
  return out;
}

}  // namespace herald
