// A chart as an inline SVG: its title and description, shapes told apart by pattern as well as colour.
#include "output/chart_svg.h"

#include <fmt/format.h>

#include "core/text.h"
#include "output/chart_layout.h"

namespace herald {
namespace {

// The colour of the first series when the theme's stylesheet does not set it.
constexpr const char* kDefaultBrand = "#1d70b8";

std::string num(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

// The pattern's strokes over its colour, in an 8-unit tile.
const char* pattern_path(ChartPattern pattern) {
  switch (pattern) {
    case ChartPattern::diagonal: return "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4";
    case ChartPattern::horizontal: return "M0,4 h8";
    case ChartPattern::vertical: return "M4,0 v8";
    case ChartPattern::cross: return "M0,0 l8,8 M8,0 l-8,8";
    default: return "";
  }
}

std::string fill_of(size_t series, const std::string& id) {
  if (chart_pattern(series) == ChartPattern::solid)
    return fmt::format(R"(class="herald-chart__fill-{}" fill="{}")", series % 7, chart_colour(series % 7, kDefaultBrand));
  return fmt::format(R"x(fill="url(#{}-p{})")x", id, series);
}

std::string patterns(const ChartScene& scene, const std::string& id) {
  std::string out;
  for (size_t s = 0; s < scene.series; ++s) {
    ChartPattern pattern = chart_pattern(s);
    if (pattern == ChartPattern::solid) continue;
    out += fmt::format(R"(<pattern id="{}-p{}" patternUnits="userSpaceOnUse" width="8" height="8">)", id, s);
    out += fmt::format(R"(<rect width="8" height="8" class="herald-chart__fill-{}" fill="{}"/>)", s % 7,
                       chart_colour(s % 7, kDefaultBrand));
    if (pattern == ChartPattern::dots)
      out += R"(<circle cx="4" cy="4" r="1.6" class="herald-chart__hatch-dot" fill="#ffffff"/>)";
    else
      out += fmt::format(R"(<path d="{}" class="herald-chart__hatch" stroke="#ffffff" stroke-width="1.6"/>)",
                         pattern_path(pattern));
    out += "</pattern>";
  }
  return out.empty() ? out : "<defs>" + out + "</defs>\n";
}

std::string marker(const ChartPoint& p, const std::string& id) {
  std::string fill = fill_of(p.series, id);
  switch (chart_marker(p.series)) {
    case ChartMarker::circle:
      return fmt::format(R"(<circle cx="{}" cy="{}" r="4.5" {}/>)", num(p.x), num(p.y), fill);
    case ChartMarker::square:
      return fmt::format(R"(<rect x="{}" y="{}" width="8" height="8" {}/>)", num(p.x - 4), num(p.y - 4), fill);
    case ChartMarker::triangle:
      return fmt::format(R"(<path d="M{},{} l5.5,9.5 h-11 z" {}/>)", num(p.x), num(p.y - 5.5), fill);
    case ChartMarker::diamond:
      return fmt::format(R"(<path d="M{},{} l5.5,5.5 l-5.5,5.5 l-5.5,-5.5 z" {}/>)", num(p.x), num(p.y - 5.5), fill);
  }
  return "";
}

const char* anchor_name(ChartAnchor anchor) {
  switch (anchor) {
    case ChartAnchor::middle: return "middle";
    case ChartAnchor::end: return "end";
    default: return "start";
  }
}

}  // namespace

std::string chart_svg(const Chart& chart, const std::string& id) {
  ChartScene scene = lay_out_chart(chart);
  std::string out = fmt::format(
      R"(<svg class="herald-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" )"
      R"(role="img" aria-labelledby="{}-title" aria-describedby="{}-desc">)"
      "\n",
      num(scene.width), num(scene.height), id, id);
  out += fmt::format(R"(<title id="{}-title">{}</title>)", id, html_escape(chart.title)) + "\n";
  out += fmt::format(R"(<desc id="{}-desc">{}</desc>)", id, html_escape(chart_description(chart))) + "\n";
  out += patterns(scene, id);

  out += R"(<g class="herald-chart__grid" stroke="currentColor" stroke-opacity="0.3" stroke-width="1">)";
  for (const ChartRule& r : scene.rules)
    if (r.grid) out += fmt::format(R"(<path d="M{},{} L{},{}"/>)", num(r.x1), num(r.y1), num(r.x2), num(r.y2));
  out += "</g>\n";

  out += R"(<g class="herald-chart__bars" stroke="currentColor" stroke-width="1">)";
  for (const ChartBox& b : scene.boxes) {
    if (b.width <= 0 && b.height <= 0) continue;
    out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" {}/>)", num(b.x), num(b.y), num(b.width),
                       num(b.height), fill_of(b.series, id));
  }
  out += "</g>\n";

  out += R"(<g class="herald-chart__axis" stroke="currentColor" stroke-width="1.5">)";
  for (const ChartRule& r : scene.rules)
    if (!r.grid) out += fmt::format(R"(<path d="M{},{} L{},{}"/>)", num(r.x1), num(r.y1), num(r.x2), num(r.y2));
  out += "</g>\n";

  if (!scene.lines.empty()) {
    out += R"(<g fill="none" stroke-width="3" stroke-linejoin="round">)";
    for (const ChartPolyline& line : scene.lines) {
      std::string points;
      for (auto [x, y] : line.points) points += (points.empty() ? "" : " ") + num(x) + "," + num(y);
      std::string dashes;
      for (double d : chart_dashes(line.series)) dashes += (dashes.empty() ? "" : " ") + num(d);
      out += fmt::format(R"(<polyline points="{}" class="herald-chart__line-{}" stroke="{}"{}/>)", points,
                         line.series % 7, chart_colour(line.series % 7, kDefaultBrand),
                         dashes.empty() ? "" : fmt::format(R"( stroke-dasharray="{}")", dashes));
    }
    out += "</g>\n";
    out += R"(<g class="herald-chart__markers" stroke="currentColor" stroke-width="1">)";
    for (const ChartPoint& p : scene.points) out += marker(p, id);
    out += "</g>\n";
  }

  out += R"(<g class="herald-chart__text" fill="currentColor">)";
  for (const ChartText& t : scene.texts)
    out += fmt::format(R"(<text x="{}" y="{}" font-size="{}"{}{}>{}</text>)", num(t.x), num(t.y), num(t.size),
                       t.anchor == ChartAnchor::start ? "" : fmt::format(R"( text-anchor="{}")", anchor_name(t.anchor)),
                       t.bold ? R"( font-weight="bold")" : "", html_escape(t.text));
  out += "</g>\n</svg>";
  return out;
}

}  // namespace herald
