// Finds exact file positions in a Markdown body, where cmark's inline positions are approximate.
#pragma once

#include <string_view>
#include <vector>

namespace herald {

/// The lines of a Markdown body, indexed on first use.
class SourceLines {
 public:
  explicit SourceLines(std::string_view text) : text_(text) {}

  /// Line `line` (1-based, as cmark counts) without its line ending; empty
  /// when out of range.
  std::string_view line(int line);

  /// The 1-based column where `needle` starts on `line`: at `approx` if it
  /// is there, else the first match at or after `approx`, else the first on
  /// the line, else `approx`. cmark's inline columns drift after entities,
  /// escapes and stripped indentation; this puts the caret on the text.
  int find_column(int line, int approx, std::string_view needle);

  /// Like `find_column`, but 0 when `needle` is not on the line.
  int find(int line, int approx, std::string_view needle);

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace herald
