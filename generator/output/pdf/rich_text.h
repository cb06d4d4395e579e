// Styled, linked text: laid out by Pango, drawn line by line inside structure tags.
#pragma once

#include <pango/pango.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/pdf/pdf_document.h"
#include "output/pdf/pdf_style.h"

namespace herald::pdf {

struct InlineFormat {
  bool bold = false, italic = false, code = false, strike = false;
  bool on_brand = false;  ///< white, for text drawn on a brand-coloured badge
  int script = 0;         ///< 1 superscript, -1 subscript: smaller, raised or lowered
  bool mark = false;      ///< highlighted
  bool small = false;     ///< a little smaller, never below the body minimum
  int abbreviation = -1;  ///< an abbreviation (RichText::abbreviation) whose expansion is known
  bool operator==(const InlineFormat&) const = default;
};

/// Where a link goes: a URI, or a named destination inside this PDF.
struct LinkTarget {
  std::string uri;
  std::string destination;
};

/// Text with bold, italic, code and links, as one paragraph holds it.
class RichText {
 public:
  struct Range {
    size_t start = 0, end = 0;  ///< bytes of text()
    InlineFormat format;
    int link = -1;
  };

  RichText() = default;
  explicit RichText(std::string_view plain) { append(plain, {}); }

  void append(std::string_view text, InlineFormat format, int link = -1);
  int add_link(LinkTarget target);
  /// An abbreviation's expansion, for InlineFormat::abbreviation.
  int add_abbreviation(std::string expansion);
  const std::string& abbreviation(int index) const { return abbreviations_[index]; }
  bool has_abbreviations() const { return !abbreviations_.empty(); }
  /// Drops white space at both ends (left by soft breaks and shortcodes).
  void trim();
  /// Marks where the text refers to footnote `note` (its number): here, the end of the text so far.
  void mark_note(int note) { notes_.push_back({text_.size(), note}); }
  /// Each footnote reference: its byte in text() and the note's number.
  const std::vector<std::pair<size_t, int>>& notes() const { return notes_; }

  const std::string& text() const { return text_; }
  const std::vector<Range>& ranges() const { return ranges_; }
  const std::vector<LinkTarget>& links() const { return links_; }
  bool blank() const;
  bool has_links() const;
  /// The visible text of one link, for its annotation's /Contents.
  std::string link_text(int link) const;

 private:
  std::string text_;
  std::vector<Range> ranges_;
  std::vector<std::pair<size_t, int>> notes_;
  std::vector<LinkTarget> links_;
  std::vector<std::string> abbreviations_;
};

struct TextStyle {
  double size = 10;  ///< points
  bool bold = false, italic = false, mono = false;
  Rgb colour = kText;
  Rgb link_colour = kLinkFallback;
  double line_spacing = 1.3;  ///< line height as a multiple of the font's height
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double hanging = 0;       ///< lines after the first are indented by this much
  double first_indent = 0;  ///< the first line is indented by this much (a run-in heading sits there)
};

/// A paragraph laid out at a width: its lines can be placed one by one, in
/// different columns or pages, and each is drawn as tagged content.
class TextBlock {
 public:
  TextBlock(PdfDocument& doc, RichText text, const TextStyle& style, double width);

  size_t line_count() const { return lines_.size(); }
  double line_height(size_t i) const { return lines_[i].height; }
  /// From the top of line i to its baseline.
  double line_baseline(size_t i) const { return lines_[i].baseline; }
  double height() const;
  /// Left edge and width of run `index` of line `line` (relative to the
  /// block); false when there is no such run.
  bool run_extent(size_t line, size_t index, double* x, double* width) const;
  /// Width of the widest line.
  double used_width() const { return used_width_; }
  /// The line holding byte `index` of the text.
  size_t line_at(size_t index) const;
  const RichText& text() const { return text_; }

  /// Tells the block where line i will be drawn, before anything is drawn:
  /// a link's clickable rectangles are all given when the link is opened.
  void place_line(size_t i, int page, double x, double y);
  /// Draws line i with its top-left corner at (x, y) as content of `element`
  /// (a leaf, or the parent of Span and Link children when there are links
  /// or abbreviations: an abbreviation's Span has its expansion); with
  /// `element` < 0, as an artifact (a table's header row repeated).
  void draw_line(PdfDocument& doc, size_t i, double x, double y, int element) const;
  /// Places and draws every line from (x, y) on the current page.
  void draw(PdfDocument& doc, double x, double y, int element);

 private:
  struct Run {
    PangoLayoutRun* run = nullptr;
    double x = 0, width = 0;
    size_t range = 0;
  };
  struct Line {
    double top = 0, height = 0, baseline = 0;
    std::vector<Run> runs;
  };
  struct Position {
    int page = 0;
    double x = 0, y = 0;
  };
  std::string link_attributes(int link, int page) const;

  RichText text_;
  TextStyle style_;
  LayoutPtr layout_;
  std::vector<Line> lines_;
  std::vector<Position> positions_;
  double used_width_ = 0;
  double total_height_ = 0;
  uint64_t uid_ = 0;
};

/// Pango font description of a style (caller frees).
PangoFontDescription* font_for(const TextStyle& style);
/// Width of `text` set in `style` on one line.
double text_width(PdfDocument& doc, std::string_view text, const TextStyle& style);
/// The widest single word of `text` in `style`: the narrowest a column can be
/// without breaking words.
double widest_word(PdfDocument& doc, const std::string& text, const TextStyle& style);

}  // namespace herald::pdf
