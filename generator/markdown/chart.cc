// A chart: the model read from a fenced `chart` block (settings, then CSV), its checks and its description.
#include "markdown/chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.h"
#include "markdown/csv.h"

namespace herald {
namespace {

struct TypeName {
  const char* name;
  ChartType type;
};
constexpr TypeName kTypes[] = {
    {"bar", ChartType::bar}, {"column", ChartType::column}, {"line", ChartType::line},
    {"stacked-bar", ChartType::stacked_bar}};

const std::vector<std::string>& type_names() {
  static const std::vector<std::string> names = {"bar", "column", "line", "stacked-bar"};
  return names;
}

const std::vector<std::string>& setting_names() {
  static const std::vector<std::string> names = {"title", "type", "unit", "source"};
  return names;
}

// The lines of the block, each without its line ending, with where it starts.
struct Line {
  std::string_view text;
  size_t offset = 0;
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, start});
    start = next;
  }
  return lines;
}

int column_of(std::string_view line, std::string_view part) {
  return static_cast<int>(part.data() - line.data()) + 1;
}

// A setting's value: surrounding spaces and one pair of matching quotes removed.
std::string setting_value(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

// Digits with an optional sign and decimal point; commas only between groups
// of three digits ("12,345", as spreadsheets write it).
std::optional<double> read_number(std::string_view text) {
  std::string digits;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    if (text[i] == '-') digits += '-';
    ++i;
  }
  size_t int_start = i;
  int group = 0;
  bool commas = false, bad_group = false;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',')) {
    if (text[i] == ',') {
      if (group == 0 || (commas && group != 3) || (!commas && group > 3)) bad_group = true;
      commas = true;
      group = 0;
    } else {
      digits += text[i];
      ++group;
    }
    ++i;
  }
  if (commas && group != 3) bad_group = true;
  bool has_int = i > int_start;
  if (bad_group) return std::nullopt;
  bool has_fraction = false;
  if (i < text.size() && text[i] == '.') {
    digits += '.';
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      digits += text[i++];
      has_fraction = true;
    }
  }
  if (i != text.size() || (!has_int && !has_fraction)) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string with_unit(double value, const std::string& unit) {
  std::string number = format_chart_number(value);
  if (unit.empty()) return number;
  if (unit == "%") return number + unit;
  return number + " " + unit;
}

std::string plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

}  // namespace

const char* chart_type_name(ChartType type) {
  for (const TypeName& t : kTypes)
    if (t.type == type) return t.name;
  return "bar";
}

std::pair<double, double> Chart::range() const {
  double low = 0, high = 0;
  for (const ChartRow& row : rows) {
    if (type == ChartType::stacked_bar) {
      double total = 0;
      for (double v : row.values) total += v;
      high = std::max(high, total);
      continue;
    }
    for (double v : row.values) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  return {low, high};
}

std::string Chart::csv() const {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header{label_heading};
  header.insert(header.end(), series.begin(), series.end());
  table.push_back(std::move(header));
  for (const ChartRow& row : rows) {
    std::vector<std::string> cells{row.label};
    for (double v : row.values) {
      // The number itself, without the separators a reader might have typed.
      std::string plain = fmt::format("{}", v);
      cells.push_back(plain);
    }
    table.push_back(std::move(cells));
  }
  return write_csv(table);
}

std::optional<Chart> parse_chart(std::string_view text, std::vector<ChartProblem>* problems) {
  std::vector<ChartProblem> found;
  auto problem = [&](int line, int column, std::string message) {
    found.push_back({line, column, std::move(message)});
  };
  Chart chart;
  bool title_written = false;
  std::vector<Line> lines = lines_of(text);

  // 1. The settings, up to a line `---`.
  size_t data_start = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_number = static_cast<int>(i) + 1;
    std::string_view line = lines[i].text;
    std::string_view content = trim(line);
    if (content == "---") {
      data_start = i + 1;
      break;
    }
    if (content.empty() || content.front() == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem(line_number, column_of(line, content),
              "a chart's settings are written as 'name: value' (title, type, unit, source), then a line '---' "
              "before the data");
      continue;
    }
    std::string_view key = trim(line.substr(0, colon));
    std::string_view raw_value = line.substr(colon + 1);
    std::string value = setting_value(raw_value);
    int value_column = column_of(line, trim(raw_value).empty() ? raw_value : trim(raw_value));
    if (key == "title") {
      chart.title = value;
      title_written = true;
      if (value.empty()) problem(line_number, column_of(line, key), "the chart's title is empty: write what it shows");
    } else if (key == "type") {
      bool known = false;
      for (const TypeName& t : kTypes)
        if (value == t.name) {
          chart.type = t.type;
          known = true;
        }
      if (!known) {
        std::string meant = closest_match(to_lower(value), type_names());
        problem(line_number, value_column,
                fmt::format("unknown chart type '{}'{}: the types are bar, column, line and stacked-bar", value,
                            meant.empty() ? "" : fmt::format(" (did you mean '{}'?)", meant)));
      }
    } else if (key == "unit") {
      chart.unit = value;
    } else if (key == "source") {
      chart.source = value;
    } else {
      std::string meant = closest_match(to_lower(key), setting_names());
      problem(line_number, column_of(line, key),
              fmt::format("unknown chart setting '{}'{}: the settings are title, type, unit and source", key,
                          meant.empty() ? "" : fmt::format(" (did you mean '{}'?)", meant)));
    }
  }
  if (!title_written)
    problem(0, 1, "this chart has no title: add a line 'title: …' before the '---'");

  if (data_start == lines.size() && (lines.empty() || trim(lines.back().text) != "---")) {
    problem(0, 1, "this chart has no data: after its settings, write a line '---' and then the numbers as CSV");
  } else {
    // 2. The data: CSV from the line after `---`. Its lines and columns are
    // those of the block, as the CSV starts at the beginning of a line.
    const int first_line = static_cast<int>(data_start) + 1;
    std::string_view csv = text.substr(data_start < lines.size() ? lines[data_start].offset : text.size());
    std::vector<CsvRow> rows;
    CsvError error;
    if (!read_csv(csv, rows, error)) {
      problem(first_line + error.line - 1, error.column, error.message);
    } else if (rows.empty()) {
      problem(first_line - 1, 1, "this chart has no data: write the header row and the numbers as CSV after '---'");
    } else if (rows.front().cells.size() < 2) {
      const CsvRow& header = rows.front();
      problem(first_line + header.line - 1, header.cells.front().column,
              "a chart's data needs at least two columns: the labels, then the numbers of each series");
    } else if (rows.size() < 2) {
      const CsvRow& header = rows.front();
      problem(first_line + header.line - 1, header.end_column,
              "this chart has a header row but no data: add a row of numbers under it");
    } else {
      const CsvRow& header = rows.front();
      const size_t columns = header.cells.size();
      chart.label_heading = header.cells[0].text;
      for (size_t c = 1; c < columns; ++c) chart.series.push_back(header.cells[c].text);
      for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const int line = first_line + row.line - 1;
        if (row.cells.size() != columns) {
          int column = row.cells.size() > columns ? row.cells[columns].column : row.end_column;
          problem(line, column,
                  fmt::format("this row has {} but the header has {}: every row needs a label and one number "
                              "for each series",
                              plural(row.cells.size(), "cell", "cells"), columns));
          continue;
        }
        ChartRow out;
        out.label = row.cells[0].text;
        bool ok = true;
        for (size_t c = 1; c < columns; ++c) {
          const CsvCell& cell = row.cells[c];
          const int cell_line = first_line + cell.line - 1;
          std::optional<double> value = read_number(trim(cell.text));
          if (!value) {
            ok = false;
            if (trim(cell.text).empty())
              problem(cell_line, cell.column,
                      fmt::format("the cell for '{}' is empty: write a number (0 if there were none)",
                                  header.cells[c].text));
            else
              problem(cell_line, cell.column,
                      fmt::format("'{}' is not a number: write digits only, such as 1250 or 12.5 (no units or "
                                  "% sign: say the unit with 'unit:')",
                                  cell.text));
            continue;
          }
          if (chart.type == ChartType::stacked_bar && *value < 0) {
            ok = false;
            problem(cell_line, cell.column,
                    fmt::format("'{}' is below zero, which a stacked bar cannot show: use a bar or column chart",
                                cell.text));
            continue;
          }
          out.values.push_back(*value);
          out.written.push_back(std::string(trim(cell.text)));
        }
        if (ok) chart.rows.push_back(std::move(out));
      }
    }
  }

  if (problems) problems->insert(problems->end(), found.begin(), found.end());
  if (!found.empty()) return std::nullopt;
  return chart;
}

bool is_chart_block(cmark_node* node) {
  if (!node || cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) return false;
  int length = 0, offset = 0;
  char fence = 0;
  if (!cmark_node_get_fenced(node, &length, &offset, &fence)) return false;
  const char* info = cmark_node_get_fence_info(node);
  if (!info) return false;
  std::string_view word = trim(info);
  word = word.substr(0, word.find_first_of(" \t"));
  return word == "chart";
}

std::string format_chart_number(double value) {
  if (value == 0) value = 0;  // no "-0"
  std::string text = fmt::format("{:.2f}", std::fabs(value));
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  size_t point = text.find('.');
  size_t int_end = point == std::string::npos ? text.size() : point;
  std::string grouped;
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) grouped += ',';
    grouped += text[i];
  }
  grouped += text.substr(int_end);
  return (value < 0 ? "-" : "") + grouped;
}

std::string chart_description(const Chart& chart) {
  const size_t n = chart.rows.size();
  const bool several = chart.series.size() > 1;
  std::string out;
  switch (chart.type) {
    case ChartType::bar:
      out = several ? fmt::format("Bar chart of {} series ({}) for {}.", chart.series.size(),
                                  join_names(chart.series), plural(n, "group", "groups"))
                    : fmt::format("Bar chart with {}.", plural(n, "bar", "bars"));
      break;
    case ChartType::column:
      out = several ? fmt::format("Column chart of {} series ({}) for {}.", chart.series.size(),
                                  join_names(chart.series), plural(n, "group", "groups"))
                    : fmt::format("Column chart with {}.", plural(n, "column", "columns"));
      break;
    case ChartType::line:
      out = several ? fmt::format("Line chart of {} series ({}) over {}.", chart.series.size(),
                                  join_names(chart.series), plural(n, "point", "points"))
                    : fmt::format("Line chart over {}.", plural(n, "point", "points"));
      break;
    case ChartType::stacked_bar:
      out = fmt::format("Stacked bar chart with {}, each made of {} ({}).", plural(n, "bar", "bars"),
                        plural(chart.series.size(), "part", "parts"), join_names(chart.series));
      break;
  }
  if (n == 0) return out;
  // The highest and lowest: of each bar's total for a stacked bar, else of every value.
  struct Extreme {
    double value;
    std::string where;
  };
  std::optional<Extreme> high, low;
  for (const ChartRow& row : chart.rows) {
    if (chart.type == ChartType::stacked_bar) {
      double total = 0;
      for (double v : row.values) total += v;
      if (!high || total > high->value) high = Extreme{total, row.label};
      if (!low || total < low->value) low = Extreme{total, row.label};
      continue;
    }
    for (size_t s = 0; s < row.values.size(); ++s) {
      std::string where = several ? chart.series[s] + ", " + row.label : row.label;
      if (!high || row.values[s] > high->value) high = Extreme{row.values[s], where};
      if (!low || row.values[s] < low->value) low = Extreme{row.values[s], where};
    }
  }
  const bool totals = chart.type == ChartType::stacked_bar;
  // "from 59 to 147 attendees", but "from 5% to 47%".
  std::string from = chart.unit == "%" ? with_unit(low->value, chart.unit) : format_chart_number(low->value);
  out += fmt::format(" {} range from {} to {}.", totals ? "Totals" : "Values", from,
                     with_unit(high->value, chart.unit));
  out += fmt::format(" Highest{}: {} ({}).", totals ? " total" : "", high->where, with_unit(high->value, chart.unit));
  out += fmt::format(" Lowest{}: {} ({}).", totals ? " total" : "", low->where, with_unit(low->value, chart.unit));
  return out;
}

std::string chart_plain_text(const Chart& chart) {
  std::string out = chart.title + ". " + chart_description(chart);
  out += "\n" + chart.label_heading;
  for (const std::string& s : chart.series) out += ", " + s;
  for (const ChartRow& row : chart.rows) {
    out += "\n" + row.label;
    for (double v : row.values) out += ", " + format_chart_number(v);
  }
  if (!chart.source.empty()) out += "\nSource: " + chart.source;
  return out;
}

}  // namespace herald
