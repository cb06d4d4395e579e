// The cmark-gfm library behind one door: extensions, thread-safe parsing, HTML rendering.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace herald {

/// Frees a cmark node (and its subtree) when the owning pointer goes.
struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

/// Parses GitHub-flavoured Markdown (tables, strikethrough, autolinks, task
/// lists, tag filter, footnotes; no smart punctuation). Safe to call from many
/// threads at once.
CmarkNodePtr parse_gfm(std::string_view markdown);

/// Renders a node and its subtree as HTML. Raw HTML nodes are written as they
/// are (CMARK_OPT_UNSAFE): by then the author's raw HTML has been removed and
/// only herald's own HTML is left.
std::string render_gfm_html(cmark_node* node);

/// True when parses run in parallel; false when they take turns (see gfm.cc).
bool gfm_parses_in_parallel();

/// True for a table node of the GFM table extension.
bool is_gfm_table(cmark_node* node);

}  // namespace herald
