// A chart: the model read from a fenced `chart` block (settings, then CSV), its checks and its description.
#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

enum class ChartType { bar, column, line, stacked_bar };

/// The name an author writes for `type`: `bar`, `column`, `line`, `stacked-bar`.
const char* chart_type_name(ChartType type);

/// One row of the data: its label and a number for each series.
struct ChartRow {
  std::string label;
  std::vector<double> values;       ///< one per series
  std::vector<std::string> written;  ///< the numbers as written (for the table and the CSV)
};

/// A chart read from a fenced block with the info string `chart`.
struct Chart {
  std::string title;
  ChartType type = ChartType::bar;
  std::string unit;    ///< e.g. `attendees`; may be empty
  std::string source;  ///< where the numbers come from; may be empty
  std::string label_heading;        ///< the header of the first column
  std::vector<std::string> series;  ///< the header of each further column
  std::vector<ChartRow> rows;

  /// The smallest and largest value the axis must show: every value, and 0
  /// (bars start at zero); for a stacked bar, each row's total.
  std::pair<double, double> range() const;
  /// The data as CSV (RFC 4180, CRLF), the header row first: the download.
  std::string csv() const;
};

/// A mistake in a chart block. `line` counts from the fence (0 is the
/// ```` ```chart ```` line itself, 1 the first line inside the block);
/// `column` is the 1-based byte column in that line of the block's text.
struct ChartProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

/// Reads the text inside a `chart` block. Returns nothing when there is any
/// problem; every problem found is added to `problems` (when not null).
std::optional<Chart> parse_chart(std::string_view text, std::vector<ChartProblem>* problems = nullptr);

/// Is `node` a fenced code block whose info string is `chart`?
bool is_chart_block(cmark_node* node);

/// A number as a reader sees it: `1234.5` -> "1,234.5", no trailing zeros.
std::string format_chart_number(double value);

/// What the chart shows, in words, for those who cannot see it (the SVG's
/// `<desc>`, the PDF's alternate text, plain text): the type, the range,
/// the highest and lowest values with their labels.
std::string chart_description(const Chart& chart);

/// The chart as plain text: its title, its description and its data, one row a line.
std::string chart_plain_text(const Chart& chart);

}  // namespace herald
