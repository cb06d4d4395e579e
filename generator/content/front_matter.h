// Splits a content file into YAML front matter and Markdown body, and reads the fields.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


#include "core/diagnostic.h"
#include "core/yaml_tree.h"

namespace herald {

/// A content file split at its `---` lines.
struct SplitFile {
  std::string_view yaml;  ///< between the `---` lines
  std::string_view body;  ///< after the closing `---` line
  int yaml_first_line = 2;  ///< file line of the first YAML line
  int body_line_offset = 0; ///< lines before the body (front matter incl. both `---`)
};

/// Finds the front matter. Reports and returns nullopt when the file does not
/// start with `---` or the block is never closed.
std::optional<SplitFile> split_front_matter(std::string_view text, const std::string& path,
                                            Diagnostics& diags);

/// The front matter as a YAML map, with locations mapped to the file.
class FrontMatter {
 public:
  FrontMatter() = default;
  FrontMatter(FrontMatter&&) = default;  ///< the fields point into the tree: moved, never copied
  FrontMatter& operator=(FrontMatter&&) = default;
  FrontMatter(const FrontMatter&) = delete;
  FrontMatter& operator=(const FrontMatter&) = delete;

  /// Parses `split.yaml`; reports YAML syntax errors at the file line.
  static std::optional<FrontMatter> parse(const SplitFile& split, const std::string& path,
                                          Diagnostics& diags);

  bool has(const std::string& key) const { return fields_.count(key) > 0; }
  const YamlValue* get(const std::string& key) const;
  /// File location of a key's value (or of the front matter's start).
  SourceLocation where(const std::string& key) const;
  /// Location of the key itself, for "unknown field" warnings.
  SourceLocation key_where(const std::string& key) const;
  const std::string& path() const { return path_; }
  /// Keys in the order written.
  const std::vector<std::string>& keys() const { return order_; }
  SourceLocation location_of(const YamlValue& value) const;
  /// `where` (a location of this front matter: of a value, or a key),
  /// moved onto the first invisible character of `value` (its text) when it
  /// is written there: where a message naming that character points.
  SourceLocation at_invisible(SourceLocation where, std::string_view value) const;

 private:
  std::string path_;
  std::string yaml_;  ///< the front matter's text, to point into
  int first_line_ = 2;
  YamlValue root_;
  std::map<std::string, const YamlValue*> fields_;  ///< into root_: the first of each key
  std::map<std::string, SourceLocation> key_locations_;
  std::vector<std::string> order_;
};

}  // namespace herald
