// Pagination of a flow into frames, with box paddings, keeps and widow control.
#include "output/pdf/flow.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

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
  for (const Item& item : items_) h += item.space_before + item.height;  // footnotes included: an upper bound
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
  // Footnotes: each note's lines and height; the notes of this frame, at its foot.
  std::map<int, std::vector<size_t>> note_lines;
  std::map<int, double> note_height;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].note < 0) continue;
    std::vector<size_t>& lines = note_lines[items[i].note];
    note_height[items[i].note] += (lines.empty() ? 0 : items[i].space_before) + items[i].height;
    lines.push_back(i);
  }
  std::vector<int> foot_notes;  // in this frame, in order
  std::set<int> noted;          // placed in any frame
  double foot = 0;              // their height with the rule's space
  auto notes_for = [&](const Item& item) {  // the height item's notes add to this frame's foot
    double h = 0;
    for (int n : item.notes) {
      if (noted.count(n) || !note_height.count(n)) continue;
      h += note_height[n] + (foot_notes.empty() && h == 0 ? flow.note_rule_space : flow.note_gap);
    }
    return h;
  };
  auto place_foot_notes = [&] {
    if (foot_notes.empty()) return;
    const int f = static_cast<int>(out.frames.size()) - 1;
    const Frame& frame = out.frames.back();
    double ny = frame.y + frame.height - foot;
    out.note_rules.push_back({f, ny + flow.note_rule_space / 2});
    ny += flow.note_rule_space;
    for (size_t k = 0; k < foot_notes.size(); ++k) {
      if (k > 0) ny += flow.note_gap;
      bool first = true;
      for (size_t line : note_lines[foot_notes[k]]) {
        if (!first) ny += items[line].space_before;
        first = false;
        out.placed.push_back({line, f, frame.x + items[line].indent, ny});
        ny += items[line].height;
      }
    }
    out.frame_used.back() = frame.y + frame.height;
    foot_notes.clear();
    foot = 0;
  };
  auto next_frame = [&]() -> bool {
    place_foot_notes();
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
    if (item.note >= 0) continue;  // at the foot of a frame, with the first line referring to it
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
      for (size_t j = i; j + 1 < items.size() && j < i + 3 && items[j].keep_with_next && items[j + 1].note < 0; ++j) {
        with_chain += needed(j + 1, chain_open, false);
        chain_open = items[j + 1].boxes;
      }
      double reserve = std::max(reserve_below(item), 0.0) + foot + notes_for(item);
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
    foot += notes_for(item);
    for (int n : item.notes)
      if (note_height.count(n) && noted.insert(n).second) foot_notes.push_back(n);
  }
  place_foot_notes();
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
  for (const auto& [f, y] : pagination.note_rules) {  // above a frame's footnotes
    const Frame& frame = pagination.frames[f];
    if (frame.page != page) continue;
    cairo_set_source_rgb(cr, 0.42, 0.42, 0.42);
    cairo_rectangle(cr, frame.x, y - 0.25, frame.width / 3, 0.5);
    cairo_fill(cr);
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
