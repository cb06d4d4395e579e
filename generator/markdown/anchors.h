// Heading anchors: stable, unique ids for every heading of a document.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace herald {

/// Hands out unique anchors in document order, GitHub-style: the slug of the
/// heading text, then `-2`, `-3`… for repeats; `section` when the text has
/// no letters or digits.
class AnchorSet {
 public:
  std::string make(std::string_view heading_text);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;
};

/// Puts ` id="anchor"` into the opening tag of a rendered heading
/// (`<h2>…</h2>` becomes `<h2 id="anchor">…</h2>`), and its number, when
/// it has one, before its text (`<h2 id="anchor"><span
/// class="herald-heading-number">2.1</span> …</h2>`).
std::string add_heading_id(std::string_view heading_html, std::string_view anchor, std::string_view number = {});

/// The number an author wrote at the start of a heading ("01 Purpose",
/// "1. Purpose", "3) Risks"): 1 to 3 digits followed by the end, a space,
/// `.`, `:` or `)`. 0 when there is none.
int heading_number_hint(std::string_view heading_text);

}  // namespace herald
