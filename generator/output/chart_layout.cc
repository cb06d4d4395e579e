// A chart laid out once as shapes and text in its own units, for the SVG and the PDF to draw alike.
#include "output/chart_layout.h"

#include <algorithm>
#include <cmath>

namespace herald {
namespace {

constexpr double kWidth = 480;
constexpr double kLabelSize = 14;
constexpr double kSmallSize = 13;
constexpr double kLineGap = 4;  // between lines of a wrapped label

// The Okabe–Ito colours (Okabe and Ito, 2008) but black, in an order that
// keeps neighbours apart; the first series has the brand colour. Orange and
// sky blue are a little darker than Okabe and Ito's (#e69f00, #56b4e9), so
// that every line and bar reaches 3:1 against a white page and a dark one
// (WCAG 1.4.11).
constexpr const char* kPalette[] = {"#bf7f00", "#3d8fc7", "#009e73", "#cc79a7",
                                    "#d55e00", "#0072b2", "#f0e442"};

size_t code_points(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Splits `text` at spaces into lines no wider than `width` (a word wider
// than that gets a line of its own); at most `max_lines`, the last one
// ending in an ellipsis when text had to be left out.
std::vector<std::string> wrap(const std::string& text, double width, double size, size_t max_lines = 0) {
  std::vector<std::string> lines;
  std::string current;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    std::string tried = current.empty() ? word : current + " " + word;
    if (!current.empty() && chart_text_width(tried, size) > width) {
      lines.push_back(current);
      current = word;
    } else {
      current = tried;
    }
  }
  if (!current.empty() || lines.empty()) lines.push_back(current);
  if (max_lines && lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() += "…";
  }
  return lines;
}

// Round ticks from below `low` to above `high`: steps of 1, 2, 2.5 or 5 times a power of ten.
struct Axis {
  double low = 0, high = 1, step = 1;
  std::vector<double> ticks() const {
    std::vector<double> out;
    for (int i = 0;; ++i) {
      double t = low + step * i;
      if (t > high + step * 1e-9) break;
      out.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    }
    return out;
  }
};

Axis nice_axis(double low, double high) {
  if (high <= low) high = low + 1;
  double rough = (high - low) / 5;
  double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power * 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (power * m >= rough) {
      step = power * m;
      break;
    }
  Axis axis;
  axis.step = step;
  axis.low = std::floor(low / step + 1e-9) * step;
  axis.high = std::ceil(high / step - 1e-9) * step;
  if (axis.high <= axis.low) axis.high = axis.low + step;
  return axis;
}

class Layout {
 public:
  explicit Layout(const Chart& chart) : chart_(chart) {
    scene_.width = kWidth;
    scene_.series = chart.series.size();
  }

  ChartScene run() {
    double top = legend();
    if (chart_.type == ChartType::bar || chart_.type == ChartType::stacked_bar)
      horizontal(top);
    else
      vertical(top);
    return std::move(scene_);
  }

 private:
  void text(double x, double y, std::string s, ChartAnchor anchor = ChartAnchor::start, double size = kLabelSize,
            bool bold = false) {
    scene_.texts.push_back({x, y, std::move(s), anchor, size, bold});
  }

  // A legend above the chart when there are several series: a sample of each, then its name.
  double legend() {
    if (chart_.series.size() < 2) return 0;
    const bool line = chart_.type == ChartType::line;
    const double sample = line ? 30 : 16, row_height = 24;
    double x = 0, y = 2;
    for (size_t s = 0; s < chart_.series.size(); ++s) {
      const std::string& name = chart_.series[s];
      double width = sample + 6 + chart_text_width(name, kLabelSize) + 18;
      if (x > 0 && x + width > kWidth) {
        x = 0;
        y += row_height;
      }
      if (line) {
        scene_.lines.push_back({{{x, y + 9}, {x + sample, y + 9}}, s});
        scene_.points.push_back({x + sample / 2, y + 9, s});
      } else {
        scene_.boxes.push_back({x, y + 1, sample, sample, s});
      }
      text(x + sample + 6, y + 14, name);
      x += width;
    }
    return y + row_height + 8;
  }

  double value_width(double v) const { return chart_text_width(format_chart_number(v), kSmallSize); }

  // Bars across the page: each label above its bar (or bars), the value at its end.
  void horizontal(double top) {
    const bool stacked = chart_.type == ChartType::stacked_bar;
    auto [low, high] = chart_.range();
    Axis axis = nice_axis(low, high);
    double end_space = 0, start_space = 0;
    for (const ChartRow& row : chart_.rows) {
      if (stacked) {
        double total = 0;
        for (double v : row.values) total += v;
        end_space = std::max(end_space, value_width(total));
        continue;
      }
      for (double v : row.values) (v < 0 ? start_space : end_space) = std::max(v < 0 ? start_space : end_space, value_width(v));
    }
    const double x0 = 2 + (start_space > 0 ? start_space + 6 : 0);
    const double x1 = kWidth - std::max(end_space + 6, 12.0);
    auto scale = [&](double v) { return x0 + (v - axis.low) / (axis.high - axis.low) * (x1 - x0); };
    const size_t series = stacked ? 1 : chart_.series.size();
    const double bar = series > 1 ? 14 : 20;
    double y = top + 2;
    std::vector<std::pair<double, double>> bands;  // where bars are, for the grid lines
    for (const ChartRow& row : chart_.rows) {
      for (const std::string& line : wrap(row.label, kWidth, kLabelSize)) {
        text(0, y + kLabelSize, line);
        y += kLabelSize + kLineGap;
      }
      y += 3;
      const double band_top = y;
      if (stacked) {
        double at = 0;
        for (size_t s = 0; s < row.values.size(); ++s) {
          double v = row.values[s];
          if (v > 0) scene_.boxes.push_back({scale(at), y, scale(at + v) - scale(at), bar, s});
          at += v;
        }
        text(scale(at) + 5, y + bar / 2 + 4.5, format_chart_number(at), ChartAnchor::start, kSmallSize);
        y += bar + 2;
      } else {
        for (size_t s = 0; s < row.values.size(); ++s) {
          double v = row.values[s];
          double a = scale(std::min(0.0, v)), b = scale(std::max(0.0, v));
          scene_.boxes.push_back({a, y, b - a, bar, s});
          if (v < 0)
            text(a - 5, y + bar / 2 + 4.5, format_chart_number(v), ChartAnchor::end, kSmallSize);
          else
            text(b + 5, y + bar / 2 + 4.5, format_chart_number(v), ChartAnchor::start, kSmallSize);
          y += bar + 2;
        }
      }
      bands.push_back({band_top - 2, y});
      y += 12;
    }
    const double bottom = y - 8;
    // Grid lines and the zero line beside the bars only, never through a label.
    for (double t : axis.ticks())
      for (auto [a, b] : bands) scene_.rules.push_back({scale(t), a, scale(t), b, t != 0});
    scene_.rules.push_back({x0, bottom, x1, bottom, false});
    for (double t : axis.ticks()) {
      std::string label = format_chart_number(t);
      double w = chart_text_width(label, kSmallSize);
      double x = scale(t);
      ChartAnchor anchor = ChartAnchor::middle;
      if (x - w / 2 < 0) anchor = ChartAnchor::start, x = std::max(0.0, x - 2);
      if (x + w / 2 > kWidth) anchor = ChartAnchor::end;
      scene_.rules.push_back({scale(t), bottom, scale(t), bottom + 4, false});
      text(x, bottom + 4 + kSmallSize + 2, label, anchor, kSmallSize);
    }
    double height = bottom + 4 + kSmallSize + 8;
    if (!chart_.unit.empty()) {
      text((x0 + x1) / 2, height + kSmallSize, chart_.unit, ChartAnchor::middle, kSmallSize);
      height += kSmallSize + 8;
    }
    scene_.height = height;
  }

  // Columns or a line over the rows' labels, with a vertical axis.
  void vertical(double top) {
    const bool line = chart_.type == ChartType::line;
    auto [low, high] = chart_.range();
    Axis axis = nice_axis(low, high);
    if (!chart_.unit.empty()) {
      text(0, top + kSmallSize, chart_.unit, ChartAnchor::start, kSmallSize);
      top += kSmallSize + 10;
    }
    double tick_width = 0;
    for (double t : axis.ticks()) tick_width = std::max(tick_width, chart_text_width(format_chart_number(t), kSmallSize));
    const double x0 = tick_width + 10, x1 = kWidth - 4;
    const double y0 = top + 8, plot = 220, y1 = y0 + plot;
    auto scale = [&](double v) { return y1 - (v - axis.low) / (axis.high - axis.low) * plot; };
    for (double t : axis.ticks()) {
      scene_.rules.push_back({x0, scale(t), x1, scale(t), t != 0});
      text(x0 - 6, scale(t) + 4.5, format_chart_number(t), ChartAnchor::end, kSmallSize);
    }
    scene_.rules.push_back({x0, y0 - 6, x0, y1, false});
    const size_t n = std::max<size_t>(1, chart_.rows.size());
    const double group = (x1 - x0) / static_cast<double>(n);
    const size_t series = chart_.series.size();
    if (line) {
      for (size_t s = 0; s < series; ++s) {
        ChartPolyline poly;
        poly.series = s;
        for (size_t i = 0; i < chart_.rows.size(); ++i) {
          double x = x0 + (static_cast<double>(i) + 0.5) * group, y = scale(chart_.rows[i].values[s]);
          poly.points.push_back({x, y});
          scene_.points.push_back({x, y, s});
        }
        scene_.lines.push_back(std::move(poly));
      }
    } else {
      const double inner = group * 0.75, width = inner / static_cast<double>(series);
      for (size_t i = 0; i < chart_.rows.size(); ++i) {
        for (size_t s = 0; s < series; ++s) {
          double v = chart_.rows[i].values[s];
          double x = x0 + static_cast<double>(i) * group + (group - inner) / 2 + static_cast<double>(s) * width;
          double a = scale(std::max(0.0, v)), b = scale(std::min(0.0, v));
          scene_.boxes.push_back({x, a, width, b - a, s});
          std::string value = format_chart_number(v);
          if (chart_text_width(value, 12) <= width + 4)
            text(x + width / 2, v < 0 ? b + 14 : a - 5, value, ChartAnchor::middle, 12);
        }
      }
    }
    size_t most_lines = 1;
    for (size_t i = 0; i < chart_.rows.size(); ++i) {
      double centre = x0 + (static_cast<double>(i) + 0.5) * group;
      std::vector<std::string> lines = wrap(chart_.rows[i].label, group - 4, kSmallSize, 3);
      most_lines = std::max(most_lines, lines.size());
      for (size_t k = 0; k < lines.size(); ++k)
        text(centre, y1 + 6 + kSmallSize + static_cast<double>(k) * (kSmallSize + kLineGap), lines[k],
             ChartAnchor::middle, kSmallSize);
    }
    scene_.height = y1 + 6 + static_cast<double>(most_lines) * (kSmallSize + kLineGap) + 6;
  }

  const Chart& chart_;
  ChartScene scene_;
};

}  // namespace

ChartPattern chart_pattern(size_t index) {
  static constexpr ChartPattern kPatterns[] = {ChartPattern::solid,      ChartPattern::diagonal,
                                               ChartPattern::dots,       ChartPattern::horizontal,
                                               ChartPattern::cross,      ChartPattern::vertical};
  return kPatterns[index % 6];
}

ChartMarker chart_marker(size_t index) {
  static constexpr ChartMarker kMarkers[] = {ChartMarker::circle, ChartMarker::square, ChartMarker::triangle,
                                             ChartMarker::diamond};
  return kMarkers[index % 4];
}

std::vector<double> chart_dashes(size_t index) {
  switch (index % 4) {
    case 0: return {};
    case 1: return {8, 4};
    case 2: return {2, 3};
    default: return {10, 3, 2, 3};
  }
}

std::string chart_colour(size_t index, const std::string& brand) {
  if (index == 0) return brand;
  return kPalette[(index - 1) % 7];
}

double chart_text_width(const std::string& text, double size) {
  return static_cast<double>(code_points(text)) * size * 0.6;
}

ChartScene lay_out_chart(const Chart& chart) { return Layout(chart).run(); }

}  // namespace herald
