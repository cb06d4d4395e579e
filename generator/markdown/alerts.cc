// GitHub's alerts (`> [!NOTE]` …, and herald's `> [!DECISION]`): block quotes shown as labelled call-out boxes.
#include "markdown/alerts.h"

#include <fmt/format.h>

#include <cstdint>

#include "core/text.h"

namespace herald {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The word of a `[!WORD]` at the start of `text` (letters only), and the
/// length of the marker; empty when there is none.
std::string_view marker_word(std::string_view text, size_t* length) {
  if (!text.starts_with("[!")) return {};
  size_t end = 2;
  while (end < text.size() && end < 40 && is_letter(text[end])) ++end;
  if (end == 2 || end >= text.size() || text[end] != ']') return {};
  *length = end + 1;
  return text.substr(2, end - 2);
}

std::string allowed_list() {
  std::string list;
  const auto& kinds = alert_kinds();
  for (size_t i = 0; i < kinds.size(); ++i)
    list += fmt::format("{}[!{}]", i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ", kinds[i].marker);
  return list;
}

bool is_break(cmark_node* node) {
  cmark_node_type type = cmark_node_get_type(node);
  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

}  // namespace

const std::vector<AlertKind>& alert_kinds() {
  static const std::vector<AlertKind> kinds = {
      {"NOTE", "Note", "note"},          {"TIP", "Tip", "tip"},
      {"IMPORTANT", "Important", "important"}, {"WARNING", "Warning", "warning"},
      {"CAUTION", "Caution", "caution"}, {"DECISION", "Decision", "decision"},
  };
  return kinds;
}

const AlertKind* alert_of(cmark_node* node) {
  if (!node || cmark_node_get_type(node) != CMARK_NODE_BLOCK_QUOTE) return nullptr;
  auto tag = reinterpret_cast<uintptr_t>(cmark_node_get_user_data(node));
  const auto& kinds = alert_kinds();
  return tag >= 1 && tag <= kinds.size() ? &kinds[tag - 1] : nullptr;
}

void mark_alerts(cmark_node* root, const std::function<SourceLocation(cmark_node*, std::string_view)>& locate,
                 Diagnostics* diags) {
  std::vector<cmark_node*> quotes;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) quotes.push_back(node);
  }
  cmark_iter_free(iter);

  const auto& kinds = alert_kinds();
  for (cmark_node* quote : quotes) {
    cmark_node* paragraph = cmark_node_first_child(quote);
    if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) continue;
    cmark_node* text = cmark_node_first_child(paragraph);
    if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT) continue;
    std::string literal = cmark_node_get_literal(text);
    size_t length = 0;
    std::string_view word = marker_word(literal, &length);
    if (word.empty()) continue;
    std::string marker = upper(word);
    size_t found = kinds.size();
    for (size_t k = 0; k < kinds.size(); ++k)
      if (marker == kinds[k].marker) found = k;
    if (found == kinds.size()) {
      if (!diags) continue;
      std::vector<std::string> markers;
      for (const AlertKind& kind : kinds) markers.push_back(kind.marker);
      std::string meant = closest_match(marker, markers);
      diags->warning(locate(text, literal.substr(0, length)),
                     fmt::format("'{}' is not an alert herald knows, so this is shown as a plain quotation{}: "
                                 "an alert is {}",
                                 literal.substr(0, length),
                                 meant.empty() ? "" : " (did you mean '[!" + meant + "]'?)", allowed_list()));
      continue;
    }
    cmark_node_set_user_data(quote, reinterpret_cast<void*>(static_cast<uintptr_t>(found + 1)));
    // The marker out of the text; with it the line break after it, and the
    // paragraph if nothing is left of it (`> [!NOTE]` then `>` then the text).
    std::string_view rest = trim(std::string_view(literal).substr(length));
    if (!rest.empty()) {
      cmark_node_set_literal(text, std::string(rest).c_str());
      continue;
    }
    cmark_node* after = cmark_node_next(text);
    cmark_node_free(text);
    if (after && is_break(after)) cmark_node_free(after);
    if (!cmark_node_first_child(paragraph)) cmark_node_free(paragraph);
  }
}

std::string alert_open_html(const AlertKind& kind) {
  return fmt::format(
      "<div class=\"herald-alert herald-alert--{}\" role=\"note\">\n<p class=\"herald-alert__title\">"
      "<strong>{}</strong></p>\n",
      kind.modifier, kind.label);
}

}  // namespace herald
