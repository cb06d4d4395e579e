// A YAML syntax error said in plain words when a tab or an invisible character is what broke it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace herald {

/// Where a YAML text goes wrong, and what to say.
struct YamlErrorHint {
  int line = 0;    ///< 1-based, in the YAML text
  int column = 0;  ///< 1-based byte column
  std::string message;
};

/// A message a person can act on for the YAML syntax error that yaml-cpp
/// reported on line `mark_line` (0-based, as in YAML::Mark) of `yaml`: when the line of the error is indented with a tab ("a tab
/// character: YAML needs spaces to indent; replace the tab with spaces"), or
/// with an invisible character such as a non-breaking space, that character
/// is named, at its own line and column. nullopt when neither is the cause:
/// yaml-cpp's message stands.
std::optional<YamlErrorHint> explain_yaml_error(std::string_view yaml, int mark_line);

}  // namespace herald
