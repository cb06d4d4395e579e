// Quotations, alerts, footnotes at the end of their section and herald's own HTML blocks (contact cards) in PDFs.
#include <algorithm>
#include <string_view>

#include "markdown/alerts.h"
#include "markdown/footnotes.h"
#include "output/pdf/html_fragment.h"
#include "output/pdf/markdown_pdf.h"

namespace herald::pdf {

void MarkdownLayout::add_quote(cmark_node* node, const Region& region) {
  const AlertKind* alert = alert_of(node);
  Box box;
  box.rule = style_.palette.brand;
  box.pad_top = box.pad_bottom = style_.size * (alert ? 0.6 : 0.3);
  box.indent = region.indent;
  box.width = region.width;
  // An alert (markdown/alerts.h): a tinted box, its label in words first.
  if (alert) box.fill = style_.palette.tint;
  if (alert && (std::string_view(alert->modifier) == "warning" || std::string_view(alert->modifier) == "caution"))
    box.rule = kWarning;
  int id = flow_.add_box(box);
  int element = doc_.add_element(region.element, alert ? "Div" : "BlockQuote");
  Region inner{element, region.indent + style_.size * 1.1, region.width - style_.size * 1.9, region.boxes};
  inner.boxes.push_back(id);
  next_space_ = take_space(paragraph_space());
  if (alert) {
    RichText label;
    label.append(alert->label, InlineFormat{true});
    add_text(std::move(label), body_text(), inner, doc_.add_element(element, "P"), take_space(0));
    next_space_ = style_.size * 0.35;
  }
  add_blocks(cmark_node_first_child(node), nullptr, inner);
  next_space_.reset();
}

void MarkdownLayout::add_html_block(cmark_node* node, const Region& region) {
  // Herald's own HTML (contact cards): paragraphs of text, bold, links; a
  // contact card is a bordered box.
  Region current = region;
  std::vector<std::pair<bool, Region>> divs;  // opened a box?, the region before
  RichText text;
  InlineState state;
  auto flush = [&] {
    text.trim();
    if (!text.blank()) {
      int element = doc_.add_element(current.element, "P");
      add_text(std::move(text), body_text(), current, element, take_space(style_.size * 0.3));
    }
    text = RichText();
    state.link = -1;
  };
  bool first = true;
  for (const HtmlToken& t : tokenize_html(literal_of(node))) {
    if (t.type == HtmlToken::open && (t.name == "div" || t.name == "section" || t.name == "address")) {
      flush();
      bool card = t.klass.find("contact") != std::string::npos || t.klass.find("card") != std::string::npos;
      divs.push_back({card, current});
      if (card) {
        Box box;
        box.border = kRule;
        box.fill = style_.palette.tint;
        box.pad_top = box.pad_bottom = style_.size * 0.6;
        box.radius = 3;
        box.indent = current.indent;
        box.width = current.width;
        int id = flow_.add_box(box);
        int element = doc_.add_element(current.element, "Div");
        Region inner{element, current.indent + style_.size * 0.8, current.width - style_.size * 1.6,
                     current.boxes};
        inner.boxes.push_back(id);
        next_space_ = first ? take_space(paragraph_space()) : style_.size * 0.5;
        current = inner;
      }
      first = false;
      continue;
    }
    if (t.type == HtmlToken::close && (t.name == "div" || t.name == "section" || t.name == "address")) {
      flush();
      if (!divs.empty()) {
        current = divs.back().second;
        divs.pop_back();
      }
      continue;
    }
    if (t.type != HtmlToken::text && is_block_tag(t.name)) {
      flush();
      continue;
    }
    if (first && t.type == HtmlToken::text && collapse_spaces(t.value) == " ") continue;
    if (first) next_space_ = take_space(paragraph_space());
    first = false;
    add_html_token(t, text, state);
  }
  flush();
}

void MarkdownLayout::place_notes(cmark_node* root) {
  if (!root) return;
  note_groups_ = place_footnotes(root);
  for (size_t g = 0; g < note_groups_.size(); ++g) {
    const FootnoteGroup& group = note_groups_[g];
    if (group.before && !style_.notes_at_foot) notes_before_[group.before] = g;
    for (size_t i = 0; i < group.definitions.size(); ++i) {
      note_numbers_[group.definitions[i]] = group.numbers[i];
      note_definitions_[group.numbers[i]] = group.definitions[i];
    }
  }
}

void MarkdownLayout::add_notes_before(cmark_node* node, const Region& region) {
  auto it = notes_before_.find(node);
  if (it == notes_before_.end()) return;
  const FootnoteGroup& group = note_groups_[it->second];
  notes_before_.erase(it);
  for (cmark_node* definition : group.definitions) add_footnote(definition, region);
}

void MarkdownLayout::add_foot_notes(const RichText& text, const Region& region) {
  for (const auto& [at, number] : text.notes()) {
    auto definition = note_definitions_.find(number);
    if (definition == note_definitions_.end() || notes_done_.count(definition->second)) continue;
    // The note's lines, outside any box of the text, after it in the structure.
    int saved = current_note_;
    auto label = std::move(pending_label_);
    pending_label_ = nullptr;
    auto space = next_space_;
    bool after_heading = after_heading_;
    current_note_ = saved >= 0 ? saved : number;  // a note referred to in a note goes with it
    add_footnote(definition->second, Region{region.element, 0, style_.notes_width, {}});
    current_note_ = saved;
    pending_label_ = std::move(label);
    next_space_ = space;
    after_heading_ = after_heading;
  }
}

void MarkdownLayout::add_footnote(cmark_node* node, const Region& region) {
  if (!notes_done_.insert(node).second) return;  // shown at the end of its section already
  flush_label();
  TextStyle label_style = body_text();
  label_style.align = PANGO_ALIGN_RIGHT;
  int list = doc_.add_element(region.element, "L");
  int li = doc_.add_element(list, "LI");
  int lbl = doc_.add_element(li, "Lbl");
  int body = doc_.add_element(li, "LBody");
  // cmark numbers the definitions in the order of their first reference,
  // as the references show them.
  auto numbered = note_numbers_.find(node);
  int number = numbered != note_numbers_.end() ? numbered->second : footnotes_ + 1;
  footnotes_ = number;
  const std::string mark = "[" + std::to_string(number) + "]";
  // Room for "[1]" and more, and for "[10]" and on when they come.
  const double width = std::max(style_.size * 2.2, text_width(doc_, mark, label_style) + style_.size * 0.6);
  auto label = std::make_shared<TextBlock>(doc_, RichText(mark), label_style, width - style_.size * 0.4);
  pending_label_ = [label, lbl, width](PdfDocument& d, double x, double y, double baseline) {
    label->draw(d, x - width, y + baseline - label->line_baseline(0), lbl);
  };
  Region inner{body, region.indent + width, region.width - width, region.boxes};
  next_space_ = take_space(paragraph_space());
  add_blocks(cmark_node_first_child(node), nullptr, inner);
  flush_label();
}

}  // namespace herald::pdf
