// Finds exact file positions in a Markdown body, where cmark's inline positions are approximate.
#include "markdown/source_lines.h"

#include <algorithm>

namespace herald {

std::string_view SourceLines::line(int line) {
  if (starts_.empty()) {
    starts_.push_back(0);
    for (size_t i = text_.find('\n'); i != std::string_view::npos; i = text_.find('\n', i + 1))
      starts_.push_back(i + 1);
  }
  if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
  size_t begin = starts_[line - 1];
  size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

int SourceLines::find(int line_number, int approx, std::string_view needle) {
  std::string_view text = line(line_number);
  if (needle.empty() || text.empty()) return 0;
  size_t from = approx > 0 ? static_cast<size_t>(approx - 1) : 0;
  if (from < text.size() && text.substr(from, needle.size()) == needle) return approx;
  size_t at = from < text.size() ? text.find(needle, from) : std::string_view::npos;
  if (at == std::string_view::npos) at = text.find(needle);
  return at == std::string_view::npos ? 0 : static_cast<int>(at) + 1;
}

int SourceLines::find_column(int line_number, int approx, std::string_view needle) {
  int found = find(line_number, approx, needle);
  return found ? found : approx;
}

}  // namespace herald
