// A chart on a page: a figure with its caption, its SVG, its data as a table, and a link to its CSV.
#pragma once

#include <string>
#include <vector>

#include "markdown/chart.h"
#include "markdown/rendered_body.h"

namespace herald {

/// `chart-3.csv`: the file beside the page that holds chart `number` (from 1) as CSV.
std::string chart_file_name(int number);

/// The HTML of chart `number` of a page, in pieces (markdown/rendered_body.h):
/// a `<figure>` with the title as `<figcaption>`, the SVG (chart_svg), the
/// data as a `<table>` in a `<details>` "Show the data as a table", and a
/// link to the CSV (a relative URL, chart_file_name). The SVG and the
/// `<details>` around the table are left out of feeds, which show the table.
std::vector<HtmlPiece> chart_html(const Chart& chart, int number);

/// The data as an HTML table (no classes), the first column as row headers.
std::string chart_table_html(const Chart& chart);

}  // namespace herald
