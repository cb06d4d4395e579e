// A reader of RFC 4180 CSV that remembers where each cell was written, for charts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// One cell: its text (quotes removed, `""` read as `"`) and where it starts.
struct CsvCell {
  std::string text;
  int line = 0;    ///< 1-based, in the text given to read_csv
  int column = 0;  ///< 1-based byte column of its first character (the opening quote if quoted)
};

/// One record. `end_column` is the column just after its last cell, where a
/// missing cell would have been written.
struct CsvRow {
  std::vector<CsvCell> cells;
  int line = 0;
  int end_column = 0;
};

/// A mistake in the CSV's own syntax (a quote not closed, text after one).
struct CsvError {
  int line = 0;
  int column = 0;
  std::string message;
};

/// Reads `text` as RFC 4180 CSV: fields separated by commas, records by CRLF
/// or LF, a field in double quotes may hold commas, line breaks and `""`.
/// Spaces around a field are not part of it; lines holding nothing but
/// spaces are skipped. Returns false, with `error` set, at the first syntax
/// error; `rows` then holds the records read before it.
bool read_csv(std::string_view text, std::vector<CsvRow>& rows, CsvError& error);

/// Writes `rows` as RFC 4180 CSV, CRLF after every record, quoting the
/// fields that need it.
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace herald
