// Pagination of a flow into frames, with box paddings, keeps and widow control.
#include "output/pdf/flow.h"

#include <algorithm>
#include <cmath>

namespace herald::pdf {
namespace {

void rounded_rectangle(cairo_t* cr, double x, double y, double w, double h, double r) {
  r = std::min({r, w / 2, h / 2});
  if (r <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

}  // namespace

int Flow::add_box(const Box& box) {
  boxes_.push_back(box);
  return static_cast<int>(boxes_.size()) - 1;
}

double Flow::natural_height() const {
  double h = 0;
  for (const Item& item : items_) h += item.space_before + item.height;
  for (const Box& box : boxes_) h += box.pad_top + box.pad_bottom;
  return h;
}

std::optional<Pagination> paginate(const Flow& flow, const std::function<Frame(int)>& frame_at,
                                   int max_frames) {
  Pagination out;
  const auto& items = flow.items();
  const auto& boxes = flow.boxes();
  if (max_frames <= 0) return std::nullopt;
  out.frames.push_back(frame_at(0));
  out.frame_used.push_back(out.frames[0].y);
  double y = out.frames[0].y;
  int in_frame = 0;
  std::vector<int> open;             // boxes open in this frame, outermost first
  std::vector<size_t> open_segment;  // their segments

  auto close_boxes = [&](size_t keep) {  // closes open boxes beyond the first `keep`
    while (open.size() > keep) {
      y += boxes[open.back()].pad_bottom;
      out.segments[open_segment.back()].bottom = y;
      open.pop_back();
      open_segment.pop_back();
    }
  };
  auto next_frame = [&]() -> bool {
    close_boxes(0);
    out.frame_used.back() = std::max(out.frame_used.back(), y);
    if (static_cast<int>(out.frames.size()) >= max_frames) return false;
    out.frames.push_back(frame_at(static_cast<int>(out.frames.size())));
    out.frame_used.push_back(out.frames.back().y);
    y = out.frames.back().y;
    in_frame = 0;
    return true;
  };
  // Height from the cursor to the bottom of item i (placed next), including
  // the box paddings that open and the ones that will have to close below it.
  auto needed = [&](size_t i, const std::vector<int>& now_open, bool first) {
    const Item& item = items[i];
    size_t common = 0;
    while (common < now_open.size() && common < item.boxes.size() && now_open[common] == item.boxes[common])
      ++common;
    double h = 0;
    for (size_t k = common; k < now_open.size(); ++k) h += boxes[now_open[k]].pad_bottom;
    if (!first) h += item.space_before;
    for (size_t k = common; k < item.boxes.size(); ++k) h += boxes[item.boxes[k]].pad_top;
    return h + item.height;
  };
  auto reserve_below = [&](const Item& item) {
    double h = 0;
    for (int b : item.boxes) h += boxes[b].pad_bottom;
    return h;
  };

  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.break_before && in_frame > 0 && !next_frame()) return std::nullopt;
    // A table's row starting a frame has its header row above it again.
    auto repeated_header = [&] {
      return in_frame == 0 && item.header && *item.header < i ? items[*item.header].height : 0.0;
    };
    for (;;) {
      const Frame& frame = out.frames.back();
      double bottom = frame.y + frame.height;
      double alone = y + needed(i, open, in_frame == 0) + repeated_header();
      double with_chain = alone;
      std::vector<int> chain_open = item.boxes;
      for (size_t j = i; j + 1 < items.size() && j < i + 3 && items[j].keep_with_next; ++j) {
        with_chain += needed(j + 1, chain_open, false);
        chain_open = items[j + 1].boxes;
      }
      double reserve = std::max(reserve_below(item), 0.0);
      if (with_chain + reserve <= bottom + 0.01 || in_frame == 0) {
        if (alone + reserve > bottom + 0.01) out.overflow = true;
        break;
      }
      if (!next_frame()) return std::nullopt;
    }
    // Place it.
    size_t common = 0;
    while (common < open.size() && common < item.boxes.size() && open[common] == item.boxes[common]) ++common;
    close_boxes(common);
    if (in_frame > 0) y += item.space_before;
    for (size_t k = common; k < item.boxes.size(); ++k) {
      int b = item.boxes[k];
      out.segments.push_back({b, static_cast<int>(out.frames.size()) - 1, y, y});
      open.push_back(b);
      open_segment.push_back(out.segments.size() - 1);
      y += boxes[b].pad_top;
    }
    const Frame& frame = out.frames.back();
    if (double again = repeated_header(); again > 0) {
      out.placed.push_back({*item.header, static_cast<int>(out.frames.size()) - 1, frame.x + item.indent, y, true});
      y += again;
    }
    out.placed.push_back({i, static_cast<int>(out.frames.size()) - 1, frame.x + item.indent, y});
    y += item.height;
    ++in_frame;
  }
  close_boxes(0);
  out.frame_used.back() = std::max(out.frame_used.back(), y);
  for (const Frame& f : out.frames) out.pages = std::max(out.pages, f.page + 1);
  return out;
}

void place_items(Flow& flow, const Pagination& pagination) {
  for (const Placement& p : pagination.placed) {
    const Item& item = flow.items()[p.item];
    if (item.place && !p.again) item.place(pagination.frames[p.frame].page, p.x, p.y);
  }
}

void draw_flow_page(PdfDocument& doc, const Flow& flow, const Pagination& pagination, int page) {
  cairo_t* cr = doc.cr();
  doc.leave_leaves();
  cairo_new_path(cr);
  for (const BoxSegment& s : pagination.segments) {
    const Frame& frame = pagination.frames[s.frame];
    if (frame.page != page) continue;
    const Box& box = flow.boxes()[s.box];
    double x = frame.x + box.indent, w = box.width, h = s.bottom - s.top;
    if (h <= 0) continue;
    if (box.fill) {
      cairo_set_source_rgb(cr, box.fill->r, box.fill->g, box.fill->b);
      rounded_rectangle(cr, x, s.top, w, h, box.radius);
      cairo_fill(cr);
    }
    if (box.border) {
      cairo_set_source_rgb(cr, box.border->r, box.border->g, box.border->b);
      cairo_set_line_width(cr, 0.75);
      rounded_rectangle(cr, x + 0.375, s.top + 0.375, w - 0.75, h - 0.75, box.radius);
      cairo_stroke(cr);
    }
    if (box.rule) {
      cairo_set_source_rgb(cr, box.rule->r, box.rule->g, box.rule->b);
      cairo_rectangle(cr, x, s.top, 3, h);
      cairo_fill(cr);
    }
  }
  for (const Placement& p : pagination.placed) {
    if (pagination.frames[p.frame].page != page) continue;
    const Item& item = flow.items()[p.item];
    if (p.again) {
      if (item.draw_again) item.draw_again(doc, p.x, p.y);
    } else if (item.draw) {
      item.draw(doc, p.x, p.y);
    }
  }
}

}  // namespace herald::pdf
