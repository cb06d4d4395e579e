// A table whose last row is a total (`| **Total** | **421** |`): that row shown as the table's footer.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>

namespace herald {

/// Is the last row of this GFM table a total: a body row after at least one
/// other, whose first cell says "Total" (or "Totals", "Grand total"…) and
/// whose every cell with text is all bold?
bool has_total_row(cmark_node* table);

/// cmark-gfm's HTML of such a table with its last body row moved into a
/// `<tfoot>`; unchanged when it is not as cmark-gfm writes it.
std::string total_row_in_tfoot(std::string_view table_html);

}  // namespace herald
