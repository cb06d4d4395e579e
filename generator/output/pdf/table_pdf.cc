// GFM tables in PDFs: column widths that fit the frame, one item per row, the header row again on each page, the total in TFoot.
#include <cmark-gfm-core-extensions.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "markdown/total_row.h"
#include "output/pdf/markdown_pdf.h"

namespace herald::pdf {
namespace {

struct Cell {
  std::shared_ptr<TextBlock> block;
  int element = 0;
};

/// Column widths for `available` points, from each column's natural width
/// (no wrapping) and minimum width (its longest word). False when even the
/// minimum widths do not fit.
bool fit_columns(const std::vector<double>& natural, const std::vector<double>& minimum, double available,
                 std::vector<double>& widths) {
  const size_t n = natural.size();
  double sum_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
  double sum_minimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  widths.assign(n, available / static_cast<double>(n));
  if (sum_natural <= available && sum_natural > 0) {
    for (size_t i = 0; i < n; ++i)
      widths[i] = natural[i] + (available - sum_natural) * natural[i] / sum_natural;
    return true;
  }
  if (sum_minimum <= available) {
    double stretch = sum_natural - sum_minimum;
    for (size_t i = 0; i < n; ++i)
      widths[i] =
          minimum[i] + (stretch > 0 ? (available - sum_minimum) * (natural[i] - minimum[i]) / stretch : 0);
    return true;
  }
  if (sum_minimum > 0)
    for (size_t i = 0; i < n; ++i) widths[i] = available * minimum[i] / sum_minimum;
  return false;
}

}  // namespace

void MarkdownLayout::add_table(cmark_node* node, const Region& region) {
  flush_label();
  const size_t columns = cmark_gfm_extensions_get_table_columns(node);
  if (columns == 0) return;
  const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
  struct RowText {
    bool header = false;
    std::vector<RichText> cells;
  };
  std::vector<RowText> rows;
  for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
    RowText r;
    r.header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell && r.cells.size() < columns;
         cell = cmark_node_next(cell))
      r.cells.push_back(inline_text(cell));
    r.cells.resize(columns);
    rows.push_back(std::move(r));
  }
  if (rows.empty()) return;

  const double pad = 4;
  TextStyle body = body_text();
  body.size = std::max(kMinBodySize, style_.size * 0.92);
  body.line_spacing = 1.2;
  TextStyle head = body;
  head.bold = true;

  std::vector<double> natural(columns, 2 * pad + 1), minimum(columns, 2 * pad + 1);
  for (const RowText& r : rows) {
    const TextStyle& style = r.header ? head : body;
    for (size_t c = 0; c < columns; ++c) {
      const std::string& text = r.cells[c].text();
      if (text.empty()) continue;
      natural[c] = std::max(natural[c], std::min(region.width, text_width(doc_, text, style)) + 2 * pad + 1);
      minimum[c] = std::max(minimum[c], widest_word(doc_, text, style) + 2 * pad + 1);
    }
  }
  std::vector<double> widths;
  if (!fit_columns(natural, minimum, region.width, widths))
    warn(line_of(node), fmt::format("this table is wider than the printed page ({} columns): in the PDF its "
                                    "columns are narrowed and long words broken",
                                    columns));

  std::vector<double> offsets(columns, 0);
  for (size_t c = 1; c < columns; ++c) offsets[c] = offsets[c - 1] + widths[c - 1];
  const double total_width = region.width;
  const int table = doc_.add_element(region.element, "Table");
  // THead, TBody and TFoot (a total row, markdown/total_row.h) group the rows.
  const bool total = has_total_row(node);
  int head_group = -1, body_group = -1, foot_group = -1;
  const Palette palette = style_.palette;
  double space = take_space(paragraph_space());
  bool first_row = true;
  std::optional<size_t> header_item;
  for (size_t r_index = 0; r_index < rows.size(); ++r_index) {
    const RowText& r = rows[r_index];
    const bool footer = total && r_index + 1 == rows.size();
    int& group = r.header ? head_group : footer ? foot_group : body_group;
    if (group < 0) group = doc_.add_element(table, r.header ? "THead" : footer ? "TFoot" : "TBody");
    const int tr = doc_.add_element(group, "TR");
    auto cells = std::make_shared<std::vector<Cell>>();
    double height = 0;
    for (size_t c = 0; c < columns; ++c) {
      TextStyle style = r.header ? head : body;
      char align = alignments ? static_cast<char>(alignments[c]) : 'l';
      style.align = align == 'c' ? PANGO_ALIGN_CENTER : align == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      Cell cell;
      cell.element = doc_.add_element(tr, r.header ? "TH" : "TD");
      cell.block = std::make_shared<TextBlock>(doc_, r.cells[c], style, std::max(1.0, widths[c] - 2 * pad));
      height = std::max(height, cell.block->height());
      cells->push_back(std::move(cell));
    }
    height = std::max(height, body.size * body.line_spacing) + 2 * pad;
    Item item;
    item.height = height;
    item.space_before = first_row ? space : 0;
    item.indent = region.indent;
    item.boxes = region.boxes;
    item.keep_with_next = r.header;
    if (!r.header) item.header = header_item;
    item.place = [cells, offsets, pad](int page, double x, double y) {
      for (size_t c = 0; c < cells->size(); ++c) {
        const auto& block = (*cells)[c].block;
        double top = y + pad;
        for (size_t i = 0; i < block->line_count(); ++i) {
          block->place_line(i, page, x + offsets[c] + pad, top);
          top += block->line_height(i);
        }
      }
    };
    const bool header = r.header;
    // `artifact`: the header row drawn again on a page the table runs on to.
    auto draw = [cells, offsets, widths, pad, height, total_width, header, footer, palette](
                    PdfDocument& d, double x, double y, bool artifact) {
      cairo_t* cr = d.cr();
      d.leave_leaves();
      if (header) {
        cairo_set_source_rgb(cr, palette.tint_strong.r, palette.tint_strong.g, palette.tint_strong.b);
        cairo_rectangle(cr, x, y, total_width, height);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, kRule.r, kRule.g, kRule.b);
      cairo_set_line_width(cr, 0.6);
      for (size_t c = 0; c < offsets.size(); ++c) cairo_rectangle(cr, x + offsets[c], y, widths[c], height);
      cairo_stroke(cr);
      if (footer) {  // the total ruled off
        cairo_set_source_rgb(cr, kText.r, kText.g, kText.b);
        cairo_rectangle(cr, x, y - 0.6, total_width, 1.8);
        cairo_fill(cr);
      }
      for (size_t c = 0; c < cells->size(); ++c) {
        const Cell& cell = (*cells)[c];
        if (cell.block->line_count() == 0) {
          if (!artifact) d.enter(cell.element);  // an empty cell keeps the row regular
          continue;
        }
        double top = y + pad;
        for (size_t i = 0; i < cell.block->line_count(); ++i) {
          cell.block->draw_line(d, i, x + offsets[c] + pad, top, artifact ? -1 : cell.element);
          top += cell.block->line_height(i);
        }
      }
    };
    item.draw = [draw](PdfDocument& d, double x, double y) { draw(d, x, y, false); };
    if (r.header) {
      item.draw_again = [draw](PdfDocument& d, double x, double y) { draw(d, x, y, true); };
      header_item = flow_.items().size();
      if (pending_label_) header_item.reset();  // a label drawn with it: not repeated (a table in a list)
    }
    add_item(std::move(item), pad + body.size);
    first_row = false;
  }
}

}  // namespace herald::pdf
