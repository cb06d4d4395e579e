// Tests for markdown/total_row: a table's last row, all bold and saying "Total", shown as its footer.
#include "markdown/total_row.h"

#include <doctest/doctest.h>

#include <string>

#include "markdown/gfm.h"
#include "markdown_test_support.h"

namespace herald {
namespace {

using testing::parse_markdown;

bool total(const std::string& markdown) {
  auto p = parse_markdown(markdown);
  cmark_node* table = cmark_node_first_child(p.doc.root());
  REQUIRE(is_gfm_table(table));
  return has_total_row(table);
}

TEST_CASE("total rows: the last row, after another, all bold, its first cell saying total") {
  const std::string head = "| Agency | Referrals |\n|---|--:|\n| Police | 200 |\n";
  CHECK(total(head + "| **Total** | **421** |\n"));
  CHECK(total(head + "| **Grand total** | **421** |\n"));
  CHECK(total(head + "| **Totals** |  |\n"));
  CHECK_FALSE(total(head + "| Total | **421** |\n"));           // not all bold
  CHECK_FALSE(total(head + "| **Total** | 421 |\n"));
  CHECK_FALSE(total(head + "| **Subtotalled** | **421** |\n"));  // not the word
  CHECK_FALSE(total(head + "| **Health** | **221** |\n"));
  CHECK_FALSE(total("| Agency | Referrals |\n|---|--:|\n| **Total** | **421** |\n"));  // the only row
}

TEST_CASE("total rows: the row is in the table's <tfoot>") {
  auto p = parse_markdown("| Agency | Referrals |\n|---|--:|\n| Police | 200 |\n| **Total** | **200** |\n");
  CHECK(p.doc.html() ==
        "<table>\n<thead>\n<tr>\n<th>Agency</th>\n<th align=\"right\">Referrals</th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n<td>Police</td>\n<td align=\"right\">200</td>\n</tr>\n</tbody>\n<tfoot>\n<tr>\n<td><strong>Total"
        "</strong></td>\n<td align=\"right\"><strong>200</strong></td>\n</tr>\n</tfoot>\n</table>\n");
  // The tree is a table as parsed (for the PDF).
  cmark_node* table = cmark_node_first_child(p.doc.root());
  CHECK(is_gfm_table(table));
  CHECK(has_total_row(table));
}

TEST_CASE("total rows: HTML not as cmark-gfm writes it is left as it is") {
  CHECK(total_row_in_tfoot("<table>\n<tr><td>x</td></tr>\n</table>\n") == "<table>\n<tr><td>x</td></tr>\n</table>\n");
}

}  // namespace
}  // namespace herald
