// Reads the small HTML herald puts into the Markdown tree: shortcodes ({{contact}}, {{phone}}), <sup>, <abbr>…
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald::pdf {

struct HtmlToken {
  enum Type { text, open, close } type = text;
  std::string name;   ///< lower-case tag name, for open and close
  std::string href;   ///< the href attribute of an open tag
  std::string klass;  ///< the class attribute of an open tag
  std::string title;  ///< the title attribute of an open tag (an abbreviation's expansion)
  std::string value;  ///< decoded text, for text tokens
};

/// Splits herald-generated HTML into tags and entity-decoded text. Comments
/// and unknown constructs are skipped; never throws.
std::vector<HtmlToken> tokenize_html(std::string_view html);

/// True for tags that start a new block of text (p, div, li, h1...).
bool is_block_tag(const std::string& name);

}  // namespace herald::pdf
