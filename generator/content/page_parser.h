// Parse stage: one content file -> one Page (front matter fields, then Markdown).
#pragma once

#include <optional>
#include <string>

#include "config/config.h"
#include "content/page.h"
#include "content/source_path.h"
#include "core/diagnostic.h"

namespace herald {

struct ShortcodeResolver;

struct ChapterFacts;

struct ParseContext {
  const Config* config = nullptr;
  const ShortcodeResolver* shortcodes = nullptr;
  /// Keep the Markdown tree of a page with a print PDF, for its drawing.
  /// A build does not: it parses a page again when it draws its PDF
  /// (Library::parse_tree), so that thousands of trees are never held at once.
  bool keep_tree = true;
};

/// Reads the front matter and the Markdown body of one content file. Reports
/// every problem; returns nullopt when the page cannot be built at all. With
/// `facts`, a chapter whose front matter could be read also gives what the
/// procedure releases need of it, so that they need not parse it again.
std::optional<Page> parse_page(const std::string& path, std::string_view text,
                               const ContentPath& where, const ParseContext& context,
                               Diagnostics& diags, ChapterFacts* facts = nullptr);

}  // namespace herald
