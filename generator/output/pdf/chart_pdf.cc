// Charts in PDFs: the same layout as the page's SVG drawn as vectors, a Figure whose alternate text is its description.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "markdown/chart.h"
#include "output/chart_layout.h"
#include "output/pdf/markdown_pdf.h"
#include "templates/words.h"

namespace herald::pdf {
namespace {

// The chart's own units are the SVG's (480 wide, text 13-14): at most 0.75
// of a point each, so that its text is no larger than the body's.
constexpr double kMaxScale = 0.75;

struct ChartColours {
  std::vector<Rgb> series;
  Rgb text = kText;
  Rgb grid = kRule;
};

Rgb series_colour(const ChartColours& colours, size_t series) {
  return colours.series[series % colours.series.size()];
}

void set(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// The series' colour over the box, then its pattern in white, then its outline.
void draw_box(cairo_t* cr, const ChartBox& box, const ChartColours& colours) {
  if (box.width <= 0 || box.height <= 0) return;
  cairo_save(cr);
  cairo_rectangle(cr, box.x, box.y, box.width, box.height);
  set(cr, series_colour(colours, box.series % 7));
  cairo_fill_preserve(cr);
  cairo_clip(cr);
  set(cr, kWhite);
  cairo_set_line_width(cr, 1.6);
  const ChartPattern pattern = chart_pattern(box.series);
  const double left = box.x - box.height, right = box.x + box.width + box.height;
  switch (pattern) {
    case ChartPattern::diagonal:
      for (double x = std::floor(left / 8) * 8; x < right; x += 8) {
        cairo_move_to(cr, x, box.y + box.height);
        cairo_line_to(cr, x + box.height, box.y);
      }
      break;
    case ChartPattern::cross:
      for (double x = std::floor(left / 8) * 8; x < right; x += 8) {
        cairo_move_to(cr, x, box.y + box.height);
        cairo_line_to(cr, x + box.height, box.y);
        cairo_move_to(cr, x, box.y);
        cairo_line_to(cr, x + box.height, box.y + box.height);
      }
      break;
    case ChartPattern::horizontal:
      for (double y = std::floor(box.y / 8) * 8 + 4; y < box.y + box.height; y += 8) {
        cairo_move_to(cr, box.x, y);
        cairo_line_to(cr, box.x + box.width, y);
      }
      break;
    case ChartPattern::vertical:
      for (double x = std::floor(box.x / 8) * 8 + 4; x < box.x + box.width; x += 8) {
        cairo_move_to(cr, x, box.y);
        cairo_line_to(cr, x, box.y + box.height);
      }
      break;
    case ChartPattern::dots:
      for (double y = std::floor(box.y / 8) * 8 + 4; y < box.y + box.height + 4; y += 8)
        for (double x = std::floor(box.x / 8) * 8 + 4; x < box.x + box.width + 4; x += 8) {
          cairo_new_sub_path(cr);
          cairo_arc(cr, x, y, 1.6, 0, 2 * M_PI);
        }
      cairo_fill(cr);
      break;
    case ChartPattern::solid:
      break;
  }
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_rectangle(cr, box.x, box.y, box.width, box.height);
  set(cr, colours.text);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

void draw_marker(cairo_t* cr, const ChartPoint& p, const ChartColours& colours) {
  switch (chart_marker(p.series)) {
    case ChartMarker::circle:
      cairo_new_sub_path(cr);
      cairo_arc(cr, p.x, p.y, 4.5, 0, 2 * M_PI);
      break;
    case ChartMarker::square:
      cairo_rectangle(cr, p.x - 4, p.y - 4, 8, 8);
      break;
    case ChartMarker::triangle:
      cairo_move_to(cr, p.x, p.y - 5.5);
      cairo_rel_line_to(cr, 5.5, 9.5);
      cairo_rel_line_to(cr, -11, 0);
      cairo_close_path(cr);
      break;
    case ChartMarker::diamond:
      cairo_move_to(cr, p.x, p.y - 5.5);
      cairo_rel_line_to(cr, 5.5, 5.5);
      cairo_rel_line_to(cr, -5.5, 5.5);
      cairo_rel_line_to(cr, -5.5, -5.5);
      cairo_close_path(cr);
      break;
  }
  set(cr, series_colour(colours, p.series % 7));
  cairo_fill_preserve(cr);
  set(cr, colours.text);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
}

void draw_text(PdfDocument& d, const ChartText& t, const ChartColours& colours) {
  TextStyle style;
  style.size = t.size;
  style.bold = t.bold;
  LayoutPtr layout = d.new_layout();
  PangoFontDescription* font = font_for(style);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_text(layout.get(), t.text.data(), static_cast<int>(t.text.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  const double width = static_cast<double>(logical.width) / PANGO_SCALE;
  const double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
  double x = t.x;
  if (t.anchor == ChartAnchor::middle) x -= width / 2;
  if (t.anchor == ChartAnchor::end) x -= width;
  cairo_t* cr = d.cr();
  set(cr, colours.text);
  cairo_move_to(cr, x, t.y - baseline);
  pango_cairo_show_layout(cr, layout.get());
}

void draw_scene(PdfDocument& d, const ChartScene& scene, const ChartColours& colours) {
  cairo_t* cr = d.cr();
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const ChartRule& r : scene.rules) {
    if (!r.grid) continue;
    cairo_move_to(cr, r.x1, r.y1);
    cairo_line_to(cr, r.x2, r.y2);
  }
  set(cr, colours.grid);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  for (const ChartBox& b : scene.boxes) draw_box(cr, b, colours);
  for (const ChartRule& r : scene.rules) {
    if (r.grid) continue;
    cairo_move_to(cr, r.x1, r.y1);
    cairo_line_to(cr, r.x2, r.y2);
  }
  set(cr, colours.text);
  cairo_set_line_width(cr, 1.5);
  cairo_stroke(cr);
  for (const ChartPolyline& line : scene.lines) {
    if (line.points.empty()) continue;
    cairo_save(cr);
    std::vector<double> dashes = chart_dashes(line.series);
    cairo_set_dash(cr, dashes.data(), static_cast<int>(dashes.size()), 0);
    cairo_set_line_width(cr, 3);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to(cr, line.points[0].first, line.points[0].second);
    for (size_t i = 1; i < line.points.size(); ++i) cairo_line_to(cr, line.points[i].first, line.points[i].second);
    set(cr, series_colour(colours, line.series % 7));
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  for (const ChartPoint& p : scene.points) draw_marker(cr, p, colours);
  for (const ChartText& t : scene.texts) draw_text(d, t, colours);
}

}  // namespace

void MarkdownLayout::add_chart(cmark_node* node, const Region& region) {
  flush_label();
  std::optional<Chart> chart = parse_chart(literal_of_node(node));
  if (!chart) {  // reported on the page's build already
    add_code(node, region);
    return;
  }
  auto scene = std::make_shared<ChartScene>(lay_out_chart(*chart));
  const double scale = std::min(kMaxScale, region.width / scene->width);

  // The title above, as the page's caption; the picture a Figure described in words.
  TextStyle title = body_text();
  title.bold = true;
  const int caption = doc_.add_element(region.element, "P");
  add_text(RichText(chart->title), title, region, caption, take_space(paragraph_space() * 1.5));
  if (!flow_.empty()) flow_.items().back().keep_with_next = true;  // never a title alone at a page's foot
  set_next_space(style_.size * 0.4);

  ChartColours colours;
  for (size_t s = 0; s < 7; ++s)
    colours.series.push_back(s == 0 ? style_.palette.brand : parse_colour(chart_colour(s, ""), kText));
  const int element = doc_.add_element(region.element, "Figure");
  const std::string alt = chart->title + ". " + chart_description(*chart);
  Item item;
  item.height = scene->height * scale;
  item.space_before = take_space(paragraph_space());
  item.indent = region.indent;
  item.boxes = region.boxes;
  item.draw = [scene, scale, colours, element, alt](PdfDocument& d, double x, double y) {
    d.enter(element);
    d.note_figure(alt);
    cairo_t* cr = d.cr();
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    draw_scene(d, *scene, colours);
    cairo_restore(cr);
  };
  add_item(std::move(item), style_.size);

  if (!chart->source.empty()) {
    TextStyle source = body_text();
    source.size = std::max(kMinBodySize, style_.size * 0.9);
    source.colour = kMuted;
    const int p = doc_.add_element(region.element, "P");
    add_text(RichText(tr("Source:") + " " + chart->source), source, region, p, style_.size * 0.4);
  }
}

}  // namespace herald::pdf
