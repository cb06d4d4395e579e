// 7-minute briefings on one A4 page: title band, seven panels in two balanced columns, source at the foot.
#include "output/pdf/briefing_pdf.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdlib>

#include "content/briefing.h"
#include "core/datetime.h"
#include "markdown/document.h"
#include "markdown/plain_text.h"

namespace herald::pdf {
namespace {

constexpr double kGutter = 14;      // between the columns
constexpr double kPanelGap = 9;     // between panels in a column
constexpr double kPanelPad = 9;     // inside a panel
constexpr double kColumnWidth = (kContentWidth - kGutter) / 2;
constexpr double kSizes[] = {11.5, 11, 10.5, 10, 9.5, kMinBodySize};

/// The panels of one layout attempt, at one text size.
struct Panels {
  Flow flow;
  std::vector<int> boxes;         ///< each panel's box
  std::vector<size_t> first_item; ///< each panel's first item
};

std::string join_audience(const std::vector<std::string>& audience) {
  std::string out;
  for (size_t i = 0; i < audience.size(); ++i) {
    if (i > 0) out += i + 1 == audience.size() ? " and " : ", ";
    out += audience[i];
  }
  return out;
}

Panels build_panels(PdfDocument& doc, const std::vector<BriefingPanel>& sections, const MarkdownSource& source,
                    const Palette& palette, double size) {
  Panels p;
  BodyStyle style;
  style.size = size;
  style.line_spacing = getenv("HX_LS") ? atof(getenv("HX_LS")) : 1.3;
  style.palette = palette;
  style.top_heading = 3;
  style.max_image_height = 150;
  MarkdownLayout md(doc, p.flow, source, style);
  const double inner = kColumnWidth - 2 * kPanelPad;
  for (size_t s = 0; s < sections.size(); ++s) {
    const BriefingPanel& section = sections[s];
    Box box;
    box.fill = palette.tint;
    box.radius = 5;
    box.pad_top = box.pad_bottom = kPanelPad;
    box.width = kColumnWidth;
    const int id = p.flow.add_box(box);
    p.boxes.push_back(id);
    const int sect = doc.add_element(doc.root(), "Sect");
    const int h2 = doc.add_element(sect, "H2");

    // The heading: a numbered badge and the title.
    TextStyle title_style = md.heading_text(2);
    title_style.size = getenv("HX_SAME") ? size : size * 1.2;
    const double badge = title_style.size * 1.75;
    TextStyle number_style = title_style;
    number_style.colour = kWhite;
    number_style.align = PANGO_ALIGN_CENTER;
    number_style.size = title_style.size * 0.95;
    auto number = std::make_shared<TextBlock>(doc, RichText(std::to_string(section.number)), number_style, badge);
    // A leading space keeps "1" and the title apart when the text is extracted.
    const double space = text_width(doc, " ", title_style);
    auto title = std::make_shared<TextBlock>(doc, RichText(" " + section.title), title_style,
                                             inner - badge - 6 + space);
    const double height = std::max(badge, title->height());
    const double title_top = title->line_count() == 1 ? (height - title->height()) / 2 : 0;
    const double badge_top = title->line_count() == 1 ? (height - badge) / 2 : 0;
    Item head;
    head.height = height;
    head.space_before = s == 0 ? 0 : kPanelGap;
    head.indent = kPanelPad;
    head.boxes = {id};
    head.keep_with_next = true;
    const double title_x = badge + 6 - space;
    head.place = [title, title_x, title_top](int page, double x, double y) {
      double top = y + title_top;
      for (size_t i = 0; i < title->line_count(); ++i) {
        title->place_line(i, page, x + title_x, top);
        top += title->line_height(i);
      }
    };
    const Rgb brand = palette.brand;
    const std::string dest = "section-" + std::to_string(section.number);
    const std::string anchor = section.anchor;
    const std::string bookmark = std::to_string(section.number) + ". " + section.title;
    head.draw = [=](PdfDocument& d, double x, double y) {
      cairo_t* cr = d.cr();
      d.leave_leaves();
      cairo_new_path(cr);
      cairo_set_source_rgb(cr, brand.r, brand.g, brand.b);
      cairo_arc(cr, x + badge / 2, y + badge_top + badge / 2, badge / 2, 0, 2 * M_PI);
      cairo_fill(cr);
      d.add_destination(dest, x, y);
      if (!anchor.empty() && safe_destination(anchor) != dest) d.add_destination(safe_destination(anchor), x, y);
      d.add_heading_bookmark(2, bookmark, dest);
      number->draw(d, x, y + badge_top + (badge - number->height()) / 2, h2);
      double top = y + title_top;
      for (size_t i = 0; i < title->line_count(); ++i) {
        title->draw_line(d, i, x + title_x, top, h2);
        top += title->line_height(i);
      }
    };
    p.first_item.push_back(p.flow.items().size());
    p.flow.add(std::move(head));
    md.set_heading_context(2);
    md.set_next_space(size * 0.5);
    md.add_blocks(section.first, section.stop, Region{sect, kPanelPad, inner, {id}});
  }
  return p;
}

/// Heights of the panels laid out one under the other.
std::vector<double> panel_heights(const Panels& p) {
  auto measured = paginate(p.flow, [](int) { return Frame{0, 0, 0, kColumnWidth, 1e7}; }, 1);
  std::vector<double> heights(p.boxes.size(), 0);
  if (!measured) return heights;
  for (const BoxSegment& s : measured->segments)
    for (size_t i = 0; i < p.boxes.size(); ++i)
      if (s.box == p.boxes[i]) heights[i] += s.bottom - s.top;
  return heights;
}

/// Lengthens the panels of each column so that both columns end at the
/// bottom of their frames: a tidy grid whatever the text lengths.
void stretch_columns(const Panels& p, Pagination& pagination) {
  std::map<int, int> panel_of_box;
  for (const Item& item : p.flow.items())
    for (int b : item.boxes)
      if (!item.boxes.empty()) panel_of_box[b] = item.boxes.front();
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
  auto result = paginate(flow, [&](int) { return Frame{page, kMargin, y, kContentWidth, height}; }, 1);
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
  Region band = add_title_band(header, palette, doc.root());
  TextStyle kicker;
  kicker.size = 10.5;
  kicker.bold = true;
  kicker.colour = kWhite;
  TextStyle facts = kicker;
  facts.bold = false;
  TextStyle title = kicker;
  title.size = 20;
  title.line_spacing = 1.1;
  add_plain_lines(doc, header, RichText(config.title), kicker, band, doc.add_element(doc.root(), "P"), 0);
  add_plain_lines(doc, header, RichText(page.title), title, band, doc.add_element(doc.root(), "H1"), 4);
  std::string review = config.review_type_name(page.review_type);
  if (review.empty()) review = page.review_type;
  add_plain_lines(doc, header, RichText("7-minute briefing" + (review.empty() ? "" : " \u00B7 " + review)), facts,
                  band, doc.add_element(doc.root(), "P"), 5);
  std::string when = page.date ? "Published " + format_human_date(*page.date) : "";
  std::string audience = page.audience.empty() ? "" : "For " + join_audience(page.audience);
  std::string line = when + (!when.empty() && !audience.empty() ? " \u00B7 " : "") + audience;
  if (!line.empty()) add_plain_lines(doc, header, RichText(line), facts, band, doc.add_element(doc.root(), "P"), 1);
  if (root && lead_stop != cmark_node_first_child(root)) {
    BodyStyle lead_style;
    lead_style.size = 10;
    lead_style.line_spacing = 1.3;
    lead_style.palette = palette;
    lead_style.max_image_height = 120;
    MarkdownLayout lead(doc, header, source, lead_style);
    lead.set_next_space(10);
    lead.add_blocks(cmark_node_first_child(root), lead_stop, Region{doc.root(), 0, kContentWidth, {}});
  }
  Pagination header_pages = fixed(header, 0, 0);
  const double columns_top = header_pages.frame_used.empty() ? kMargin : header_pages.frame_used[0] + 12;

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
    drawn.append("Drawn from: ", InlineFormat{true});
    std::string source_title = page.source.title.empty() ? page.source.url : page.source.title;
    int link = page.source.url.empty() ? -1 : drawn.add_link(LinkTarget{page.source.url, ""});
    drawn.append(source_title, {}, link);
    if (page.source.published) drawn.append(", published " + format_human_date(*page.source.published), {});
    add_plain_lines(doc, foot, std::move(drawn), small, full, doc.add_element(doc.root(), "P"), 0, false);
  }
  {
    RichText online;
    online.append("Read online: ", InlineFormat{true});
    std::string url = config.absolute_url(page.url);
    int link = online.add_link(LinkTarget{url, ""});
    online.append(url, {}, link);
    add_plain_lines(doc, foot, std::move(online), small, full, doc.add_element(doc.root(), "P"), 2, false);
  }
  Pagination foot_measure = fixed(foot, 0, 0);
  const double foot_height = foot_measure.frame_used.empty() ? 0 : foot_measure.frame_used[0];
  const double page_bottom = kPageHeight - kMargin;
  const double foot_top = page_bottom - foot_height;
  const double columns_bottom = foot_top - 10;

  // Two balanced columns of whole panels, at the largest size that fits.
  std::optional<Panels> chosen;
  std::optional<Pagination> pagination;
  const double available = columns_bottom - columns_top;
  for (double size : kSizes) {
    Panels p = build_panels(doc, sections, source, palette, size);
    std::vector<double> heights = panel_heights(p);
    const size_t n = heights.size();
    double best = 1e9;
    size_t split = n;
    for (size_t k = 0; k <= n; ++k) {
      double left = 0, right = 0;
      for (size_t i = 0; i < n; ++i) (i < k ? left : right) += heights[i] + (i == 0 || i == k ? 0 : kPanelGap);
      if (std::max(left, right) < best - 0.01) {
        best = std::max(left, right);
        split = k;
      }
    }
    if (best > available) continue;
    if (split < n && split > 0) p.flow.items()[p.first_item[split]].break_before = true;
    auto frame_at = [&](int index) {
      double stagger = index == 1 && getenv("HX_STAGGER") ? atof(getenv("HX_STAGGER")) : 0;
      return Frame{0, kMargin + index * (kColumnWidth + kGutter), columns_top + stagger, kColumnWidth, available - stagger};
    };
    auto result = paginate(p.flow, frame_at, 2);
    if (!result || result->overflow) continue;
    if (!getenv("HX_NOSTRETCH")) stretch_columns(p, *result);
    chosen.emplace(std::move(p));
    pagination = std::move(result);
    break;
  }
  int pages = 1;
  if (!chosen) {
    // Too long for one page even at 9 pt: the panels run on, column after
    // column, and the foot goes to the last page.
    Panels p = build_panels(doc, sections, source, palette, kMinBodySize);
    for (int last = 0; last < 200 && !pagination; ++last) {
      auto frame_at = [&](int index) {
        int pg = index / 2;
        double top = pg == 0 ? columns_top : kMargin;
        double bottom = pg == last ? columns_bottom : page_bottom - 14;
        return Frame{pg, kMargin + (index % 2) * (kColumnWidth + kGutter), top, kColumnWidth, bottom - top};
      };
      pagination = paginate(p.flow, frame_at, 2 * (last + 1));
      if (pagination) pages = last + 1;
    }
    if (!pagination) throw std::runtime_error("the briefing could not be laid out");
    chosen.emplace(std::move(p));
    if (pages > 1)
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
