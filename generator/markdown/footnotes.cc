// GitHub's footnotes placed at the end of the section (between `##` headings) that first refers to each.
#include "markdown/footnotes.h"

#include <cstdlib>
#include <utility>

namespace herald {
namespace {

bool starts_section(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) <= 2;
}

}  // namespace

std::vector<FootnoteGroup> place_footnotes(cmark_node* root) {
  std::vector<cmark_node*> definitions, boundaries;
  for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) definitions.push_back(node);
    if (starts_section(node)) boundaries.push_back(node);
  }
  if (definitions.empty()) return {};
  auto index_of = [&](cmark_node* definition) {
    for (size_t i = 0; i < definitions.size(); ++i)
      if (definitions[i] == definition) return static_cast<int>(i);
    return -1;
  };

  // A reference's literal is its number: the definition's place among them.
  std::vector<int> section(definitions.size(), -1);
  std::vector<std::pair<int, int>> nested;  // (note referring, note referred to)
  int current = 0;
  cmark_node* top = nullptr;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    if (cmark_node_parent(node) == root) {
      top = node;
      if (starts_section(node)) ++current;
    }
    if (cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_REFERENCE) continue;
    const char* literal = cmark_node_get_literal(node);
    int number = literal ? std::atoi(literal) : 0;
    if (number < 1 || number > static_cast<int>(definitions.size())) continue;
    int inside = top ? index_of(top) : -1;
    if (inside >= 0)
      nested.emplace_back(inside, number - 1);
    else if (section[number - 1] < 0)
      section[number - 1] = current;
  }
  cmark_iter_free(iter);
  for (bool changed = true; changed;) {
    changed = false;
    for (auto [from, to] : nested)
      if (section[to] < 0 && section[from] >= 0) {
        section[to] = section[from];
        changed = true;
      }
  }

  const int sections = static_cast<int>(boundaries.size()) + 1;
  std::vector<FootnoteGroup> groups;
  for (int s = 0; s < sections; ++s) {
    FootnoteGroup group;
    group.before = s + 1 < sections ? boundaries[s] : nullptr;
    for (size_t i = 0; i < definitions.size(); ++i) {
      int placed = section[i] < 0 ? sections - 1 : section[i];
      if (placed != s) continue;
      group.definitions.push_back(definitions[i]);
      group.numbers.push_back(static_cast<int>(i) + 1);
    }
    if (!group.definitions.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace herald
