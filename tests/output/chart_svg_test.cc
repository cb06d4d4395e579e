// Tests for output/chart_svg and output/chart_layout: the SVG's name and description, patterns, scale.
#include "output/chart_svg.h"

#include <doctest/doctest.h>

#include "output/chart_layout.h"

namespace herald {
namespace {

Chart chart_of(const char* text) {
  std::optional<Chart> chart = parse_chart(text);
  REQUIRE(chart);
  return *chart;
}

TEST_CASE("chart svg: an image with a title and a description herald writes") {
  std::string svg = chart_svg(chart_of("title: Places <2024>\ntype: bar\nunit: places\n---\nSector,Booked\n"
                                       "Health & care,120\nPolice,40\n"),
                              "herald-chart-3");
  CHECK(svg.starts_with("<svg class=\"herald-chart__svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 "));
  CHECK(svg.find("width=\"100%\" role=\"img\" aria-labelledby=\"herald-chart-3-title\" "
                 "aria-describedby=\"herald-chart-3-desc\">") != std::string::npos);
  CHECK(svg.find("<title id=\"herald-chart-3-title\">Places &lt;2024&gt;</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"herald-chart-3-desc\">Bar chart with 2 bars. Values range from 40 to 120 places. "
                 "Highest: Health &amp; care (120 places). Lowest: Police (40 places).</desc>") != std::string::npos);
  CHECK(svg.find(">Health &amp; care</text>") != std::string::npos);
  // No inline style (the site's Content-Security-Policy forbids it), no script.
  CHECK(svg.find("style=") == std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  // One series: the brand colour's class, no pattern, no legend.
  CHECK(svg.find("class=\"herald-chart__fill-0\"") != std::string::npos);
  CHECK(svg.find("<pattern") == std::string::npos);
  CHECK(svg.find("fill=\"currentColor\"") != std::string::npos);
}

TEST_CASE("chart svg: a second series has a pattern and the legend names each") {
  std::string svg = chart_svg(chart_of("title: T\ntype: column\n---\nMonth,Open,Closed\nApril,12,9\n"), "c");
  CHECK(svg.find("<pattern id=\"c-p1\"") != std::string::npos);
  CHECK(svg.find("fill=\"url(#c-p1)\"") != std::string::npos);
  CHECK(svg.find(">Open</text>") != std::string::npos);
  CHECK(svg.find(">Closed</text>") != std::string::npos);
}

TEST_CASE("chart svg: line series differ in dashes and markers") {
  std::string svg = chart_svg(chart_of("title: T\ntype: line\n---\nQ,A,B\nQ1,1,2\nQ2,3,4\n"), "c");
  CHECK(svg.find("<polyline") != std::string::npos);
  CHECK(svg.find("stroke-dasharray=\"8 4\"") != std::string::npos);
  CHECK(svg.find("<circle") != std::string::npos);
  CHECK(svg.find("<rect x=") != std::string::npos);  // the second series' square markers
}

TEST_CASE("chart layout: round ticks from zero past the highest value, bars to scale") {
  ChartScene scene = lay_out_chart(chart_of("title: T\n---\nA,B\nx,147\ny,59\n"));
  std::vector<std::string> ticks;
  for (const ChartText& t : scene.texts)
    if (t.size == 13 && t.y > 100) ticks.push_back(t.text);
  CHECK(ticks == std::vector<std::string>{"0", "50", "100", "150"});
  REQUIRE(scene.boxes.size() == 2);
  CHECK(scene.boxes[0].width / scene.boxes[1].width == doctest::Approx(147.0 / 59.0));
  CHECK(scene.width == 480);
}

TEST_CASE("chart layout: a stacked bar's parts follow each other") {
  ChartScene scene = lay_out_chart(chart_of("title: T\ntype: stacked-bar\n---\nA,B,C\nx,10,5\n"));
  std::vector<ChartBox> bars;
  for (const ChartBox& b : scene.boxes)
    if (b.height == 20) bars.push_back(b);
  REQUIRE(bars.size() == 2);
  CHECK(bars[1].x == doctest::Approx(bars[0].x + bars[0].width));
  CHECK(bars[1].series == 1);
}

}  // namespace
}  // namespace herald
