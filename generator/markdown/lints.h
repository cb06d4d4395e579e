// Content checks on Markdown: what makes a page unsafe or inaccessible to read (spec §7).
#pragma once

#include <cmark-gfm.h>

#include <string_view>

#include "core/diagnostic.h"

namespace herald {

/// True for link text that does not say where the link goes: "click here",
/// "here", "read more", "this link", "more", "link" (any case, trailing
/// punctuation ignored).
bool is_vague_link_text(std::string_view text);

/// True for link text that is a web address longer than 40 characters.
bool is_long_web_address(std::string_view text);

/// Warns about a link's text (vague, a long web address) and destination
/// (empty or `#`). `text` is the link's plain text.
void check_link(std::string_view text, std::string_view url, const SourceLocation& where, Diagnostics& diags);

/// Warns about an image without alt text.
void check_image(std::string_view alt, std::string_view url, const SourceLocation& where, Diagnostics& diags);

/// Warns about a level-1 heading in the body and about skipped levels.
/// `previous_level` is the level of the heading before (1, the page title, at
/// the start) and is updated.
void check_heading_level(int level, int* previous_level, const SourceLocation& where, Diagnostics& diags);

/// True when every cell of the table's header row is empty.
bool table_header_is_empty(cmark_node* table);

}  // namespace herald
