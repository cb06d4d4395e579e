// A chart laid out once as shapes and text in its own units, for the SVG and the PDF to draw alike.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "markdown/chart.h"

namespace herald {

/// How a series is told apart without its colour.
enum class ChartPattern { solid, diagonal, dots, horizontal, cross, vertical };
enum class ChartMarker { circle, square, triangle, diamond };

/// The fill pattern, marker and dashes of series `index` (from 0).
ChartPattern chart_pattern(size_t index);
ChartMarker chart_marker(size_t index);
/// Lengths of dashes and gaps of a line series (empty: solid).
std::vector<double> chart_dashes(size_t index);
/// The colour of series `index` when no stylesheet is there: the first is
/// `brand`, the next ones the Okabe–Ito palette, safe for colour-blind readers.
std::string chart_colour(size_t index, const std::string& brand);

/// A bar or column, or a legend swatch: the series' colour and pattern, outlined.
struct ChartBox {
  double x = 0, y = 0, width = 0, height = 0;
  size_t series = 0;
};

/// A straight line: a grid line (faint) or an axis.
struct ChartRule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  bool grid = false;
};

/// A line series (or its legend sample), drawn in its colour and dashes.
struct ChartPolyline {
  std::vector<std::pair<double, double>> points;
  size_t series = 0;
};

/// A point of a line series, drawn in the series' marker shape.
struct ChartPoint {
  double x = 0, y = 0;
  size_t series = 0;
};

enum class ChartAnchor { start, middle, end };

/// One line of text; `y` is its baseline.
struct ChartText {
  double x = 0, y = 0;
  std::string text;
  ChartAnchor anchor = ChartAnchor::start;
  double size = 14;
  bool bold = false;
};

/// Everything a chart draws, in units of a box `width` by `height` (the
/// SVG's viewBox; points in the PDF, scaled to fit).
struct ChartScene {
  double width = 0, height = 0;
  std::vector<ChartRule> rules;  ///< drawn first, under the bars
  std::vector<ChartBox> boxes;
  std::vector<ChartPolyline> lines;
  std::vector<ChartPoint> points;
  std::vector<ChartText> texts;  ///< drawn last
  size_t series = 0;             ///< how many series (for the patterns to declare)
};

/// Lays `chart` out: labels, axis with round ticks, bars or lines, the value
/// at the end of each bar, and a legend when there is more than one series.
ChartScene lay_out_chart(const Chart& chart);

/// The width of `text` at `size`, as estimated for the layout (generous, so
/// that the PDF's DejaVu Sans fits too).
double chart_text_width(const std::string& text, double size);

}  // namespace herald
