// Vertical flow: unbreakable items (lines, rows, images) poured into frames (columns, pages).
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "output/pdf/pdf_document.h"
#include "output/pdf/pdf_style.h"

namespace herald::pdf {

/// A decorated region around a run of items: a panel, a quotation, a code
/// block. Its background is drawn as an artifact under the items.
struct Box {
  std::optional<Rgb> fill;
  std::optional<Rgb> rule;  ///< a bar down the left edge
  std::optional<Rgb> border;
  double pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
  double radius = 0;
  double indent = 0;  ///< from the frame's left edge
  double width = 0;
};

/// One unbreakable piece of content: a text line, a table row, an image.
struct Item {
  double height = 0;
  double space_before = 0;  ///< dropped at the top of a frame
  double indent = 0;        ///< from the frame's left edge
  bool keep_with_next = false;
  bool break_before = false;  ///< starts a new frame
  std::vector<int> boxes;     ///< the boxes it is in, outermost first
  /// Learns its position before any page is drawn (links need it).
  std::function<void(int page, double x, double y)> place;
  /// Draws the content with its top-left corner at (x, y).
  std::function<void(PdfDocument&, double x, double y)> draw;
  /// A table's row: the index of its header row's item, drawn again (by
  /// its draw_again, as an artifact) above it when the row starts a frame.
  std::optional<size_t> header;
  /// A header row drawn again at the top of a frame its table runs on to.
  std::function<void(PdfDocument&, double x, double y)> draw_again;
  /// A line of footnote `note` (>= 0): not poured with the rest, but put at
  /// the foot of the frame of the first item that refers to the note.
  int note = -1;
  /// The footnotes this item refers to (a line with a reference): the item
  /// goes in a frame only with room for them at its foot.
  std::vector<int> notes;
};

/// A rectangle that receives items: a column of a page.
struct Frame {
  int page = 0;  ///< from 0
  double x = 0, y = 0, width = 0, height = 0;
};

struct Placement {
  size_t item = 0;
  int frame = 0;
  double x = 0, y = 0;
  bool again = false;  ///< a header row repeated (Item::draw_again)
};

struct BoxSegment {
  int box = 0;
  int frame = 0;
  double top = 0, bottom = 0;
};

struct Pagination {
  std::vector<Frame> frames;  ///< every frame used
  std::vector<Placement> placed;
  std::vector<BoxSegment> segments;
  std::vector<double> frame_used;  ///< lowest y reached in each frame
  /// Where a short rule goes above a frame's footnotes: the frame and the y.
  std::vector<std::pair<int, double>> note_rules;
  int pages = 0;
  bool overflow = false;  ///< an item taller than its frame was placed anyway
};

class Flow {
 public:
  int add_box(const Box& box);
  void add(Item item) { items_.push_back(std::move(item)); }
  std::vector<Item>& items() { return items_; }
  const std::vector<Item>& items() const { return items_; }
  const std::vector<Box>& boxes() const { return boxes_; }
  Box& box(int id) { return boxes_[id]; }
  bool empty() const { return items_.empty(); }
  /// Sum of the items' heights and spaces, ignoring frames.
  double natural_height() const;
  /// The space above a frame's footnotes (their rule midway) and between two of them.
  double note_rule_space = 12, note_gap = 3;

 private:
  std::vector<Item> items_;
  std::vector<Box> boxes_;
};

/// Pours the items into frames frame_at(0), frame_at(1), ... Stops with
/// every item placed, or after `max_frames` frames (then returns nullopt).
std::optional<Pagination> paginate(const Flow& flow, const std::function<Frame(int)>& frame_at,
                                   int max_frames);

/// Tells every placed item where it goes (call once, before drawing).
void place_items(Flow& flow, const Pagination& pagination);
/// Draws the box backgrounds (as artifacts) and then the items of one page.
void draw_flow_page(PdfDocument& doc, const Flow& flow, const Pagination& pagination, int page);

}  // namespace herald::pdf
