// Finds the {{contact id}} and {{phone id}} shortcodes in a run of Markdown text.
#pragma once

#include <functional>
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
/// (`{{foo bar}}`, `{{ contact Bad_Id }}`) is not a shortcode: see
/// find_shortcode_lookalikes.
std::vector<ShortcodeMatch> find_shortcodes(std::string_view text);

/// Text that looks like a shortcode but is not a valid one: double braces,
/// then (after any spaces) a letter. It runs to the first `}}` on the text
/// before the next `{{`, or, never closed, over its first two words (and a
/// single `}`): `{{phone Lado}}`, `{{phnoe team}}`, `{{emial x}}`,
/// `{{name}}`, `{{phone team}`, `{{contact\u00a0team}}`. Double braces
/// followed by anything else (`{{ }}`, `{{1}}`, `{{#each}}`) are left alone.
struct ShortcodeLookalike {
  size_t offset = 0;
  size_t length = 0;
  bool closed = false;  ///< ends with `}}`
  std::string name;     ///< the first word, its letters in lower case: `phnoe`
  /// The rest, as an id is written: lower case, every run of anything but
  /// letters and digits a hyphen, none at the ends (`Front_Door` ->
  /// `front-door`); "" when there is nothing.
  std::string id;
};

/// Every shortcode lookalike in `text`, in order (valid shortcodes are not).
std::vector<ShortcodeLookalike> find_shortcode_lookalikes(std::string_view text);

/// The shortcode names a lookalike's `name` was most likely meant to be:
/// itself when it is `phone` or `contact`; `phone` when one letter from it,
/// `contact` when at most two (a letter added, left out, changed, or two
/// swapped); else both, and `near` (when given) is set false.
std::vector<std::string> shortcode_names_meant(std::string_view name, bool* near = nullptr);

/// The shortcode written back in its normal form: `{{contact id}}`.
std::string shortcode_text(std::string_view name, std::string_view id);

/// What the site knows of contact ids, for the messages.
struct ContactIds {
  std::function<bool(std::string_view id)> known;        ///< may be empty: none is
  std::function<std::string(std::string_view id)> nearest;  ///< the known id meant, or ""; may be empty
};

/// The error for a lookalike, `written` being its text: "'{{phone Lado}}' is
/// not a valid shortcode: did you mean {{phone lado}}?". It names an
/// invisible character in it, suggests the valid form when the id (or the
/// nearest known one) is a contact's, and otherwise says how a shortcode is
/// written, with backticks for braces meant as they are.
std::string lookalike_message(std::string_view written, const ShortcodeLookalike& lookalike, const ContactIds& ids);

}  // namespace herald
