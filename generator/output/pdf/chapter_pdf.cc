// Procedures chapters on A4: facts of the chapter, the printed-copy warning, the text.
#include "output/pdf/chapter_pdf.h"

#include <fmt/format.h>

#include "core/datetime.h"
#include "markdown/document.h"
#include "templates/words.h"

namespace herald::pdf {

std::string printed_copy_warning(const std::string& url) {
  return tr("Printed copies may be out of date. Check the current version at") + " " + url;
}

std::string render_chapter_pdf(const PdfJob& job) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  const std::string url = config.absolute_url(page.url);
  PdfDocument doc(metadata_for(job));
  const Palette palette = make_palette(config.brand_colour);
  MarkdownSource source = markdown_source(job);
  BodyStyle style;
  style.size = 10.5;
  style.line_spacing = 1.25;
  style.palette = palette;
  style.max_image_height = 330;
  Flow flow;
  MarkdownLayout md(doc, flow, source, style);
  const int root = doc.root();

  // Title band: the manual, the chapter.
  Region band_area = add_title_band(flow, palette, root);
  BandLogo logo = add_band_logo(flow, job.logo, band_area);
  const Region& band = logo.text;
  TextStyle kicker;
  kicker.size = 11;
  kicker.bold = true;
  kicker.colour = kWhite;
  TextStyle title = kicker;
  title.size = 22;
  title.line_spacing = 1.1;
  std::string manual_title;
  for (const Manual& manual : job.library.manuals)
    if (manual.slug == page.manual && manual.index) manual_title = manual.index->title;
  std::string kicker_text = config.title + (manual_title.empty() ? "" : " \u00B7 " + manual_title);
  add_plain_lines(doc, flow, RichText(kicker_text), kicker, band, doc.add_element(root, "P"), 0);
  add_plain_lines(doc, flow, RichText(page.title), title, band, doc.add_element(root, "H1"), 6);
  finish_band_logo(flow, logo, band_area);

  // The facts, one line each, as on the web page.
  Region full{root, 0, kContentWidth, {}};
  TextStyle text = md.body_text();
  auto fact = [&](const std::string& label, const std::string& value, double space) {
    if (value.empty()) return;
    RichText line;
    line.append(label + ": ", InlineFormat{true});
    line.append(value, {});
    add_plain_lines(doc, flow, std::move(line), text, full, doc.add_element(root, "P"), space);
  };
  fact(tr("Owner"), page.owner, 14);
  fact(tr("Last updated"), last_updated_text(job), page.owner.empty() ? 14 : 2);
  fact(tr("Last reviewed"), page.reviewed ? format_human_date(*page.reviewed) : "", 2);
  fact(tr("Review due"), page.review_due ? format_human_date(*page.review_due) : "", 2);
  fact(tr("Latest change"), page.amendment, 2);

  // Notices: overdue, revised throughout, and the printed-copy warning (linked).
  Box box;
  box.fill = palette.tint;
  box.rule = palette.brand;
  box.pad_top = box.pad_bottom = 8;
  box.width = kContentWidth;
  int notice_box = flow.add_box(box);
  Region notice{root, 12, kContentWidth - 20, {notice_box}};
  TextStyle strong = text;
  strong.bold = true;
  double space = 12;
  if (page.review_due && page.review_due->utc_seconds < job.library.now) {
    std::string who = page.owner.empty() ? tr("the partnership") : page.owner;
    add_plain_lines(
        doc, flow,
        RichText(fmt::format(fmt::runtime(tr("This chapter is due for review. It was due on {}; check with {} if you "
                                                "are unsure whether it is still current.")),
                             format_human_date(*page.review_due), who)),
        strong, notice, doc.add_element(root, "P"), space, false);
    space = 4;
  }
  if (page.reread) {
    add_plain_lines(doc, flow, RichText(tr("This chapter was revised throughout and should be re-read.")), strong,
                    notice, doc.add_element(root, "P"), space, false);
    space = 4;
  }
  RichText warning(tr("Printed copies may be out of date. Check the current version at") + " ");
  int link = warning.add_link(LinkTarget{url, ""});
  warning.append(url, {}, link);
  add_plain_lines(doc, flow, std::move(warning), text, notice, doc.add_element(root, "P"), space, false);

  if (page.doc && page.doc->root()) {
    md.set_next_space(16);
    md.add_blocks(cmark_node_first_child(page.doc->root()), nullptr, full);
  }

  // The address on a line of its own, so that it is never broken.
  const std::string footer = tr("Printed copies may be out of date. Check the current version at") + "\n" + url;
  return draw_paged_flow(doc, flow, 0, [&](int p, int pages) {
    draw_running_footer(doc, footer, kContentWidth - 70, p, pages);
  });
}

}  // namespace herald::pdf
