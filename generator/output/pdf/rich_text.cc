// Pango layout of styled paragraphs and their tagged drawing, run by run.
#include "output/pdf/rich_text.h"

#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace herald::pdf {
namespace {

constexpr double kUnit = PANGO_SCALE;
/// A superscript or subscript: its size, and how far its baseline moves, as
/// a share of the text's size.
constexpr double kScriptSize = 0.72;
constexpr double kSuperscriptRise = 0.36;
constexpr double kSubscriptDrop = 0.16;
/// Text in <small>.
constexpr double kSmallSize = 0.85;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

void RichText::append(std::string_view text, InlineFormat format, int link) {
  if (text.empty()) return;
  size_t start = text_.size();
  text_.append(text);
  if (!ranges_.empty() && ranges_.back().format == format && ranges_.back().link == link &&
      ranges_.back().end == start) {
    ranges_.back().end = text_.size();
  } else {
    ranges_.push_back({start, text_.size(), format, link});
  }
}

int RichText::add_link(LinkTarget target) {
  links_.push_back(std::move(target));
  return static_cast<int>(links_.size()) - 1;
}

int RichText::add_abbreviation(std::string expansion) {
  abbreviations_.push_back(std::move(expansion));
  return static_cast<int>(abbreviations_.size()) - 1;
}

void RichText::trim() {
  size_t begin = 0, end = text_.size();
  while (begin < end && is_space(text_[begin])) ++begin;
  while (end > begin && is_space(text_[end - 1])) --end;
  if (begin == 0 && end == text_.size()) return;
  std::vector<Range> kept;
  for (Range r : ranges_) {
    r.start = std::max(r.start, begin);
    r.end = std::min(r.end, end);
    if (r.start >= r.end) continue;
    r.start -= begin;
    r.end -= begin;
    kept.push_back(r);
  }
  text_ = text_.substr(begin, end - begin);
  ranges_ = std::move(kept);
  for (auto& [at, note] : notes_) at = std::clamp(at, begin, end) - begin;
}

bool RichText::blank() const { return std::all_of(text_.begin(), text_.end(), is_space); }

bool RichText::has_links() const {
  return std::any_of(ranges_.begin(), ranges_.end(), [](const Range& r) { return r.link >= 0; });
}

std::string RichText::link_text(int link) const {
  std::string out;
  for (const Range& r : ranges_)
    if (r.link == link) out += text_.substr(r.start, r.end - r.start);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

PangoFontDescription* font_for(const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.mono ? kMonoFamily : kSansFamily);
  pango_font_description_set_absolute_size(font, style.size * kUnit);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

double text_width(PdfDocument& doc, std::string_view text, const TextStyle& style) {
  LayoutPtr layout = doc.new_layout();
  PangoFontDescription* font = font_for(style);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return logical.width / kUnit;
}

double widest_word(PdfDocument& doc, const std::string& text, const TextStyle& style) {
  LayoutPtr layout = doc.new_layout();
  PangoFontDescription* font = font_for(style);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  double widest = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j > i) {
      pango_layout_set_text(layout.get(), text.data() + i, static_cast<int>(j - i));
      PangoRectangle logical;
      pango_layout_get_extents(layout.get(), nullptr, &logical);
      widest = std::max(widest, logical.width / kUnit);
    }
    i = j;
  }
  return widest;
}

TextBlock::TextBlock(PdfDocument& doc, RichText text, const TextStyle& style, double width)
    : text_(std::move(text)), style_(style), layout_(doc.new_layout()), uid_(doc.next_uid()) {
  PangoLayout* layout = layout_.get();
  PangoFontDescription* font = font_for(style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>(std::max(1.0, width) * kUnit));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, style.align);
  pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  if (style.hanging > 0)
    pango_layout_set_indent(layout, static_cast<int>(-style.hanging * kUnit));
  else if (style.first_indent > 0)
    pango_layout_set_indent(layout, static_cast<int>(style.first_indent * kUnit));

  PangoAttrList* attrs = pango_attr_list_new();
  auto add = [&](PangoAttribute* a, const RichText::Range& r) {
    a->start_index = static_cast<guint>(r.start);
    a->end_index = static_cast<guint>(r.end);
    pango_attr_list_insert(attrs, a);
  };
  for (const RichText::Range& r : text_.ranges()) {
    if (r.format.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), r);
    if (r.format.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC), r);
    if (r.format.code) {
      add(pango_attr_family_new(kMonoFamily), r);
      // Monospace runs wide: a little smaller, but never below the body minimum.
      double size = style.size >= kMinBodySize ? std::max(kMinBodySize, style.size * 0.92) : style.size;
      add(pango_attr_size_new_absolute(static_cast<int>(size * kUnit)), r);
    }
    if (r.format.strike) add(pango_attr_strikethrough_new(TRUE), r);
    if (r.format.small && !r.format.code && r.format.script == 0)
      add(pango_attr_size_new_absolute(
              static_cast<int>(std::max(std::min(style.size, kMinBodySize), style.size * kSmallSize) * kUnit)),
          r);
    if (r.format.script != 0) {
      add(pango_attr_size_new_absolute(static_cast<int>(style.size * kScriptSize * kUnit)), r);
      // Raised or lowered when drawn (draw_line): the rise of one unit only
      // keeps a superscript and a subscript side by side in separate runs.
      add(pango_attr_rise_new(r.format.script), r);
    }
    // Attributes that only keep differently drawn text in separate runs.
    if (r.format.mark) add(pango_attr_background_new(65535, 61680, 39321), r);
    if (r.format.abbreviation >= 0)
      add(pango_attr_foreground_new(0, static_cast<guint16>(1 + r.format.abbreviation % 65535), 0), r);
    if (r.format.on_brand) add(pango_attr_foreground_new(65535, 65535, 65535), r);
    // A distinct attribute per link keeps two neighbouring links in separate runs.
    if (r.link >= 0) add(pango_attr_foreground_new(0, 0, static_cast<guint16>(r.link % 65536)), r);
    // An address shown as the link text moves to the next line whole rather
    // than breaking after "https://", when it fits on a line at all.
    std::string_view shown(text_.text().data() + r.start, r.end - r.start);
    if (r.link >= 0 && shown.substr(0, 4) == "http" && shown.find(' ') == std::string_view::npos &&
        text_width(doc, shown, style) < width)
      add(pango_attr_allow_breaks_new(FALSE), r);
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_text(layout, text_.text().data(), static_cast<int>(text_.text().size()));

  const auto& ranges = text_.ranges();
  auto range_at = [&](int offset) -> size_t {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), static_cast<size_t>(offset),
                               [](size_t o, const RichText::Range& r) { return o < r.start; });
    return it == ranges.begin() ? 0 : static_cast<size_t>(it - ranges.begin()) - 1;
  };

  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    Line line;
    line.top = y0 / kUnit;
    line.height = (y1 - y0) / kUnit;
    line.baseline = pango_layout_iter_get_baseline(iter) / kUnit - line.top;
    lines_.push_back(line);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);

  // Runs, line by line.
  iter = pango_layout_get_iter(layout);
  size_t index = 0;
  int current_line = 0;
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) {
      // The end of a line.
      ++current_line;
      continue;
    }
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(iter, nullptr, &logical);
    index = static_cast<size_t>(current_line);
    if (index < lines_.size()) {
      Run r;
      r.run = run;
      r.x = logical.x / kUnit;
      r.width = logical.width / kUnit;
      r.range = ranges.empty() ? 0 : range_at(run->item->offset);
      lines_[index].runs.push_back(r);
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);

  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  total_height_ = logical.height / kUnit;
  for (const Line& line : lines_)
    for (const Run& r : line.runs) used_width_ = std::max(used_width_, r.x + r.width);
  // Each line reaches the next one's top, so that placing lines one under
  // the other reproduces Pango's spacing.
  for (size_t i = 0; i + 1 < lines_.size(); ++i) lines_[i].height = lines_[i + 1].top - lines_[i].top;
  if (!lines_.empty())
    lines_.back().height = std::max(lines_.back().height, total_height_ - lines_.back().top);
  positions_.resize(lines_.size());
}

size_t TextBlock::line_at(size_t index) const {
  int line = 0, x = 0;
  pango_layout_index_to_line_x(layout_.get(), static_cast<int>(std::min(index, text_.text().size())), FALSE, &line,
                               &x);
  return std::min(static_cast<size_t>(std::max(line, 0)), lines_.empty() ? 0 : lines_.size() - 1);
}

double TextBlock::height() const {
  double h = 0;
  for (const Line& line : lines_) h += line.height;
  return h;
}

bool TextBlock::run_extent(size_t line, size_t index, double* x, double* width) const {
  if (line >= lines_.size() || index >= lines_[line].runs.size()) return false;
  *x = lines_[line].runs[index].x;
  *width = lines_[line].runs[index].width;
  return true;
}

void TextBlock::place_line(size_t i, int page, double x, double y) {
  if (i < positions_.size()) positions_[i] = {page, x, y};
}

std::string TextBlock::link_attributes(int link, int page) const {
  const LinkTarget& target = text_.links()[link];
  std::string out = target.destination.empty()
                        ? fmt::format("uri='{}'", tag_string(safe_uri(target.uri)))
                        : fmt::format("dest='{}'", tag_string(safe_destination(target.destination)));
  std::string rects;
  const auto& ranges = text_.ranges();
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (positions_[i].page != page) continue;
    double start = -1, end = -1;
    auto flush = [&] {
      if (start >= 0)
        rects += fmt::format("{:.2f} {:.2f} {:.2f} {:.2f} ", positions_[i].x + start, positions_[i].y,
                             end - start, lines_[i].height);
      start = end = -1;
    };
    for (const Run& r : lines_[i].runs) {
      if (ranges[r.range].link != link) {
        flush();
        continue;
      }
      if (start < 0) start = r.x;
      end = r.x + r.width;
    }
    flush();
  }
  if (!rects.empty()) {
    rects.pop_back();
    out += " rect=[" + rects + "]";
  }
  return out;
}

void TextBlock::draw_line(PdfDocument& doc, size_t i, double x, double y, int element) const {
  if (i >= lines_.size()) return;
  cairo_t* cr = doc.cr();
  const Line& line = lines_[i];
  const bool artifact = element < 0;
  const bool inlines = !artifact && (text_.has_links() || text_.has_abbreviations());
  const auto& ranges = text_.ranges();
  const int page = positions_[i].page ? positions_[i].page : doc.page_number();
  // A stretch is one link, or one abbreviation outside links, or plain text
  // between them (consecutive plain ranges of different formats share it).
  auto same_stretch = [](const RichText::Range& a, const RichText::Range& b) {
    return a.link == b.link && (a.link >= 0 || a.format.abbreviation == b.format.abbreviation);
  };
  if (artifact)
    doc.leave_leaves();
  else if (!inlines)
    doc.enter(element);
  for (const Run& r : line.runs) {
    const RichText::Range& range = ranges.empty() ? RichText::Range{} : ranges[r.range];
    if (inlines) {
      // One inline per stretch: a Link, or a Span (an abbreviation's with its expansion).
      size_t first = r.range;
      while (first > 0 && same_stretch(ranges[first - 1], range)) --first;
      uint64_t key = (uid_ << 20) | first;
      if (!doc.inline_open(key)) {
        if (range.link >= 0) {
          doc.enter_inline(element, "Link", link_attributes(range.link, page), key);
          doc.note_link(text_.link_text(range.link));
        } else {
          doc.enter_inline(element, "Span", "", key);
          doc.note_span(range.format.abbreviation >= 0 ? text_.abbreviation(range.format.abbreviation) : "");
        }
      }
    }
    const InlineFormat& format = range.format;
    const double size = format.script != 0 ? style_.size * kScriptSize : style_.size;
    double baseline = y + line.baseline;
    if (format.script > 0) baseline -= style_.size * kSuperscriptRise;
    if (format.script < 0) baseline += style_.size * kSubscriptDrop;
    if (format.mark) {
      cairo_set_source_rgb(cr, kHighlight.r, kHighlight.g, kHighlight.b);
      cairo_rectangle(cr, x + r.x, baseline - size * 0.95, r.width, size * 1.22);
      cairo_fill(cr);
    }
    Rgb colour = format.on_brand ? kWhite : range.link >= 0 ? style_.link_colour : style_.colour;
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_move_to(cr, x + r.x, baseline);
    pango_cairo_show_glyph_item(cr, text_.text().c_str(), r.run);
    if (range.link >= 0 || format.strike) {
      double thickness = std::max(0.5, size * 0.06);
      double offset = range.link >= 0 ? size * 0.14 : -size * 0.28;
      cairo_rectangle(cr, x + r.x, baseline + offset, r.width, thickness);
      cairo_fill(cr);
    }
  }
}

void TextBlock::draw(PdfDocument& doc, double x, double y, int element) {
  double top = y;
  for (size_t i = 0; i < lines_.size(); ++i) {
    place_line(i, doc.page_number(), x, top);
    top += lines_[i].height;
  }
  top = y;
  for (size_t i = 0; i < lines_.size(); ++i) {
    draw_line(doc, i, x, top, element);
    top += lines_[i].height;
  }
}

}  // namespace herald::pdf
