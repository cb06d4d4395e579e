// A meeting's body: restricted items taken out before anything reads it, the agenda items and the decisions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/meeting.h"
#include "markdown/document.h"

namespace herald {

/// The sentence that stands for a restricted item, everywhere it would be.
std::string not_published_sentence(int item);

/// `body` with the text of every restricted item (a `##` heading whose
/// number is in `restricted`, down to the next `#` or `##` heading) taken
/// out: the heading becomes "## 9. Restricted item" and the text "Item 9 is
/// not published.". The lines taken out become blank lines, so that what
/// follows keeps its line numbers (one line more only when the item has no
/// line of its own). `found` gets the numbers met. This runs before the
/// Markdown is parsed: nothing the build makes (page, feeds, search, PDF,
/// summary) can see the text.
std::string withhold_restricted_items(std::string_view body, const std::vector<int>& restricted,
                                      std::vector<int>* found);

/// The agenda items (the `##` headings of `headings`, numbered as written:
/// "4. Cabinet member update") and the decisions (`> [!DECISION]`
/// blockquotes of `body`, as plain text, with the item they are under) of a
/// body already withheld.
void read_agenda(std::string_view body, const std::vector<Heading>& headings, Meeting& meeting);

/// The `##` heading `line` (a line of Markdown) names, or "" when it is not a
/// level-2 ATX heading.
std::string_view level2_heading(std::string_view line);

}  // namespace herald
