// A YAML syntax error said in plain words when a tab or an invisible character is what broke it.
#include "core/yaml_error.h"

#include "core/invisible.h"

namespace herald {
namespace {

/// Line `line` (0-based) of `text`, without its line ending; empty past the end.
std::string_view line_of(std::string_view text, int line) {
  size_t start = 0;
  for (int l = 0; l < line; ++l) {
    size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

/// The indentation of a YAML line: its leading spaces and tabs, and the
/// `- ` of block sequence entries written on it (`  -\t- name:`), with any
/// invisible character among them (`\u00a0 name:`). Returns its length.
size_t indentation(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '-' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
      ++i;
    } else if (auto found = find_invisible(line.substr(i, 3)); found && found->offset == 0) {
      i += found->length;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::optional<YamlErrorHint> explain_yaml_error(std::string_view yaml, int mark_line) {
  if (mark_line < 0) return std::nullopt;
  std::string_view line = line_of(yaml, mark_line);
  std::string_view indent = line.substr(0, indentation(line));
  // yaml-cpp stops at a tab in the indentation, or at the first thing after
  // it that it cannot place ("illegal map value"): the tab is on the line of
  // the error, before the column or at it.
  size_t tab = indent.find('\t');
  std::optional<InvisibleCharacter> invisible = find_invisible(indent);
  if (tab == std::string_view::npos && !invisible) return std::nullopt;
  YamlErrorHint hint;
  hint.line = mark_line + 1;
  if (tab != std::string_view::npos && (!invisible || tab < invisible->offset)) {
    hint.column = static_cast<int>(tab) + 1;
    hint.message = "a tab character: YAML needs spaces to indent; replace the tab with spaces";
  } else {
    hint.column = static_cast<int>(invisible->offset) + 1;
    hint.message = std::string(invisible->name) +
                   (invisible->zero_width ? ", which cannot be seen" : ", which looks like a space but is not one") +
                   ": YAML needs ordinary spaces to indent; delete it and indent with spaces";
  }
  return hint;
}

}  // namespace herald
