// The one-page print PDF of a 7-minute briefing: a title band and seven numbered panels.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "output/pdf/print_common.h"

namespace herald::pdf {

/// One numbered section of a briefing's Markdown tree.
struct BriefingPanel {
  int number = 0;
  std::string title;
  std::string anchor;  ///< the heading's own anchor
  cmark_node* heading = nullptr;
  cmark_node* first = nullptr;  ///< the first block after the heading
  cmark_node* stop = nullptr;   ///< the next section's heading (or null)
};

/// Splits a briefing body at its `#`/`##` headings: the panels in number
/// order (stable for repeats), and the nodes before the first in `lead_stop`.
std::vector<BriefingPanel> briefing_panels(cmark_node* root, cmark_node** lead_stop);

/// A title band (partnership, title, review type, date, audience), the lead
/// paragraph, and the seven sections as numbered full-width panels at the
/// largest body size from 11.5 pt down to 9 pt that fits one A4 page; when
/// even 9 pt does not fit, the panels run on to further pages, with a
/// warning. The source report and the web address are at the foot of the
/// (last) page.
std::string render_briefing_pdf(const PdfJob& job);

}  // namespace herald::pdf
