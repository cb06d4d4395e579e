// Shared pieces of the print layouts: metadata from git, title bands, page furniture, paging.
#include "output/pdf/print_common.h"

#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <stdexcept>

#include "core/datetime.h"
#include "markdown/document.h"
#include "templates/words.h"

namespace herald::pdf {

PdfMetadata metadata_for(const PdfJob& job) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  PdfMetadata m;
  m.title = page.title.empty() ? page.slug : page.title;
  m.author = config.title;
  m.subject = page.summary;
  for (const auto& topic : page.topics) m.keywords += (m.keywords.empty() ? "" : ", ") + topic;
  m.language = config.language.empty() ? "en-GB" : config.language;
  // Dates from git, never the clock: the same commit gives the same bytes.
  int64_t when = page.last_commit          ? page.last_commit
                 : job.library.commit_time ? job.library.commit_time
                 : page.date               ? page.date->utc_seconds
                                           : 0;
  m.created = when;
  m.offset_seconds = config.zone().offset_at(when);
  return m;
}

MarkdownSource markdown_source(const PdfJob& job) {
  MarkdownSource s;
  s.doc = job.page.doc.get();
  s.config = &job.library.config;
  s.library = &job.library;
  s.page_url = job.page.url;
  s.line_offset = job.page.body_line_offset;
  s.files = &job.files;
  s.warnings = &job.warnings;
  if (s.doc)
    for (const auto& h : s.doc->headings()) s.destinations.insert(h.anchor);
  return s;
}

std::string last_updated_text(const PdfJob& job) {
  if (!job.page.last_commit) return "";
  return format_human_date(in_zone(job.page.last_commit, job.library.config.zone(), false));
}

void draw_furniture(PdfDocument& doc, const std::string& text, const TextStyle& style, double x, double y,
                    double width) {
  doc.leave_leaves();
  LayoutPtr layout = doc.new_layout();
  PangoFontDescription* font = font_for(style);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  cairo_t* cr = doc.cr();
  cairo_set_source_rgb(cr, style.colour.r, style.colour.g, style.colour.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
}

void add_plain_lines(PdfDocument& doc, Flow& flow, RichText text, const TextStyle& style,
                     const Region& region, int element, double space_before, bool keep_with_next) {
  text.trim();
  if (text.blank()) return;
  auto block = std::make_shared<TextBlock>(doc, std::move(text), style, region.width);
  for (size_t i = 0; i < block->line_count(); ++i) {
    Item item;
    item.height = block->line_height(i);
    item.space_before = i == 0 ? space_before : 0;
    item.indent = region.indent;
    item.boxes = region.boxes;
    item.keep_with_next = keep_with_next;
    item.place = [block, i](int page, double x, double y) { block->place_line(i, page, x, y); };
    item.draw = [block, i, element](PdfDocument& d, double x, double y) {
      block->draw_line(d, i, x, y, element);
    };
    flow.add(std::move(item));
  }
}

BandStyles band_styles(double title_size) {
  BandStyles s;
  s.kicker.size = 11;
  s.kicker.bold = true;
  s.kicker.colour = kWhite;
  s.kicker.link_colour = kWhite;
  s.facts = s.kicker;
  s.facts.bold = false;
  s.facts.size = 10.5;
  s.title = s.kicker;
  s.title.size = title_size;
  s.title.line_spacing = 1.1;
  return s;
}

Region add_title_band(Flow& flow, const Palette& palette, int element, double pad_top, double pad_bottom) {
  Box band;
  band.fill = palette.brand;
  band.pad_top = pad_top;
  band.pad_bottom = pad_bottom;
  band.indent = -kMargin;
  band.width = kPageWidth;
  int id = flow.add_box(band);
  return Region{element, 0, kContentWidth, {id}};
}

void draw_page_number(PdfDocument& doc, int page, int pages) {
  TextStyle style;
  style.size = 8.5;
  style.colour = kMuted;
  style.align = PANGO_ALIGN_RIGHT;
  draw_furniture(doc, fmt::format(fmt::runtime(tr("Page {} of {}")), page + 1, pages), style, kMargin, kFooterTop,
                 kContentWidth);
}

void draw_running_footer(PdfDocument& doc, const std::string& text, double width, int page, int pages) {
  TextStyle style;
  style.size = 8.5;
  style.colour = kMuted;
  draw_furniture(doc, text, style, kMargin, kFooterTop, width);
  draw_page_number(doc, page, pages);
}

std::string draw_paged_flow(PdfDocument& doc, Flow& flow, double first_top,
                            const std::function<void(int page, int pages)>& furniture) {
  const double bottom = kPageHeight - kMargin - 4;
  auto frame_at = [&](int index) {
    double top = index == 0 ? first_top : kMargin;
    return Frame{index, kMargin, top, kContentWidth, bottom - top};
  };
  // Generous: a page holds at least a line, so items + 1 frames always suffice.
  auto pagination = paginate(flow, frame_at, static_cast<int>(flow.items().size()) + 1);
  if (!pagination) throw std::runtime_error("the content could not be laid out on pages");
  place_items(flow, *pagination);
  const int pages = std::max(1, pagination->pages);
  for (int page = 0; page < pages; ++page) {
    if (page > 0) doc.next_page();
    draw_flow_page(doc, flow, *pagination, page);
    if (furniture) furniture(page, pages);
  }
  return doc.finish();
}

}  // namespace herald::pdf
