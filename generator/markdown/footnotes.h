// GitHub's footnotes placed at the end of the section (between `##` headings) that first refers to each.
#pragma once

#include <cmark-gfm.h>

#include <vector>

namespace herald {

/// The footnote definitions shown together at the end of one section.
struct FootnoteGroup {
  /// The top-level heading that starts the next section (`##` or `#`): the
  /// notes go just before it. Null: at the end of the body.
  cmark_node* before = nullptr;
  std::vector<cmark_node*> definitions;  ///< in the order of their numbers
  std::vector<int> numbers;              ///< each one's number, as its references show it
};

/// Where each footnote definition of a parsed body goes: at the end of the
/// section of its first reference (a note referred to only from another
/// note goes with that one). cmark-gfm numbers the definitions in the order
/// of their first reference and moves them to the end of the body, in that
/// order; an empty result when there are none.
std::vector<FootnoteGroup> place_footnotes(cmark_node* root);

}  // namespace herald
