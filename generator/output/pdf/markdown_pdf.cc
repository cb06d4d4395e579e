// Markdown blocks and inlines to flow items: the walk over the cmark-gfm tree shared with the HTML.
#include "output/pdf/markdown_pdf.h"

#include <cmark-gfm-core-extensions.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "content/languages.h"
#include "markdown/chart.h"
#include "markdown/document.h"
#include "markdown/gfm.h"
#include "markdown/plain_text.h"
#include "output/pdf/html_fragment.h"
#include "output/pdf/pdf_links.h"

namespace herald::pdf {
namespace {

const char* heading_role(int level) {
  static const char* roles[] = {"H1", "H1", "H2", "H3", "H4", "H5", "H6"};
  return roles[std::clamp(level, 1, 6)];
}

bool is_type(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, name) == 0;
}

/// The configuration a link of the page leads into: the site's top (the
/// default language's) for a link to a file of static/, published there
/// once, else the page's language's.
const Config& link_config(const MarkdownSource& source, std::string_view url) {
  const Library* lib = source.library;
  if (lib && lib->default_language && url.size() > 1 && url[0] == '/' && url[1] != '/' &&
      leads_to_top(*lib, url.substr(1)))
    return lib->default_language->config;
  return *source.config;
}

}  // namespace

std::string collapse_spaces(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

std::string MarkdownLayout::literal_of_node(cmark_node* node) { return literal_of(node); }

void PdfWarnings::add(int line, std::string message) {
  for (const auto& [l, m] : items_)
    if (l == line && m == message) return;
  items_.emplace_back(line, std::move(message));
}

void PdfWarnings::report(Diagnostics& diags, const std::string& path) const {
  for (const auto& [line, message] : items_) diags.warning({path, line, line > 0 ? 1 : 0}, message);
}

MarkdownLayout::MarkdownLayout(PdfDocument& doc, Flow& flow, const MarkdownSource& source,
                               const BodyStyle& style)
    : doc_(doc), flow_(flow), source_(source), style_(style), last_heading_level_(style.top_heading - 1) {
  if (source.doc) place_notes(source.doc->root());
}

TextStyle MarkdownLayout::body_text() const {
  TextStyle t;
  t.size = style_.size;
  t.line_spacing = style_.line_spacing;
  t.colour = kText;
  t.link_colour = style_.palette.brand_text;
  return t;
}

TextStyle MarkdownLayout::heading_text(int level) const {
  TextStyle t = body_text();
  t.bold = true;
  t.colour = style_.palette.brand_text;
  t.line_spacing = 1.15;
  t.size = level <= 2 ? style_.size * 1.45 : level == 3 ? style_.size * 1.2 : style_.size * 1.05;
  return t;
}

int MarkdownLayout::line_of(cmark_node* node) const {
  int line = cmark_node_get_start_line(node);
  return line > 0 ? line + source_.line_offset : 0;
}

void MarkdownLayout::warn(int line, std::string message) {
  if (source_.warnings) source_.warnings->add(line, std::move(message));
}

double MarkdownLayout::take_space(double normal) {
  double space = normal;
  if (next_space_)
    space = *next_space_;
  else if (after_heading_)
    space = style_.size * 0.3;
  next_space_.reset();
  after_heading_ = false;
  return space;
}

void MarkdownLayout::add_item(Item item, double label_baseline) {
  if (current_note_ >= 0) {
    item.note = current_note_;
    item.boxes.clear();
  }
  if (pending_label_) {
    auto label = std::move(pending_label_);
    pending_label_ = nullptr;
    auto draw = std::move(item.draw);
    item.draw = [label, draw, label_baseline](PdfDocument& d, double x, double y) {
      label(d, x, y, label_baseline);
      if (draw) draw(d, x, y);
    };
  }
  flow_.add(std::move(item));
}

void MarkdownLayout::flush_label() {
  if (!pending_label_) return;
  Item item;
  item.height = style_.size * style_.line_spacing;
  item.space_before = take_space(0);
  add_item(std::move(item), style_.size);
}

void MarkdownLayout::add_blocks(cmark_node* first, cmark_node* stop, const Region& region) {
  for (cmark_node* node = first; node && node != stop; node = cmark_node_next(node)) add_block(node, region);
}

void MarkdownLayout::add_block(cmark_node* node, const Region& region) {
  if (!notes_before_.empty()) add_notes_before(node, region);
  if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) run_in_ = 0;
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      add_paragraph(node, region);
      return;
    case CMARK_NODE_HEADING:
      add_heading(node, region);
      return;
    case CMARK_NODE_LIST:
      add_list(node, region);
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      add_quote(node, region);
      return;
    case CMARK_NODE_CODE_BLOCK:
      if (is_chart_block(node))
        add_chart(node, region);
      else
        add_code(node, region);
      return;
    case CMARK_NODE_THEMATIC_BREAK:
      add_rule(region);
      return;
    case CMARK_NODE_HTML_BLOCK:
      add_html_block(node, region);
      return;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      add_footnote(node, region);
      return;
    default:
      break;
  }
  if (is_gfm_table(node) || is_type(node, "table")) {
    add_table(node, region);
    return;
  }
  add_blocks(cmark_node_first_child(node), nullptr, region);
}

void MarkdownLayout::add_text(RichText text, const TextStyle& style, const Region& region, int element,
                              double space_before, int heading_level, const std::string& anchor) {
  if (text.blank()) {
    flush_label();
    return;
  }
  auto block = std::make_shared<TextBlock>(doc_, std::move(text), style, region.width);
  const size_t n = block->line_count();
  std::string title;
  if (heading_level > 0) {
    title = block->text().text();
    std::replace(title.begin(), title.end(), '\n', ' ');
  }
  const bool rule =
      heading_level > 0 && heading_level <= style_.top_heading && style_.rule_above_top_headings;
  const Rgb rule_colour = style_.palette.brand;
  const double rule_width = region.width;
  std::vector<std::vector<int>> line_notes(n);  // the footnotes each line refers to
  if (style_.notes_at_foot)
    for (const auto& [at, number] : block->text().notes()) line_notes[block->line_at(at)].push_back(number);
  for (size_t i = 0; i < n; ++i) {
    Item item;
    item.notes = line_notes[i];
    item.height = block->line_height(i);
    item.space_before = i == 0 ? space_before : 0;
    item.indent = region.indent;
    item.boxes = region.boxes;
    item.keep_with_next = heading_level > 0 || (i == 0 && n >= 2) || (n >= 4 && i == n - 2);
    item.place = [block, i](int page, double x, double y) { block->place_line(i, page, x, y); };
    if (i == 0 && heading_level > 0 && !anchor.empty() && heading_placed_)
      item.place = [block, i, anchor, placed = heading_placed_](int page, double x, double y) {
        block->place_line(i, page, x, y);
        placed(anchor, page);
      };
    const bool first = i == 0;
    item.draw = [block, i, element, first, heading_level, anchor, title, rule, rule_colour, rule_width](
                    PdfDocument& d, double x, double y) {
      if (first && heading_level > 0) {
        if (rule) {
          d.leave_leaves();
          cairo_set_source_rgb(d.cr(), rule_colour.r, rule_colour.g, rule_colour.b);
          cairo_rectangle(d.cr(), x, y - 6, rule_width, 1.25);
          cairo_fill(d.cr());
        }
        if (!anchor.empty()) {
          std::string dest = safe_destination(anchor);
          d.add_destination(dest, x, y);
          d.add_heading_bookmark(heading_level, title, dest);
        }
      }
      block->draw_line(d, i, x, y, element);
    };
    add_item(std::move(item), block->line_baseline(0));
  }
  if (style_.notes_at_foot) add_foot_notes(block->text(), region);
}

RichText MarkdownLayout::inline_text(cmark_node* node) {
  RichText out;
  InlineState state;
  collect_inlines(node, out, state);
  out.trim();
  return out;
}

void MarkdownLayout::collect_inlines(cmark_node* node, RichText& out, InlineState& state) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
        out.append(literal_of(child), state.format, state.link);
        break;
      case CMARK_NODE_SOFTBREAK:
        out.append(" ", state.format, state.link);
        break;
      case CMARK_NODE_LINEBREAK:
        out.append("\n", state.format, state.link);
        break;
      case CMARK_NODE_CODE: {
        InlineFormat f = state.format;
        f.code = true;
        out.append(literal_of(child), f, state.link);
        break;
      }
      case CMARK_NODE_HTML_INLINE:
        add_inline_html(literal_of(child), out, state);
        break;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG: {
        InlineFormat saved = state.format;
        if (cmark_node_get_type(child) == CMARK_NODE_EMPH)
          state.format.italic = true;
        else
          state.format.bold = true;
        collect_inlines(child, out, state);
        state.format = saved;
        break;
      }
      case CMARK_NODE_LINK: {
        int saved = state.link;
        const char* url = cmark_node_get_url(child);
        auto target = resolve_link(url ? url : "", link_config(source_, url ? url : ""), source_.page_url,
                                   source_.destinations);
        if (target && state.link < 0) state.link = out.add_link(*target);
        collect_inlines(child, out, state);
        state.link = saved;
        break;
      }
      case CMARK_NODE_IMAGE:
        break;  // a figure after the paragraph
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        InlineFormat f = state.format;
        out.mark_note(std::atoi(literal_of(child).c_str()));
        out.append("[" + literal_of(child) + "]", f, state.link);
        break;
      }
      default: {
        InlineFormat saved = state.format;
        if (is_type(child, "strikethrough")) state.format.strike = true;
        collect_inlines(child, out, state);
        state.format = saved;
      }
    }
  }
}

void MarkdownLayout::add_inline_html(const std::string& html, RichText& out, InlineState& state) {
  for (const HtmlToken& t : tokenize_html(html)) add_html_token(t, out, state);
}

void MarkdownLayout::add_html_token(const HtmlToken& t, RichText& out, InlineState& state) {
  switch (t.type) {
    case HtmlToken::text:
      out.append(collapse_spaces(t.value), state.format, state.link);
      break;
    case HtmlToken::open: {
      if (t.name == "br") {
        out.append("\n", state.format, state.link);
        break;
      }
      if (is_block_tag(t.name)) {
        out.append(" ", state.format, state.link);
        break;
      }
      OpenHtml opened{t.name, state.format, state.link};
      InlineFormat& f = state.format;
      if (t.name == "a") {
        auto target = resolve_link(t.href, link_config(source_, t.href), source_.page_url, source_.destinations);
        if (target && state.link < 0) state.link = out.add_link(*target);
      } else if (t.name == "strong" || t.name == "b") {
        f.bold = true;
      } else if (t.name == "em" || t.name == "i") {
        f.italic = true;
      } else if (t.name == "sup" || t.name == "sub") {
        f.script = t.name == "sup" ? 1 : -1;
      } else if (t.name == "kbd") {
        f.code = true;
      } else if (t.name == "mark") {
        f.mark = true;
      } else if (t.name == "small") {
        f.small = true;
      } else if (t.name == "s") {
        f.strike = true;
      } else if (t.name == "abbr") {
        if (!t.title.empty()) f.abbreviation = out.add_abbreviation(t.title);
      } else {
        break;
      }
      state.html_stack.push_back(std::move(opened));
      break;
    }
    case HtmlToken::close:
      // Each element puts back what it changed (the rest may have changed
      // since, around it: an emphasis inside <sup> is closed by then).
      for (size_t k = state.html_stack.size(); k-- > 0;) {
        const OpenHtml& open = state.html_stack[k];
        if (open.name != t.name) continue;
        InlineFormat& f = state.format;
        if (t.name == "a")
          state.link = open.link;
        else if (t.name == "strong" || t.name == "b")
          f.bold = open.format.bold;
        else if (t.name == "em" || t.name == "i")
          f.italic = open.format.italic;
        else if (t.name == "sup" || t.name == "sub")
          f.script = open.format.script;
        else if (t.name == "kbd")
          f.code = open.format.code;
        else if (t.name == "mark")
          f.mark = open.format.mark;
        else if (t.name == "small")
          f.small = open.format.small;
        else if (t.name == "s")
          f.strike = open.format.strike;
        else if (t.name == "abbr")
          f.abbreviation = open.format.abbreviation;
        state.html_stack.erase(state.html_stack.begin() + static_cast<long>(k));
        break;
      }
      if (is_block_tag(t.name)) out.append(" ", state.format, state.link);
      break;
  }
}

void MarkdownLayout::add_paragraph(cmark_node* node, const Region& region) {
  bool only_images = true, any_image = false;
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_IMAGE)
      any_image = true;
    else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
      continue;
    else if (type == CMARK_NODE_TEXT &&
             collapse_spaces(literal_of(c)).find_first_not_of(' ') == std::string::npos)
      continue;
    else
      only_images = false;
  }
  if (!(only_images && any_image)) {
    RichText text = inline_text(node);
    if (!text.blank()) {
      int element = doc_.add_element(region.element, "P");
      TextStyle style = body_text();
      if (run_in_ > 0) {
        style.first_indent = run_in_;
        run_in_used_ = true;
      }
      add_text(std::move(text), style, region, element, take_space(paragraph_space()));
    }
  }
  run_in_ = 0;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  std::vector<cmark_node*> images;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == CMARK_NODE_IMAGE)
      images.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  for (cmark_node* image : images) {
    const char* url = cmark_node_get_url(image);
    add_image(url ? url : "", plain_text(image, true), line_of(image), region);
  }
}

void MarkdownLayout::add_heading(cmark_node* node, const Region& region) {
  flush_label();
  const Heading* heading = source_.doc ? source_.doc->heading_at(node) : nullptr;
  int level = std::clamp(cmark_node_get_heading_level(node), style_.top_heading, 6);
  level = std::min(level, last_heading_level_ + 1);  // the tag tree never skips a level
  last_heading_level_ = level;
  int element = doc_.add_element(region.element, heading_role(level));
  double space = take_space(level <= style_.top_heading ? style_.size * 1.5 : style_.size * 1.1);
  // A report's heading has its number (markdown/document.h: Heading::number).
  RichText text;
  if (heading && !heading->number.empty()) text.append(heading->number + " ", {});
  InlineState state;
  collect_inlines(node, text, state);
  text.trim();
  add_text(std::move(text), heading_text(level), region, element, space, level,
           heading ? heading->anchor : std::string());
  after_heading_ = true;
}

void MarkdownLayout::add_list(cmark_node* node, const Region& region) {
  flush_label();
  ++list_depth_;
  const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
  const int start = cmark_node_get_list_start(node);
  const bool tight = cmark_node_get_list_tight(node) != 0;
  const std::string delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".";
  int count = 0;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) ++count;
  TextStyle label_style = body_text();
  label_style.align = PANGO_ALIGN_RIGHT;
  const double gap = style_.size * 0.45;
  double label_width =
      ordered ? text_width(doc_, std::to_string(start + std::max(0, count - 1)) + delim, label_style) + gap
              : style_.size * 1.3;
  bool tasks = false;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item))
    tasks = tasks || is_type(item, "tasklist");
  if (tasks) label_width = std::max(label_width, style_.size * 1.6);
  label_width = std::min(label_width, region.width / 3);

  int list = doc_.add_element(region.element, "L");
  const double first_space = take_space(paragraph_space());
  int n = 0;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), ++n) {
    int li = doc_.add_element(list, "LI");
    int lbl = doc_.add_element(li, "Lbl");
    int body = doc_.add_element(li, "LBody");
    std::string label_text;
    if (is_type(item, "tasklist"))
      label_text = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "\u2611" : "\u2610";
    else if (ordered)
      label_text = std::to_string(start + n) + delim;
    else
      label_text = list_depth_ == 1 ? "\u2022" : list_depth_ == 2 ? "\u25E6" : "\u25AA";
    auto label = std::make_shared<TextBlock>(doc_, RichText(label_text), label_style, label_width - gap);
    pending_label_ = [label, lbl, label_width](PdfDocument& d, double x, double y, double baseline) {
      label->draw(d, x - label_width, y + baseline - label->line_baseline(0), lbl);
    };
    Region inner{body, region.indent + label_width, region.width - label_width, region.boxes};
    next_space_ = n == 0 ? first_space : tight ? style_.size * 0.2 : paragraph_space();
    add_blocks(cmark_node_first_child(item), nullptr, inner);
    flush_label();  // an empty item: the label alone
  }
  --list_depth_;
  next_space_.reset();
}

void MarkdownLayout::add_code(cmark_node* node, const Region& region) {
  std::string code = literal_of(node);
  while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
  if (code.empty()) return;
  const double pad = 6;
  Box box;
  box.fill = kCodeBackground;
  box.pad_top = box.pad_bottom = pad;
  box.radius = 3;
  box.indent = region.indent;
  box.width = region.width;
  int id = flow_.add_box(box);
  TextStyle style = body_text();
  style.mono = true;
  style.size = std::max(kMinBodySize, style_.size * 0.9);
  style.line_spacing = 1.25;
  int element = doc_.add_element(region.element, "P");
  Region inner{element, region.indent + pad, region.width - 2 * pad, region.boxes};
  inner.boxes.push_back(id);
  add_text(RichText(code), style, inner, element, take_space(paragraph_space()));
}

void MarkdownLayout::add_rule(const Region& region) {
  flush_label();
  Item item;
  item.height = style_.size * 1.2;
  item.space_before = take_space(paragraph_space());
  item.indent = region.indent;
  item.boxes = region.boxes;
  const double width = region.width, height = item.height;
  item.draw = [width, height](PdfDocument& d, double x, double y) {
    d.leave_leaves();
    cairo_set_source_rgb(d.cr(), kRule.r, kRule.g, kRule.b);
    cairo_rectangle(d.cr(), x, y + height / 2, width, 0.75);
    cairo_fill(d.cr());
  };
  add_item(std::move(item), 0);
}

}  // namespace herald::pdf
