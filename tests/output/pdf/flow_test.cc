// Pagination of flow items into frames: keeps, widows, boxes, overflow.
#include "output/pdf/flow.h"

#include <doctest/doctest.h>

using namespace herald::pdf;

namespace {

Frame column(int index) { return Frame{index, 0, 0, 100, 100}; }

Item line(double height, double space = 0) {
  Item item;
  item.height = height;
  item.space_before = space;
  return item;
}

}  // namespace

TEST_CASE("items fill a frame and continue in the next; space is dropped at the top of a frame") {
  Flow flow;
  for (int i = 0; i < 5; ++i) flow.add(line(30, 10));
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  REQUIRE(p->placed.size() == 5);
  CHECK(p->placed[0].y == 0);  // no space at the top of the first frame
  CHECK(p->placed[1].y == 40);
  CHECK(p->placed[2].frame == 1);  // 80 + 30 > 100
  CHECK(p->placed[2].y == 0);
  CHECK(p->pages == 3);
  CHECK_FALSE(p->overflow);
}

TEST_CASE("a heading kept with the next item moves to the next frame with it") {
  Flow flow;
  flow.add(line(60));
  Item heading = line(20);
  heading.keep_with_next = true;
  flow.add(heading);
  flow.add(line(30));
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  CHECK(p->placed[1].frame == 1);  // 60 + 20 fits, 60 + 20 + 30 does not
  CHECK(p->placed[2].frame == 1);
}

TEST_CASE("boxes get their padding in every frame they cross") {
  Flow flow;
  Box box;
  box.pad_top = 5;
  box.pad_bottom = 5;
  box.width = 100;
  int b = flow.add_box(box);
  for (int i = 0; i < 4; ++i) {
    Item item = line(31);
    item.boxes = {b};
    flow.add(item);
  }
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  REQUIRE(p->segments.size() == 2);
  CHECK(p->segments[0].top == 0);
  CHECK(p->placed[0].y == 5);
  CHECK(p->segments[0].bottom == 5 + 62 + 5);  // a third line would leave no room for the bottom padding
  CHECK(p->segments[1].frame == 1);
  CHECK(p->placed[2].frame == 1);
}

TEST_CASE("an item taller than any frame is placed anyway and reported; too few frames is a failure") {
  Flow flow;
  flow.add(line(150));
  flow.add(line(10));
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  CHECK(p->overflow);
  CHECK(p->placed[1].frame == 1);
  Flow more;
  for (int i = 0; i < 30; ++i) more.add(line(30));
  CHECK_FALSE(paginate(more, column, 3).has_value());
}

TEST_CASE("break_before starts a new frame") {
  Flow flow;
  flow.add(line(10));
  Item second = line(10);
  second.break_before = true;
  flow.add(second);
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  CHECK(p->placed[1].frame == 1);
}

TEST_CASE("a footnote goes at the foot of the frame of the line that refers to it, under a rule; a line goes on "
          "with its note when both do not fit") {
  Flow flow;
  flow.note_rule_space = 10;
  flow.note_gap = 2;
  flow.add(line(30));
  Item refers = line(20);
  refers.notes = {1};
  flow.add(refers);
  Item note = line(12);  // the note's line, added after the text that refers to it
  note.note = 1;
  flow.add(note);
  Item second = line(20);
  second.notes = {2};
  flow.add(second);
  Item note2 = line(12);
  note2.note = 2;
  flow.add(note2);
  auto p = paginate(flow, column, 10);
  REQUIRE(p);
  auto placement = [&](size_t item) {
    for (const Placement& at : p->placed)
      if (at.item == item) return at;
    FAIL("not placed");
    return Placement{};
  };
  // 30 + 20 of text, then the note of 12 at the foot: 100 - 12.
  CHECK(placement(1).frame == 0);
  CHECK(placement(2).frame == 0);
  CHECK(placement(2).y == doctest::Approx(88));
  REQUIRE(p->note_rules.size() == 2);
  CHECK(p->note_rules[0].first == 0);
  CHECK(p->note_rules[0].second == doctest::Approx(83));
  // 50 + 20 + 12 + 2 (between notes) + 12 + 10 (the rule) = 106 > 100: the line and its note go on.
  CHECK(placement(3).frame == 1);
  CHECK(placement(3).y == 0);
  CHECK(placement(4).frame == 1);
  CHECK(placement(4).y == doctest::Approx(88));
  CHECK_FALSE(p->overflow);
}
