// GitHub's alerts (`> [!NOTE]` …, and herald's `> [!DECISION]`): block quotes shown as labelled call-out boxes.
#pragma once

#include <cmark-gfm.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

/// A kind of alert: its marker (`NOTE` for `[!NOTE]`), the label shown on
/// the box (`Note`) and the modifier of its class (`note`).
struct AlertKind {
  const char* marker;
  const char* label;
  const char* modifier;
};

/// Every kind herald knows, in the order the messages list them: GitHub's
/// five, then DECISION (board minutes, §12).
const std::vector<AlertKind>& alert_kinds();

/// The alert a BLOCK_QUOTE node of a transformed tree is, else null.
const AlertKind* alert_of(cmark_node* node);

/// Finds the block quotes whose text starts with `[!KIND]` (any case): takes
/// the marker (and the line break after it) out of the text and records the
/// kind in the node's user data (alert_of). An unknown kind is a warning at
/// `locate(text_node, "[!KIND]")`, naming the ones allowed; that quote stays
/// a quote, as written. `diags` may be null.
void mark_alerts(cmark_node* root, const std::function<SourceLocation(cmark_node*, std::string_view)>& locate,
                 Diagnostics* diags);

/// The HTML that opens an alert's box, its label included; `</div>` closes it.
std::string alert_open_html(const AlertKind& kind);

}  // namespace herald
