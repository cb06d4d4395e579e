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

/// Double braces that hold nearly a shortcode, as a typing slip makes one:
/// `{{phnoe team}}`, `{{Contact team}}`, `{{contacts team}}`,
/// `{{phone Front_Door}}`. `suggestion` is the shortcode meant.
struct NearShortcode {
  size_t offset = 0;
  size_t length = 0;
  std::string suggestion;  ///< e.g. `{{phone team}}`
};

/// Every near shortcode in `text`, in order: `{{name id}}` whose name, in
/// lower case, is one letter from `phone` or at most two from `contact`
/// (a letter added, left out, changed, or two swapped), or is one of them
/// with an id that is not in lower case with hyphens. Anything further from
/// a shortcode (`{{foo bar}}`, `{{ email team }}`, `{{name}}`) is left
/// alone: double braces may be meant as they are.
std::vector<NearShortcode> find_near_shortcodes(std::string_view text);

/// The shortcode written back in its normal form: `{{contact id}}`.
std::string shortcode_text(std::string_view name, std::string_view id);

}  // namespace herald
