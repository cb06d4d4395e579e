// A reader of RFC 4180 CSV that remembers where each cell was written, for charts.
#include "markdown/csv.h"

namespace herald {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  bool run(std::vector<CsvRow>& rows, CsvError& error) {
    while (at_ < text_.size()) {
      if (blank_line()) continue;
      CsvRow row;
      row.line = line_;
      for (;;) {
        CsvCell cell;
        if (!read_cell(cell, error)) return false;
        row.cells.push_back(std::move(cell));
        row.end_column = column();
        if (at_ < text_.size() && text_[at_] == ',') {
          ++at_;
          continue;
        }
        break;
      }
      end_of_line();
      rows.push_back(std::move(row));
    }
    return true;
  }

 private:
  int column() const { return static_cast<int>(at_ - line_start_) + 1; }

  // Skips a line of nothing but spaces (and its line ending); false if the
  // line has something.
  bool blank_line() {
    size_t i = at_;
    while (i < text_.size() && is_blank(text_[i])) ++i;
    if (i < text_.size() && text_[i] != '\n' && text_[i] != '\r') return false;
    at_ = i;
    end_of_line();
    return true;
  }

  void end_of_line() {
    if (at_ < text_.size() && text_[at_] == '\r') ++at_;
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
    new_line();
  }

  void new_line() {
    ++line_;
    line_start_ = at_;
  }

  bool at_field_end() const {
    return at_ >= text_.size() || text_[at_] == ',' || text_[at_] == '\n' || text_[at_] == '\r';
  }

  bool read_cell(CsvCell& cell, CsvError& error) {
    while (at_ < text_.size() && is_blank(text_[at_])) ++at_;
    cell.line = line_;
    cell.column = column();
    if (at_ < text_.size() && text_[at_] == '"') return read_quoted(cell, error);
    size_t start = at_;
    while (!at_field_end()) {
      if (text_[at_] == '"') {
        error = {line_, column(), "a double quote inside a cell that does not start with one: put the whole "
                                  "cell in double quotes and write the quote twice (\"\")"};
        return false;
      }
      ++at_;
    }
    size_t end = at_;
    while (end > start && is_blank(text_[end - 1])) --end;
    cell.text = std::string(text_.substr(start, end - start));
    return true;
  }

  bool read_quoted(CsvCell& cell, CsvError& error) {
    const int open_line = line_, open_column = column();
    ++at_;
    for (;;) {
      if (at_ >= text_.size()) {
        error = {open_line, open_column, "this quote is never closed: end the cell with a double quote"};
        return false;
      }
      char c = text_[at_];
      if (c == '"') {
        if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
          cell.text += '"';
          at_ += 2;
          continue;
        }
        ++at_;
        break;
      }
      if (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
        cell.text += '\n';
        at_ += 2;
        new_line();
        continue;
      }
      if (c == '\n' || c == '\r') {
        cell.text += '\n';
        ++at_;
        new_line();
        continue;
      }
      cell.text += c;
      ++at_;
    }
    while (at_ < text_.size() && is_blank(text_[at_])) ++at_;
    if (!at_field_end()) {
      error = {line_, column(), "text after the closing quote of a cell: put a comma between cells"};
      return false;
    }
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
};

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (is_blank(field.front()) || is_blank(field.back())) return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

bool read_csv(std::string_view text, std::vector<CsvRow>& rows, CsvError& error) {
  return CsvReader(text).run(rows, error);
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      if (!needs_quotes(row[i])) {
        out += row[i];
        continue;
      }
      out += '"';
      for (char c : row[i]) {
        if (c == '"') out += '"';
        if (c == '\n') {
          out += "\r\n";
          continue;
        }
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace herald
