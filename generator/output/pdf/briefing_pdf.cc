// 7-minute briefings on one A4 page: a title band, seven numbered panels, the source at the foot.
#include "output/pdf/briefing_pdf.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "content/briefing.h"
#include "core/datetime.h"
#include "markdown/document.h"
#include "markdown/plain_text.h"
#include "templates/words.h"

namespace herald::pdf {
namespace {

constexpr double kPanelGap = 5;  // between panels
constexpr double kPanelPad = 7;  // inside a panel
// One column of full-width panels, not a grid: text extraction (pdftotext,
// copy and paste in poppler-based viewers) guesses the reading order of
// side-by-side blocks from their geometry and interleaves two columns of
// panels; stacked panels always read in number order.
constexpr double kPanelWidth = kContentWidth;
constexpr double kSizes[] = {11.5, 11, 10.5, 10, 9.5, kMinBodySize};

/// The panels of one layout attempt, at one text size.
struct Panels {
  Flow flow;
  std::vector<int> boxes;  ///< each panel's box
};

std::string join_audience(const std::vector<std::string>& audience) {
  std::string out;
  for (size_t i = 0; i < audience.size(); ++i) {
    if (i > 0) out += i + 1 == audience.size() ? " " + tr("and") + " " : std::string(", ");
    out += audience[i];
  }
  return out;
}

Panels build_panels(PdfDocument& doc, const std::vector<BriefingPanel>& sections,
                    const MarkdownSource& source, const Palette& palette, double size) {
  Panels p;
  BodyStyle style;
  style.size = size;
  style.line_spacing = 1.2;
  style.palette = palette;
  style.top_heading = 3;
  style.max_image_height = 150;
  MarkdownLayout md(doc, p.flow, source, style);
  const double inner = kPanelWidth - 2 * kPanelPad;
  const double body_baseline = TextBlock(doc, RichText("x"), md.body_text(), inner).line_baseline(0);
  for (size_t s = 0; s < sections.size(); ++s) {
    const BriefingPanel& section = sections[s];
    Box box;
    box.fill = palette.tint;
    box.radius = 5;
    box.pad_top = box.pad_bottom = kPanelPad;
    box.width = kPanelWidth;
    const int id = p.flow.add_box(box);
    p.boxes.push_back(id);
    const int sect = doc.add_element(doc.root(), "Sect");
    const int h2 = doc.add_element(sect, "H2");

    // The heading: the number on a round badge, then the title, in one
    // line of text (so that text extraction reads "1 Purpose"). A short
    // title runs in at the start of the section's first paragraph.
    TextStyle title_style = md.heading_text(2);
    title_style.size = size * 1.15;
    const std::string number = std::to_string(section.number);
    const double number_width = text_width(doc, number, title_style);
    const double radius = title_style.size * 0.78;
    const double lead_in = radius - number_width / 2;  // from the badge's edge to the digit
    RichText heading;
    InlineFormat on_badge;
    on_badge.bold = true;
    on_badge.on_brand = true;
    heading.append(number, on_badge);
    heading.append("\u2003", {});
    heading.append(section.title, {});
    title_style.hanging = text_width(doc, number + "\u2003", title_style);
    auto title = std::make_shared<TextBlock>(doc, std::move(heading), title_style, inner - lead_in);
    const bool run_in = title->line_count() == 1 && title->used_width() < inner * 0.5;
    auto top_offset =
        std::make_shared<double>(std::max(0.0, radius - title->line_baseline(0) + title_style.size * 0.36));
    Item head;
    head.height = std::max(title->height(), 2 * radius) + size * 0.35;
    head.space_before = s == 0 ? 0 : kPanelGap;
    head.indent = kPanelPad;
    head.boxes = {id};
    head.keep_with_next = true;
    head.place = [title, lead_in, top_offset](int page, double x, double y) {
      double top = y + *top_offset;
      for (size_t i = 0; i < title->line_count(); ++i) {
        title->place_line(i, page, x + lead_in, top);
        top += title->line_height(i);
      }
    };
    const Rgb brand = palette.brand;
    const std::string dest = "section-" + number;
    const std::string anchor = section.anchor;
    const std::string bookmark = number + ". " + section.title;
    const double digit_middle = title_style.size * 0.36;  // from the baseline up to the middle of a digit
    head.draw = [=](PdfDocument& d, double x, double y) {
      cairo_t* cr = d.cr();
      d.leave_leaves();
      double run_x = 0, run_width = number_width;
      title->run_extent(0, 0, &run_x, &run_width);
      const double top = y + *top_offset;
      cairo_new_path(cr);
      cairo_set_source_rgb(cr, brand.r, brand.g, brand.b);
      cairo_arc(cr, x + lead_in + run_x + run_width / 2, top + title->line_baseline(0) - digit_middle, radius,
                0, 2 * M_PI);
      cairo_fill(cr);
      d.add_destination(dest, x, y);
      if (!anchor.empty() && safe_destination(anchor) != dest)
        d.add_destination(safe_destination(anchor), x, y);
      d.add_heading_bookmark(2, bookmark, dest);
      double line_top = top;
      for (size_t i = 0; i < title->line_count(); ++i) {
        title->draw_line(d, i, x + lead_in, line_top, h2);
        line_top += title->line_height(i);
      }
    };
    const size_t head_index = p.flow.items().size();
    p.flow.add(std::move(head));
    md.set_heading_context(2);
    md.set_next_space(0);
    if (run_in) md.set_run_in(lead_in + title->used_width() + size * 0.9);
    md.add_blocks(section.first, section.stop, Region{sect, kPanelPad, inner, {id}});
    if (run_in && md.run_in_used()) {
      // The title shares the paragraph's first line: same baseline.
      Item& item = p.flow.items()[head_index];
      item.height = 0;
      *top_offset = body_baseline - title->line_baseline(0);
    }
  }
  return p;
}

/// Lengthens the panels of a page so that the last one ends at the bottom of
/// the frame: a tidy page whatever the text lengths.
void stretch_panels(const Panels& p, Pagination& pagination) {
  std::map<int, int> panel_of_box;
  for (const Item& item : p.flow.items())
    for (int b : item.boxes) panel_of_box[b] = item.boxes.front();
  for (size_t f = 0; f < pagination.frames.size(); ++f) {
    const Frame& frame = pagination.frames[f];
    std::vector<int> panels;
    for (const BoxSegment& s : pagination.segments)
      if (s.frame == static_cast<int>(f) && std::find(p.boxes.begin(), p.boxes.end(), s.box) != p.boxes.end())
        panels.push_back(s.box);
    double extra = frame.y + frame.height - pagination.frame_used[f];
    if (panels.empty() || extra <= 0.5) continue;
    const double share = extra / static_cast<double>(panels.size());
    std::map<int, double> shift;
    for (size_t k = 0; k < panels.size(); ++k) shift[panels[k]] = share * static_cast<double>(k);
    for (BoxSegment& s : pagination.segments) {
      if (s.frame != static_cast<int>(f)) continue;
      int panel = panel_of_box.count(s.box) ? panel_of_box[s.box] : s.box;
      if (!shift.count(panel)) continue;
      s.top += shift[panel];
      s.bottom += shift[panel] + (panel == s.box ? share : 0);
    }
    for (Placement& pl : pagination.placed) {
      const Item& item = p.flow.items()[pl.item];
      if (pl.frame == static_cast<int>(f) && !item.boxes.empty() && shift.count(item.boxes.front()))
        pl.y += shift[item.boxes.front()];
    }
    pagination.frame_used[f] = frame.y + frame.height;
  }
}

/// Places a flow in one frame of its own on `page`; its pagination.
Pagination fixed(const Flow& flow, int page, double y, double height = 1e7) {
  auto result = paginate(
      flow,
      [&](int) {
        return Frame{page, kMargin, y, kContentWidth, height};
      },
      1);
  return result ? *result : Pagination{};
}

}  // namespace

std::vector<BriefingPanel> briefing_panels(cmark_node* root, cmark_node** lead_stop) {
  std::vector<BriefingPanel> panels;
  *lead_stop = nullptr;
  for (cmark_node* node = root ? cmark_node_first_child(root) : nullptr; node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING || cmark_node_get_heading_level(node) > 2) continue;
    if (!*lead_stop) *lead_stop = node;
    if (!panels.empty()) panels.back().stop = node;
    BriefingPanel panel;
    std::string text = plain_text(node, false);
    if (auto parsed = parse_section_heading(text)) {
      panel.number = parsed->first;
      panel.title = parsed->second;
    } else {
      panel.number = static_cast<int>(panels.size()) + 1;
      panel.title = text;
    }
    panel.heading = node;
    panel.first = cmark_node_next(node);
    panels.push_back(panel);
  }
  std::stable_sort(panels.begin(), panels.end(),
                   [](const BriefingPanel& a, const BriefingPanel& b) { return a.number < b.number; });
  return panels;
}

std::string render_briefing_pdf(const PdfJob& job) {
  const Page& page = job.page;
  const Config& config = job.library.config;
  PdfDocument doc(metadata_for(job));
  const Palette palette = make_palette(config.brand_colour);
  MarkdownSource source = markdown_source(job);
  cmark_node* root = page.doc ? page.doc->root() : nullptr;
  cmark_node* lead_stop = nullptr;
  std::vector<BriefingPanel> sections = briefing_panels(root, &lead_stop);
  for (BriefingPanel& s : sections) {
    if (const Heading* h = page.doc->heading_at(s.heading)) s.anchor = h->anchor;
    source.destinations.insert("section-" + std::to_string(s.number));
  }

  // The title band and the lead paragraph, across the page.
  Flow header;
  Region band_area = add_title_band(header, palette, doc.root(), 24, 12);
  BandLogo logo = add_band_logo(header, job.logo, band_area);
  const Region& band = logo.text;
  TextStyle kicker;
  kicker.size = 10;
  kicker.bold = true;
  kicker.colour = kWhite;
  TextStyle facts = kicker;
  facts.bold = false;
  TextStyle title = kicker;
  title.size = 18;
  title.line_spacing = 1.1;
  add_plain_lines(doc, header, RichText(config.title + " \u00B7 " + tr("7-minute briefing")), kicker, band,
                  doc.add_element(doc.root(), "P"), 0);
  add_plain_lines(doc, header, RichText(page.title), title, band, doc.add_element(doc.root(), "H1"), 3);
  std::string review = tr(config.review_type_name(page.review_type));  // a built-in name in the page's language
  if (review.empty()) review = page.review_type;
  std::vector<std::string> facts_parts;
  if (!review.empty()) facts_parts.push_back(review);
  if (page.date) facts_parts.push_back(tr("Published") + " " + format_human_date(*page.date));
  if (!page.audience.empty()) facts_parts.push_back(tr("For") + " " + join_audience(page.audience));
  std::string line;
  for (const auto& part : facts_parts) line += (line.empty() ? "" : " \u00B7 ") + part;
  if (!line.empty())
    add_plain_lines(doc, header, RichText(line), facts, band, doc.add_element(doc.root(), "P"), 3);
  finish_band_logo(header, logo, band_area);
  if (root && lead_stop != cmark_node_first_child(root)) {
    BodyStyle lead_style;
    lead_style.size = 10;
    lead_style.line_spacing = 1.2;
    lead_style.palette = palette;
    lead_style.max_image_height = 120;
    MarkdownLayout lead(doc, header, source, lead_style);
    lead.set_next_space(8);
    lead.add_blocks(cmark_node_first_child(root), lead_stop, Region{doc.root(), 0, kContentWidth, {}});
  }
  Pagination header_pages = fixed(header, 0, 0);
  const double panels_top = header_pages.frame_used.empty() ? kMargin : header_pages.frame_used[0] + 10;

  // The foot: the source report and the web address.
  Flow foot;
  TextStyle small;
  small.size = kMinBodySize;
  small.colour = kMuted;
  small.link_colour = palette.brand_text;
  small.line_spacing = 1.25;
  Region full{doc.root(), 0, kContentWidth, {}};
  if (!page.source.title.empty() || !page.source.url.empty()) {
    RichText drawn;
    drawn.append(tr("Drawn from:") + " ", InlineFormat{true});
    std::string source_title = page.source.title.empty() ? page.source.url : page.source.title;
    int link = page.source.url.empty() ? -1 : drawn.add_link(LinkTarget{page.source.url, ""});
    drawn.append(source_title, {}, link);
    if (page.source.published) drawn.append(", " + tr("published") + " " + format_human_date(*page.source.published), {});
    add_plain_lines(doc, foot, std::move(drawn), small, full, doc.add_element(doc.root(), "P"), 0, false);
  }
  {
    RichText online;
    online.append(tr("Read online:") + " ", InlineFormat{true});
    std::string url = config.absolute_url(page.url);
    int link = online.add_link(LinkTarget{url, ""});
    online.append(url, {}, link);
    add_plain_lines(doc, foot, std::move(online), small, full, doc.add_element(doc.root(), "P"), 2, false);
  }
  Pagination foot_measure = fixed(foot, 0, 0);
  const double foot_height = foot_measure.frame_used.empty() ? 0 : foot_measure.frame_used[0];
  const double page_bottom = kPageHeight - kMargin;
  const double foot_top = page_bottom - foot_height;
  const double panels_bottom = foot_top - 12;

  // The panels on one page, at the largest size that fits.
  std::optional<Panels> chosen;
  std::optional<Pagination> pagination;
  const double available = panels_bottom - panels_top;
  auto one_page = [&](int) { return Frame{0, kMargin, panels_top, kPanelWidth, available}; };
  // Whether the panels fit only gets likelier as the text gets smaller: try
  // the largest size, then bisect the others (at most four layouts).
  auto attempt = [&](size_t index) {
    Panels p = build_panels(doc, sections, source, palette, kSizes[index]);
    auto result = paginate(p.flow, one_page, 1);
    if (!result || result->overflow) return false;
    chosen.emplace(std::move(p));
    pagination = std::move(result);
    return true;
  };
  const size_t sizes = std::size(kSizes);
  if (!attempt(0)) {
    size_t low = 1, high = sizes - 1;
    while (low <= high) {
      size_t middle = (low + high) / 2;
      if (attempt(middle)) {
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
  }
  if (chosen) stretch_panels(*chosen, *pagination);
  int pages = 1;
  if (!chosen) {
    // Too long for one page even at 9 pt: the panels run on to more pages,
    // and the foot goes to the last one.
    Panels p = build_panels(doc, sections, source, palette, kMinBodySize);
    for (int last = 1; last < 200 && !pagination; ++last) {
      auto frame_at = [&](int index) {
        double top = index == 0 ? panels_top : kMargin;
        double bottom = index == last ? panels_bottom : page_bottom - 14;
        return Frame{index, kMargin, top, kPanelWidth, bottom - top};
      };
      pagination = paginate(p.flow, frame_at, last + 1);
      if (pagination) pages = last + 1;
    }
    if (!pagination) throw std::runtime_error("the briefing could not be laid out");
    chosen.emplace(std::move(p));
    job.warnings.add(page.body_line_offset + 1,
                     fmt::format("this briefing does not fit on one A4 page, even with 9 pt text: its PDF "
                                 "runs to {} pages; shorten it to print on one",
                                 pages));
  }

  place_items(header, header_pages);
  place_items(chosen->flow, *pagination);
  Pagination foot_pages = fixed(foot, pages - 1, foot_top, foot_height + 1);
  place_items(foot, foot_pages);
  for (int p = 0; p < pages; ++p) {
    if (p > 0) doc.next_page();
    if (p == 0) draw_flow_page(doc, header, header_pages, 0);
    draw_flow_page(doc, chosen->flow, *pagination, p);
    if (p == pages - 1) {
      doc.leave_leaves();
      cairo_set_source_rgb(doc.cr(), kRule.r, kRule.g, kRule.b);
      cairo_rectangle(doc.cr(), kMargin, foot_top - 5, kContentWidth, 0.75);
      cairo_fill(doc.cr());
      draw_flow_page(doc, foot, foot_pages, p);
    }
    if (pages > 1) draw_page_number(doc, p, pages);
  }
  return doc.finish();
}

}  // namespace herald::pdf
