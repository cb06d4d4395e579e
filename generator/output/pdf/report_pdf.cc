// The print PDF of a report (§10): a cover, a contents page with page numbers, the text, a running footer.
#include "output/pdf/report_pdf.h"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "core/datetime.h"
#include "markdown/document.h"
#include "templates/words.h"

namespace herald::pdf {
namespace {

constexpr double kPageNumberWidth = 36;

using HeadingPages = std::map<std::string, int>;  // anchor -> page (from 0)

/// The headings the contents page lists, each with its depth (0 for `##`).
std::vector<std::pair<const Heading*, int>> contents_entries(const Page& page) {
  std::vector<std::pair<const Heading*, int>> out;
  if (!page.doc) return out;
  const bool numbered = page.report && page.report->numbered;
  for (const Heading& h : page.doc->headings()) {
    if (h.anchor.empty()) continue;
    if (numbered && !h.number.empty()) {
      int depth = 0;
      for (char c : h.number) depth += c == '.';
      out.emplace_back(&h, depth);
    } else if (!numbered && (h.level == 2 || h.level == 3)) {
      out.emplace_back(&h, h.level - 2);
    }
  }
  return out;
}

/// The cover: the partnership in the title band, then the report's type and
/// period, its title, summary and date, and its picture.
void add_cover(PdfDocument& doc, Flow& flow, MarkdownLayout& md, const PdfJob& job, const Palette& palette) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  const int root = doc.root();
  Region band_area = add_title_band(flow, palette, root, kMargin, 24);
  BandLogo logo = add_band_logo(flow, job.logo, band_area);
  TextStyle partnership;
  partnership.size = 14;
  partnership.bold = true;
  partnership.colour = kWhite;
  add_plain_lines(doc, flow, RichText(config.title), partnership, logo.text, doc.add_element(root, "P"), 0);
  finish_band_logo(flow, logo, band_area);

  Region full{root, 0, kContentWidth, {}};
  TextStyle kicker = md.body_text();
  kicker.size = 14;
  kicker.colour = kMuted;
  std::string kind = page.report ? tr(config.report_type_name(page.report->report_type)) : "";  // built-in: translated
  std::string period = page.report ? page.report->period : "";
  std::string kicker_text = kind + (!kind.empty() && !period.empty() ? " \u00B7 " : "") + period;
  if (!kicker_text.empty())
    add_plain_lines(doc, flow, RichText(kicker_text), kicker, full, doc.add_element(root, "P"), 90);
  TextStyle title = md.heading_text(1);
  title.size = 30;
  title.line_spacing = 1.1;
  add_plain_lines(doc, flow, RichText(page.title), title, full, doc.add_element(root, "H1"),
                  kicker_text.empty() ? 90 : 8);
  TextStyle summary = md.body_text();
  summary.size = 13;
  summary.line_spacing = 1.3;
  if (!page.summary.empty())
    add_plain_lines(doc, flow, RichText(page.summary), summary, full, doc.add_element(root, "P"), 16, false);
  if (page.date)
    add_plain_lines(doc, flow, RichText(tr("Published") + " " + format_human_date(*page.date)), md.body_text(), full,
                    doc.add_element(root, "P"), 12, false);
  if (page.report && !page.report->cover.empty()) {
    // Described by `cover_alt`, a figure; without it, a picture for the cover only: decoration.
    md.set_next_space(28);
    md.add_image(page.report->cover, page.report->cover_alt, page.report->cover_at.line, full);
  }
}

/// The contents page: every entry linked to its heading, the page number it
/// starts on at the right, written once the text is placed (`pages`).
void add_contents(PdfDocument& doc, Flow& flow, MarkdownLayout& md, const PdfJob& job,
                  const std::shared_ptr<const HeadingPages>& pages) {
  auto entries = contents_entries(job.page);
  if (entries.empty()) return;
  const int root = doc.root();
  const size_t first = flow.items().size();
  Region full{root, 0, kContentWidth, {}};
  add_plain_lines(doc, flow, RichText(tr("Contents")), md.heading_text(2), full, doc.add_element(root, "H2"), 0);
  flow.items()[first].break_before = true;

  const int toc = doc.add_element(root, "TOC");
  TextStyle number_style = md.body_text();
  number_style.align = PANGO_ALIGN_RIGHT;
  for (const auto& [heading, depth] : entries) {
    const int item_element = doc.add_element(toc, "TOCI");
    const int paragraph = doc.add_element(item_element, "P");
    TextStyle style = md.body_text();
    style.bold = depth == 0;
    const double indent = depth * style.size * 2.2;
    const double width = kContentWidth - indent - kPageNumberWidth - 6;
    RichText entry;
    int link = entry.add_link(LinkTarget{"", heading->anchor});
    entry.append((heading->number.empty() ? "" : heading->number + "  ") + heading->text, {}, link);
    auto block = std::make_shared<TextBlock>(doc, std::move(entry), style, width);
    const size_t lines = block->line_count();
    for (size_t i = 0; i < lines; ++i) {
      Item item;
      item.height = block->line_height(i);
      item.space_before = i == 0 ? (depth == 0 ? style.size * 0.7 : style.size * 0.25) : 0;
      item.indent = indent;
      item.keep_with_next = i + 1 < lines;
      item.place = [block, i](int page, double x, double y) { block->place_line(i, page, x, y); };
      const bool last = i + 1 == lines;
      const std::string anchor = heading->anchor;
      item.draw = [block, i, last, paragraph, anchor, pages, number_style, width](PdfDocument& d, double x,
                                                                                 double y) {
        block->draw_line(d, i, x, y, paragraph);
        if (!last) return;
        auto found = pages->find(anchor);
        if (found == pages->end()) return;
        TextBlock number(d, RichText(std::to_string(found->second + 1)), number_style, kPageNumberWidth);
        number.draw(d, x + width + 6, y + block->line_baseline(i) - number.line_baseline(0), paragraph);
      };
      flow.add(std::move(item));
    }
  }
}

}  // namespace

std::string render_report_pdf(const PdfJob& job) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  PdfDocument doc(metadata_for(job));
  const Palette palette = make_palette(config.brand_colour);
  MarkdownSource source = markdown_source(job);
  BodyStyle style;
  style.size = 10.5;
  style.line_spacing = 1.3;
  style.palette = palette;
  style.max_image_height = 330;
  style.notes_at_foot = true;
  style.notes_width = kContentWidth;
  Flow flow;
  MarkdownLayout md(doc, flow, source, style);
  // Two passes: the text is laid out and placed (each heading's page noted
  // here), then every page is drawn, the contents page's numbers with it.
  auto pages = std::make_shared<HeadingPages>();
  md.on_heading_placed([pages](const std::string& anchor, int p) { pages->emplace(anchor, p); });

  add_cover(doc, flow, md, job, palette);
  add_contents(doc, flow, md, job, pages);
  if (page.doc && page.doc->root()) {
    const size_t first = flow.items().size();
    md.set_next_space(0);
    md.add_blocks(cmark_node_first_child(page.doc->root()), nullptr, Region{doc.root(), 0, kContentWidth, {}});
    if (flow.items().size() > first) flow.items()[first].break_before = true;
  }

  const std::string footer = page.title;
  return draw_paged_flow(doc, flow, 0, [&](int p, int count) {
    if (p == 0) return;  // the cover
    draw_running_footer(doc, footer, kContentWidth * 0.7, p, count);
  });
}

}  // namespace herald::pdf
