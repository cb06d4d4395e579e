// The plain text of a Markdown subtree: for summaries, anchors, word counts and link checks.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>

namespace herald {

/// Appends the text of `node`'s subtree to `out`: text and code as written,
/// line breaks (a `<br>` too) and the ends of blocks as spaces. Raw HTML
/// (herald's own inserted HTML, such as contact cards, and the tags of the
/// inline elements allowed) adds nothing, but the text between `<sup>` and
/// `</sup>` is text; an image adds its alt text only with `image_alt`.
void append_plain_text(cmark_node* node, bool image_alt, std::string& out);

/// `append_plain_text` with runs of whitespace collapsed to one space, trimmed.
std::string plain_text(cmark_node* node, bool image_alt);

/// Runs of ASCII whitespace collapsed to one space, and trimmed.
std::string collapse_whitespace(std::string_view text);

}  // namespace herald
