// Finds the {{contact id}} and {{phone id}} shortcodes in a run of Markdown text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// One shortcode in a text: `{{ name id }}` at `offset`, `length` bytes long.
struct ShortcodeMatch {
  size_t offset = 0;
  size_t length = 0;
  std::string_view name;  ///< `contact` or `phone`
  std::string_view id;    ///< matches [a-z0-9-]+
};

/// Every `{{contact id}}` and `{{phone id}}` in `text`, in order. Spaces and
/// tabs are allowed inside the braces. Anything else in double braces
/// (`{{foo bar}}`, `{{ contact Bad_Id }}`) is not a shortcode and stays text.
std::vector<ShortcodeMatch> find_shortcodes(std::string_view text);

/// The shortcode written back in its normal form: `{{contact id}}`.
std::string shortcode_text(std::string_view name, std::string_view id);

}  // namespace herald
