// Newsletter issues (and long pages) on A4: title band, contents, articles, page numbers.
#include "output/pdf/newsletter_pdf.h"

#include <fmt/format.h>

#include "core/datetime.h"
#include "markdown/document.h"
#include "templates/words.h"

namespace herald::pdf {
namespace {

/// "In this issue" / "Contents": a tinted box with a linked list of the articles.
void add_contents(PdfDocument& doc, Flow& flow, MarkdownLayout& md, const PdfJob& job, const Palette& palette,
                  const std::string& heading) {
  std::vector<const Heading*> entries;
  if (job.page.doc)
    for (const Heading& h : job.page.doc->headings())
      if (h.level == 2 && !h.anchor.empty()) entries.push_back(&h);
  if (entries.empty()) return;
  Box box;
  box.fill = palette.tint;
  box.pad_top = box.pad_bottom = 10;
  box.radius = 4;
  box.width = kContentWidth;
  int id = flow.add_box(box);
  Region region{doc.root(), 12, kContentWidth - 24, {id}};
  TextStyle title = md.heading_text(3);
  int h2 = doc.add_element(doc.root(), "H2");
  add_plain_lines(doc, flow, RichText(heading), title, region, h2, 18);

  TextStyle text = md.body_text();
  TextStyle bullet = text;
  bullet.align = PANGO_ALIGN_RIGHT;
  const double label_width = text.size * 1.3;
  int list = doc.add_element(doc.root(), "L");
  for (const Heading* h : entries) {
    int li = doc.add_element(list, "LI");
    int lbl = doc.add_element(li, "Lbl");
    int body = doc.add_element(doc.add_element(li, "LBody"), "P");
    RichText entry;
    int link = entry.add_link(LinkTarget{"", h->anchor});
    entry.append(h->text, {}, link);
    auto label = std::make_shared<TextBlock>(doc, RichText("\u2022"), bullet, label_width - 5);
    auto block = std::make_shared<TextBlock>(doc, std::move(entry), text, region.width - label_width);
    for (size_t i = 0; i < block->line_count(); ++i) {
      Item item;
      item.height = block->line_height(i);
      item.space_before = i == 0 ? text.size * 0.25 : 0;
      item.indent = region.indent + label_width;
      item.boxes = region.boxes;
      item.place = [block, i](int page, double x, double y) { block->place_line(i, page, x, y); };
      const bool first = i == 0;
      item.draw = [block, label, i, first, lbl, body, label_width](PdfDocument& d, double x, double y) {
        if (first)
          label->draw(d, x - label_width, y + block->line_baseline(0) - label->line_baseline(0), lbl);
        block->draw_line(d, i, x, y, body);
      };
      flow.add(std::move(item));
    }
  }
}

}  // namespace

std::string render_newsletter_pdf(const PdfJob& job) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  const bool newsletter = page.kind == Kind::newsletter;
  PdfDocument doc(metadata_for(job));
  const Palette palette = make_palette(config.brand_colour);
  MarkdownSource source = markdown_source(job);
  BodyStyle style;
  style.size = 10.5;
  style.line_spacing = 1.25;
  style.palette = palette;
  style.rule_above_top_headings = newsletter;
  style.max_image_height = 330;
  Flow flow;
  MarkdownLayout md(doc, flow, source, style);
  const int root = doc.root();

  // The title band: series, issue and date; the title.
  Region band_area = add_title_band(flow, palette, root);
  BandLogo logo = add_band_logo(flow, job.logo, band_area);
  const Region& band = logo.text;
  const auto [kicker, facts, title] = band_styles(24);
  std::string series = newsletter && !page.series.empty() ? page.series : config.title;
  add_plain_lines(doc, flow, RichText(series), kicker, band, doc.add_element(root, "P"), 0);
  std::string when = page.date ? format_human_date(*page.date) : "";
  std::string line2;
  if (newsletter && page.issue) line2 = fmt::format(fmt::runtime(tr("Issue {}")), *page.issue);
  if (!when.empty()) line2 += (line2.empty() ? "" : " \u00B7 ") + when;
  if (!line2.empty()) add_plain_lines(doc, flow, RichText(line2), facts, band, doc.add_element(root, "P"), 2);
  add_plain_lines(doc, flow, RichText(page.title), title, band, doc.add_element(root, "H1"), 8);
  finish_band_logo(flow, logo, band_area);

  if (newsletter || page.toc)
    add_contents(doc, flow, md, job, palette, newsletter ? tr("In this issue") : tr("Contents"));

  // The articles.
  if (page.doc && page.doc->root()) {
    md.set_next_space(16);
    md.add_blocks(cmark_node_first_child(page.doc->root()), nullptr, Region{root, 0, kContentWidth, {}});
  }

  std::string footer = newsletter ? series + (page.issue ? " \u00B7 " + fmt::format(fmt::runtime(tr("Issue {}")), *page.issue) : "")
                                  : config.title + " \u00B7 " + page.title;
  return draw_paged_flow(doc, flow, 0, [&](int p, int pages) {
    draw_running_footer(doc, footer, kContentWidth * 0.7, p, pages);
  });
}

}  // namespace herald::pdf
