// The few HTML elements an author may write in Markdown (sup, sub, br, abbr, kbd, mark, small, s), read and re-made.
#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

/// True for the elements an author may write in Markdown's text (§9):
/// `sup`, `sub`, `br`, `abbr`, `kbd`, `mark`, `small` and `s` (lower case).
bool is_allowed_inline_element(std::string_view name);

/// One tag of the author's inline HTML, as cmark gives it (an HTML_INLINE
/// node holds exactly one tag, comment or declaration).
struct InlineTag {
  enum class Kind { open, close, self_closing };
  Kind kind = Kind::open;
  std::string name;  ///< in lower case
  /// The `title` of an `abbr`, its entities decoded and its white space
  /// collapsed; "" when none.
  std::string title;
  /// The first attribute the element may not have (any but `title` on
  /// `abbr`), in lower case, or "".
  std::string refused_attribute;

  /// An allowed element written as it may be: `<sup>`, `</sup>`, `<br>`,
  /// `<br/>`, `<abbr title="…">`.
  bool allowed() const;
};

/// Reads one HTML tag (`<SUP>`, `</sup >`, `<abbr title='A &amp; B'>`,
/// `<br />`); nullopt for anything else (a comment, a processing
/// instruction, a declaration, or not a tag at all).
std::optional<InlineTag> read_inline_tag(std::string_view html);

/// The tag as herald writes it for an allowed element, whatever the case
/// and spacing the author used: `<sup>`, `</sup>`, `<abbr title="…">` (the
/// title escaped), `<br />`.
std::string inline_tag_html(const InlineTag& tag);

/// The warning for an allowed element's tag written in a way that is not
/// (`<sup onclick=…>`, `<abbr style=…>`, `<sup/>`, `</br>`): it is left
/// out, as other raw HTML is, and says how to write it.
std::string refused_tag_message(const InlineTag& tag);

/// A tag of an allowed element met in the tree (an HTML_INLINE node).
struct TagNode {
  cmark_node* node = nullptr;
  InlineTag tag;
  bool refused = false;  ///< written in a way that is not allowed (already reported)
  SourceLocation where;  ///< for a message
};

/// Keeps the allowed elements of `tags` (in document order) in the tree: a
/// `<br>` becomes a line break; an opening tag and the closing tag that
/// matches it in the same parent (a paragraph, a table cell, an emphasis, a
/// link…) keep their HTML_INLINE nodes, holding the tags as herald writes
/// them (inline_tag_html) instead of the author's bytes. Since both are in
/// one parent and pairs nest, the page's structure holds whatever the author
/// wrote. A tag without its match (`<sup>` never closed, `</sup>` closing
/// nothing, or crossing another element: `*a <sup>b* c</sup>`) is freed with
/// a warning into `diags` (when not null), its text kept; so is a refused tag
/// and the match of a refused one, without a warning of its own.
void keep_inline_elements(const std::vector<TagNode>& tags, Diagnostics* diags);

}  // namespace herald
