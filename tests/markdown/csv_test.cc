// Tests for markdown/csv: RFC 4180 cells with their places, and CSV written back.
#include "markdown/csv.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

std::vector<std::vector<std::string>> texts(const std::vector<CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRow& row : rows) {
    out.emplace_back();
    for (const CsvCell& cell : row.cells) out.back().push_back(cell.text);
  }
  return out;
}

TEST_CASE("csv: plain cells, spaces around them trimmed, blank lines skipped") {
  std::vector<CsvRow> rows;
  CsvError error;
  REQUIRE(read_csv("Webinar, Attendees\n\nIntro ,147\n   \nMyths,59", rows, error));
  CHECK(texts(rows) == std::vector<std::vector<std::string>>{{"Webinar", "Attendees"}, {"Intro", "147"}, {"Myths", "59"}});
  CHECK(rows[1].line == 3);
  CHECK(rows[2].line == 5);
  CHECK(rows[0].cells[1].column == 10);
  CHECK(rows[1].end_column == 11);
}

TEST_CASE("csv: quoted cells hold commas, doubled quotes and line breaks") {
  std::vector<CsvRow> rows;
  CsvError error;
  REQUIRE(read_csv("Name,Count\n\"Neglect, and what to do\",12\n\"The \"\"Think family\"\" model\",3\n"
                   "\"two\nlines\",4\nafter,5\n",
                   rows, error));
  CHECK(texts(rows) == std::vector<std::vector<std::string>>{{"Name", "Count"},
                                                              {"Neglect, and what to do", "12"},
                                                              {"The \"Think family\" model", "3"},
                                                              {"two\nlines", "4"},
                                                              {"after", "5"}});
  CHECK(rows[1].cells[1].column == 27);
  CHECK(rows[3].line == 4);
  CHECK(rows[3].cells[1].line == 5);  // after the line break inside the quotes
  CHECK(rows[3].cells[1].column == 8);
  CHECK(rows[4].line == 6);
}

TEST_CASE("csv: CRLF line endings, inside quotes too") {
  std::vector<CsvRow> rows;
  CsvError error;
  REQUIRE(read_csv("a,b\r\n\"x\r\ny\",2\r\nlast,3\r\n", rows, error));
  CHECK(texts(rows) == std::vector<std::vector<std::string>>{{"a", "b"}, {"x\ny", "2"}, {"last", "3"}});
  CHECK(rows[2].line == 4);
  CHECK(rows[1].end_column == 5);
}

TEST_CASE("csv: empty cells are cells") {
  std::vector<CsvRow> rows;
  CsvError error;
  REQUIRE(read_csv("a,,c,\n", rows, error));
  CHECK(texts(rows) == std::vector<std::vector<std::string>>{{"a", "", "c", ""}});
  CHECK(rows[0].cells[3].column == 6);
}

TEST_CASE("csv: syntax errors at their place") {
  std::vector<CsvRow> rows;
  CsvError error;
  CHECK_FALSE(read_csv("a,b\nx,\"open\n", rows, error));
  CHECK(error.line == 2);
  CHECK(error.column == 3);
  CHECK(error.message == "this quote is never closed: end the cell with a double quote");

  rows.clear();
  CHECK_FALSE(read_csv("a,b\n\"x\"y,2\n", rows, error));
  CHECK(error.line == 2);
  CHECK(error.column == 4);
  CHECK(error.message == "text after the closing quote of a cell: put a comma between cells");

  rows.clear();
  CHECK_FALSE(read_csv("a,b\nsay \"hi\",2\n", rows, error));
  CHECK(error.line == 2);
  CHECK(error.column == 5);
}

TEST_CASE("csv: written with CRLF, quoting only what needs it") {
  CHECK(write_csv({{"Quarter", "Police"}, {"Q1, early", "64"}, {"The \"best\"", "2"}, {"two\nlines", "3"}}) ==
        "Quarter,Police\r\n\"Q1, early\",64\r\n\"The \"\"best\"\"\",2\r\n\"two\r\nlines\",3\r\n");
  // What is written reads back the same.
  std::vector<CsvRow> rows;
  CsvError error;
  REQUIRE(read_csv(write_csv({{" padded ", "a,b"}}), rows, error));
  CHECK(texts(rows) == std::vector<std::vector<std::string>>{{" padded ", "a,b"}});
}

}  // namespace
}  // namespace herald
