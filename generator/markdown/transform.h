// Turns Markdown into a checked cmark tree: raw HTML and URLs not allowed out, shortcodes in, headings anchored.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "markdown/chart.h"
#include "markdown/document.h"
#include "markdown/gfm.h"

namespace herald {

using ShortcodeFunction =
    std::function<std::optional<std::string>(std::string_view name, std::string_view id, bool block)>;

/// What to transform, and where to report.
struct TransformSettings {
  std::string_view markdown;
  std::string_view path;  ///< for diagnostics
  int line_offset = 0;
  Diagnostics* diags = nullptr;  ///< null: no checks, no reports
  bool number_headings = false;  ///< see MarkdownOptions::number_headings
  ShortcodeFunction resolve;     ///< empty: shortcodes stay as text
  /// The known id an unknown one was most likely meant to be, or "" (may be empty).
  std::function<std::string(std::string_view id)> nearest;
};

/// The transformed tree and what was found in it.
struct TransformResult {
  CmarkNodePtr root;
  std::vector<Heading> headings;
  /// The HEADING node of each heading; its user data is the heading's index + 1.
  std::vector<cmark_node*> heading_nodes;
  /// Links and images with a relative URL, in document order.
  std::vector<cmark_node*> url_nodes;
  /// The shortcodes met, in order; an expanded one's HTML node has the
  /// shortcode's index + 1 as user data.
  std::vector<ShortcodeUse> shortcodes;
  /// The links and images published (allowed), in document order.
  std::vector<LinkUse> links;
  /// Each `chart` block read without problems, with its CODE_BLOCK node, in order.
  std::vector<std::pair<cmark_node*, Chart>> charts;
};

/// Parses and transforms a Markdown body (see `TransformSettings`).
TransformResult transform_markdown(const TransformSettings& settings);

}  // namespace herald
