// A chart on a page: a figure with its caption, its SVG, its data as a table, and a link to its CSV.
#include "output/chart_html.h"

#include <fmt/format.h>

#include "core/text.h"
#include "output/chart_svg.h"

namespace herald {

std::string chart_file_name(int number) { return fmt::format("chart-{}.csv", number); }

std::string chart_table_html(const Chart& chart) {
  std::string out = "<table class=\"herald-chart__table\">\n<thead>\n<tr><th scope=\"col\">";
  out += html_escape(chart.label_heading) + "</th>";
  for (const std::string& s : chart.series)
    out += "<th scope=\"col\" class=\"herald-chart__number\">" + html_escape(s) + "</th>";
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const ChartRow& row : chart.rows) {
    out += "<tr><th scope=\"row\">" + html_escape(row.label) + "</th>";
    for (const std::string& value : row.written)
      out += "<td class=\"herald-chart__number\">" + html_escape(value) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::vector<HtmlPiece> chart_html(const Chart& chart, int number) {
  using Kind = HtmlPiece::Kind;
  const std::string id = fmt::format("herald-chart-{}", number);
  std::vector<HtmlPiece> pieces;
  pieces.push_back({Kind::html, fmt::format("<figure class=\"herald-chart herald-chart--{}\">\n"
                                            "<figcaption class=\"herald-chart__caption\">{}</figcaption>\n",
                                            chart_type_name(chart.type), html_escape(chart.title))});
  pieces.push_back({Kind::feed_skip_start, ""});
  // Pagefind indexes the table, not the words drawn in the picture.
  pieces.push_back({Kind::html, "<div class=\"herald-chart__picture\" data-pagefind-ignore>\n" +
                                    chart_svg(chart, id) + "\n</div>\n"
                                    "<details class=\"govuk-details herald-chart__data\">"
                                    "<summary class=\"govuk-details__summary\"><span "
                                    "class=\"govuk-details__summary-text\">Show the data as a table</span>"
                                    "</summary>\n<div class=\"govuk-details__text\">\n"});
  pieces.push_back({Kind::feed_skip_end, ""});
  pieces.push_back({Kind::html, chart_table_html(chart)});
  pieces.push_back({Kind::feed_skip_start, ""});
  pieces.push_back({Kind::html, "</div>\n</details>\n"});
  pieces.push_back({Kind::feed_skip_end, ""});
  std::string meta = "<p class=\"herald-chart__meta\">";
  if (!chart.source.empty()) meta += "Source: " + html_escape(chart.source) + ". ";
  meta += "<a href=\"";
  pieces.push_back({Kind::html, meta});
  pieces.push_back({Kind::url, chart_file_name(number)});
  pieces.push_back({Kind::html, fmt::format("\" download>Download the data (CSV)</a></p>\n</figure>\n")});
  return pieces;
}

}  // namespace herald
