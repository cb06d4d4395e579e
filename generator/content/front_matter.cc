// Front matter: the `---` block at the top of every content file.
#include "content/front_matter.h"

#include "core/invisible.h"
#include "core/text.h"
#include "core/yaml_error.h"

namespace herald {
namespace {

// Returns the end of the line starting at `pos` (not including '\n').
size_t line_end(std::string_view text, size_t pos) {
  size_t e = text.find('\n', pos);
  return e == std::string_view::npos ? text.size() : e;
}

bool is_fence(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

std::optional<SplitFile> split_front_matter(std::string_view text, const std::string& path,
                                            Diagnostics& diags) {
  size_t pos = 0;
  if (starts_with(text, "\xEF\xBB\xBF")) pos = 3;  // byte order mark
  size_t first_end = line_end(text, pos);
  if (!is_fence(text.substr(pos, first_end - pos))) {
    diags.error({path, 1, 1},
                "the file must start with front matter: a line '---', fields such as "
                "'title: ...', then another '---'");
    return std::nullopt;
  }
  SplitFile split;
  size_t yaml_start = first_end + 1;
  int line = 2;
  size_t cursor = yaml_start;
  while (cursor <= text.size()) {
    size_t end = line_end(text, cursor);
    if (is_fence(text.substr(cursor, end - cursor))) {
      split.yaml = text.substr(std::min(yaml_start, text.size()),
                               cursor > yaml_start ? cursor - yaml_start : 0);
      size_t body_start = std::min(end + 1, text.size());
      split.body = text.substr(body_start);
      split.body_line_offset = line;
      return split;
    }
    if (end >= text.size()) break;
    cursor = end + 1;
    ++line;
  }
  diags.error({path, 1, 1}, "the front matter is not closed: add a line '---' after its fields");
  return std::nullopt;
}

std::optional<FrontMatter> FrontMatter::parse(const SplitFile& split, const std::string& path,
                                              Diagnostics& diags) {
  FrontMatter fm;
  fm.path_ = path;
  fm.first_line_ = split.yaml_first_line;
  fm.yaml_ = std::string(split.yaml);
  YamlSyntaxError error;
  std::optional<YamlValue> root = parse_yaml(split.yaml, &error);
  if (!root) {
    if (auto hint = explain_yaml_error(split.yaml, error.line - 1)) {
      diags.error({path, hint->line - 1 + fm.first_line_, hint->column}, "invalid front matter: " + hint->message);
      return std::nullopt;
    }
    diags.error({path, error.line - 1 + fm.first_line_, error.column}, "invalid front matter: " + error.message);
    return std::nullopt;
  }
  if (root->is_null()) return fm;
  if (!root->is_map()) {
    diags.error({path, fm.first_line_, 1},
                "the front matter must be fields written as 'name: value'");
    return std::nullopt;
  }
  fm.root_ = std::move(*root);
  for (const auto& [key_value, value] : fm.root_.entries()) {
    if (!key_value.is_scalar()) continue;
    const std::string& key = key_value.scalar();
    if (fm.fields_.count(key)) {
      diags.error(fm.location_of(key_value), "field '" + key + "' is given twice");
      continue;
    }
    fm.fields_[key] = &value;
    fm.key_locations_[key] = fm.location_of(key_value);
    fm.order_.push_back(key);
  }
  return fm;
}

const YamlValue* FrontMatter::get(const std::string& key) const {
  auto it = fields_.find(key);
  if (it == fields_.end() || it->second->is_null()) return nullptr;
  return it->second;
}

SourceLocation FrontMatter::location_of(const YamlValue& value) const {
  return {path_, value.line() - 1 + first_line_, value.column()};
}

SourceLocation FrontMatter::at_invisible(SourceLocation where, std::string_view value) const {
  return point_at_invisible(std::move(where), value, yaml_, first_line_);
}

SourceLocation FrontMatter::where(const std::string& key) const {
  auto it = fields_.find(key);
  if (it != fields_.end()) return location_of(*it->second);
  return {path_, first_line_ - 1, 1};
}

SourceLocation FrontMatter::key_where(const std::string& key) const {
  auto it = key_locations_.find(key);
  return it != key_locations_.end() ? it->second : SourceLocation{path_, first_line_ - 1, 1};
}

}  // namespace herald
