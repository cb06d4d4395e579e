// Tests for markdown/chart: settings and data read, every problem at its place, the description.
#include "markdown/chart.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

std::vector<std::string> problems_of(std::string_view text) {
  std::vector<ChartProblem> problems;
  CHECK_FALSE(parse_chart(text, &problems));
  std::vector<std::string> out;
  for (const ChartProblem& p : problems)
    out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
  return out;
}

const char* kWebinars =
    "title: Attendance at partnership webinars, 2023-24\n"
    "type: bar\n"
    "unit: attendees\n"
    "source: Partnership training records\n"
    "---\n"
    "Webinar,Attendees\n"
    "An introduction to the partnership,147\n"
    "Child exploitation: myth busting,59\n"
    "\"Neglect, and what to do\",\"1,112\"\n";

TEST_CASE("chart: settings and data") {
  std::vector<ChartProblem> problems;
  std::optional<Chart> chart = parse_chart(kWebinars, &problems);
  REQUIRE(chart);
  CHECK(problems.empty());
  CHECK(chart->title == "Attendance at partnership webinars, 2023-24");
  CHECK(chart->type == ChartType::bar);
  CHECK(chart->unit == "attendees");
  CHECK(chart->source == "Partnership training records");
  CHECK(chart->label_heading == "Webinar");
  CHECK(chart->series == std::vector<std::string>{"Attendees"});
  REQUIRE(chart->rows.size() == 3);
  CHECK(chart->rows[2].label == "Neglect, and what to do");
  CHECK(chart->rows[2].values == std::vector<double>{1112});
  CHECK(chart->rows[2].written == std::vector<std::string>{"1,112"});
  CHECK(chart->range() == std::pair<double, double>{0, 1112});
  CHECK(chart->csv() ==
        "Webinar,Attendees\r\nAn introduction to the partnership,147\r\nChild exploitation: myth busting,59\r\n"
        "\"Neglect, and what to do\",1112\r\n");
}

TEST_CASE("chart: CRLF line endings and quoted settings") {
  std::optional<Chart> chart =
      parse_chart("title: \"Referrals: by quarter\"\r\ntype: line\r\n---\r\nQuarter,Police,Schools\r\nQ1,64,41\r\nQ2,-3.5,38\r\n");
  REQUIRE(chart);
  CHECK(chart->title == "Referrals: by quarter");
  CHECK(chart->type == ChartType::line);
  CHECK(chart->series == std::vector<std::string>{"Police", "Schools"});
  CHECK(chart->rows[1].values == std::vector<double>{-3.5, 38});
  CHECK(chart->range() == std::pair<double, double>{-3.5, 64});
}

TEST_CASE("chart: numbers with thousands separators, and what is not a number") {
  CHECK(problems_of("title: T\n---\nA,B\nx,\"12,34\"\ny,1.2.3\nz,12%\nw,\n") ==
        std::vector<std::string>{
            "4:3: '12,34' is not a number: write digits only, such as 1250 or 12.5 (no units or % sign: say the "
            "unit with 'unit:')",
            "5:3: '1.2.3' is not a number: write digits only, such as 1250 or 12.5 (no units or % sign: say the "
            "unit with 'unit:')",
            "6:3: '12%' is not a number: write digits only, such as 1250 or 12.5 (no units or % sign: say the "
            "unit with 'unit:')",
            "7:3: the cell for 'B' is empty: write a number (0 if there were none)"});
  std::optional<Chart> chart = parse_chart("title: T\n---\nA,B\nx,\"1,234,567.5\"\ny,+.5\nz,-0\n");
  REQUIRE(chart);
  CHECK(chart->rows[0].values == std::vector<double>{1234567.5});
  CHECK(chart->rows[1].values == std::vector<double>{0.5});
}

TEST_CASE("chart: rows with more or fewer cells than the header") {
  CHECK(problems_of("title: T\n---\nQuarter,Police,Schools\nQ1,64\nQ2,1,2,3\nQ3,1,2\n") ==
        std::vector<std::string>{
            "4:6: this row has 2 cells but the header has 3: every row needs a label and one number for each "
            "series",
            "5:8: this row has 4 cells but the header has 3: every row needs a label and one number for each "
            "series"});
}

TEST_CASE("chart: unknown type, with the types and a suggestion") {
  CHECK(problems_of("title: T\ntype: colum\n---\nA,B\nx,1\n") ==
        std::vector<std::string>{"2:7: unknown chart type 'colum' (did you mean 'column'?): the types are bar, "
                                 "column, line and stacked-bar"});
  CHECK(problems_of("title: T\ntype:   pie\n---\nA,B\nx,1\n") ==
        std::vector<std::string>{"2:9: unknown chart type 'pie': the types are bar, column, line and stacked-bar"});
}

TEST_CASE("chart: missing or empty title, unknown settings, no data") {
  CHECK(problems_of("type: bar\n---\nA,B\nx,1\n") ==
        std::vector<std::string>{"0:1: this chart has no title: add a line 'title: …' before the '---'"});
  CHECK(problems_of("title:\n---\nA,B\nx,1\n") ==
        std::vector<std::string>{"1:1: the chart's title is empty: write what it shows"});
  CHECK(problems_of("title: T\ncolour: red\n---\nA,B\nx,1\n") ==
        std::vector<std::string>{
            "2:1: unknown chart setting 'colour': the settings are title, type, unit and source"});
  CHECK(problems_of("title: T\ntype: bar\n") ==
        std::vector<std::string>{
            "0:1: this chart has no data: after its settings, write a line '---' and then the numbers as CSV"});
  CHECK(problems_of("title: T\n---\nA,B\n") ==
        std::vector<std::string>{"3:4: this chart has a header row but no data: add a row of numbers under it"});
  CHECK(problems_of("title: T\n---\nLabels\nx\n") ==
        std::vector<std::string>{
            "3:1: a chart's data needs at least two columns: the labels, then the numbers of each series"});
}

TEST_CASE("chart: CSV syntax errors at their place in the block") {
  CHECK(problems_of("title: T\n---\nA,B\n\"x,1\n") ==
        std::vector<std::string>{"4:1: this quote is never closed: end the cell with a double quote"});
}

TEST_CASE("chart: a stacked bar cannot go below zero") {
  CHECK(problems_of("title: T\ntype: stacked-bar\n---\nA,B,C\nx,1,-2\n") ==
        std::vector<std::string>{
            "5:5: '-2' is below zero, which a stacked bar cannot show: use a bar or column chart"});
}

TEST_CASE("chart: numbers as a reader sees them") {
  CHECK(format_chart_number(0) == "0");
  CHECK(format_chart_number(-0.0) == "0");
  CHECK(format_chart_number(147) == "147");
  CHECK(format_chart_number(1234567) == "1,234,567");
  CHECK(format_chart_number(12.5) == "12.5");
  CHECK(format_chart_number(-1250.25) == "-1,250.25");
  CHECK(format_chart_number(0.333333) == "0.33");
}

TEST_CASE("chart: the description says the type, the range, the highest and the lowest") {
  std::optional<Chart> bar = parse_chart(kWebinars);
  REQUIRE(bar);
  CHECK(chart_description(*bar) ==
        "Bar chart with 3 bars. Values range from 59 to 1,112 attendees. Highest: Neglect, and what to do "
        "(1,112 attendees). Lowest: Child exploitation: myth busting (59 attendees).");

  std::optional<Chart> line =
      parse_chart("title: Referrals\ntype: line\nunit: referrals\n---\nQuarter,Police,Schools\nQ1,64,41\nQ2,72,38\n");
  REQUIRE(line);
  CHECK(chart_description(*line) ==
        "Line chart of 2 series (Police, Schools) over 2 points. Values range from 38 to 72 referrals. Highest: "
        "Police, Q2 (72 referrals). Lowest: Schools, Q2 (38 referrals).");

  std::optional<Chart> stacked =
      parse_chart("title: Places\ntype: stacked-bar\nunit: %\n---\nSector,Booked,Waiting\nHealth,60,14\nPolice,40,5\n");
  REQUIRE(stacked);
  CHECK(chart_description(*stacked) ==
        "Stacked bar chart with 2 bars, each made of 2 parts (Booked, Waiting). Totals range from 45% to 74%. "
        "Highest total: Health (74%). Lowest total: Police (45%).");

  std::optional<Chart> column = parse_chart("title: Cases\ntype: column\n---\nMonth,Open\nApril,12\n");
  REQUIRE(column);
  CHECK(chart_description(*column) ==
        "Column chart with 1 column. Values range from 12 to 12. Highest: April (12). Lowest: April (12).");
}

TEST_CASE("chart: plain text for search and summaries") {
  std::optional<Chart> chart = parse_chart("title: Cases\ntype: column\nsource: Records\n---\nMonth,Open\nApril,12\nMay,1250\n");
  REQUIRE(chart);
  CHECK(chart_plain_text(*chart) ==
        "Cases. Column chart with 2 columns. Values range from 12 to 1,250. Highest: May (1,250). Lowest: April "
        "(12).\nMonth, Open\nApril, 12\nMay, 1,250\nSource: Records");
}

}  // namespace
}  // namespace herald
