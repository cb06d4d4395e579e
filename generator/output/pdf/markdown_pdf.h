// The Markdown tree of a page as tagged flow items: headings, paragraphs, lists, tables, images.
#pragma once

#include <cmark-gfm.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "markdown/footnotes.h"
#include "output/pdf/file_index.h"
#include "output/pdf/flow.h"
#include "output/pdf/html_fragment.h"
#include "output/pdf/pdf_document.h"
#include "output/pdf/pdf_style.h"
#include "output/pdf/rich_text.h"

namespace herald {
struct Library;
class Document;
}

namespace herald::pdf {

/// Runs of spaces, tabs and line breaks as one space.
std::string collapse_spaces(const std::string& text);
/// A node's literal, or "".
std::string literal_of(cmark_node* node);

/// Warnings met while laying out one PDF. A layout may be tried at several
/// text sizes; each warning is reported once.
class PdfWarnings {
 public:
  void add(int line, std::string message);
  void report(Diagnostics& diags, const std::string& path) const;
  size_t size() const { return items_.size(); }
  const std::vector<std::pair<int, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<int, std::string>> items_;
};

/// What the Markdown of one page needs to become PDF content.
struct MarkdownSource {
  const Document* doc = nullptr;
  const Config* config = nullptr;
  /// The page's language's library, when another language's: a link to a
  /// file of static/ leads to the site's top, where the file is.
  const Library* library = nullptr;
  std::string page_url;  ///< site path, e.g. /briefings/sudi/
  int line_offset = 0;   ///< lines before the body in the file
  const FileIndex* files = nullptr;
  PdfWarnings* warnings = nullptr;
  std::set<std::string> destinations;  ///< anchors that exist in this PDF
};

struct BodyStyle {
  double size = 10.5;
  double line_spacing = 1.25;
  Palette palette;
  int top_heading = 2;  ///< the level of the first heading inside the body (H1 is the title)
  double max_image_height = 360;
  bool rule_above_top_headings = false;  ///< newsletters: a line above each article
  /// A report: each footnote at the foot of the page that first refers to
  /// it, rather than at the end of its section.
  bool notes_at_foot = false;
  double notes_width = 0;  ///< with notes_at_foot: the width of the frame they go across
};

/// Where blocks go: their structure parent, their place across the frame,
/// and the boxes around them.
struct Region {
  int element = 0;
  double indent = 0, width = 0;
  std::vector<int> boxes;
};

/// Turns Markdown blocks into items of a Flow, declaring their structure
/// elements in the document. The items keep what they draw alive, so the
/// layout object itself may go once the blocks are added.
class MarkdownLayout {
 public:
  MarkdownLayout(PdfDocument& doc, Flow& flow, const MarkdownSource& source, const BodyStyle& style);

  /// Adds the blocks from `first` up to (not including) `stop`; null `stop`: to the end.
  void add_blocks(cmark_node* first, cmark_node* stop, const Region& region);
  /// Adds text as lines of one element (P, H2...). `heading_level` > 0 makes
  /// the lines a heading: kept with what follows, bookmarked, a destination.
  void add_text(RichText text, const TextStyle& style, const Region& region, int element, double space_before,
                int heading_level = 0, const std::string& anchor = "");
  /// A figure for an image node's URL and alt text (a placeholder with a
  /// warning when the image cannot be used).
  void add_image(const std::string& url, const std::string& alt, int line, const Region& region);

  /// The text of inline children of `node`, with formats and links.
  RichText inline_text(cmark_node* node);
  TextStyle body_text() const;
  TextStyle heading_text(int level) const;
  /// Space between paragraphs.
  double paragraph_space() const { return style_.size * 0.55; }
  /// The space above the next block, instead of its usual one.
  void set_next_space(double space) { next_space_ = space; }
  /// Leaves `width` free at the start of the next block's first line, for a
  /// run-in heading, if that block is a paragraph; run_in_used() tells.
  void set_run_in(double width) {
    run_in_ = width;
    run_in_used_ = false;
  }
  bool run_in_used() const { return run_in_used_; }
  /// Called, before any page is drawn, with each heading's anchor and the
  /// page (from 0) its first line is placed on: a contents page's numbers.
  void on_heading_placed(std::function<void(const std::string& anchor, int page)> callback) {
    heading_placed_ = std::move(callback);
  }
  /// The level of the heading the next blocks sit under (2 inside a briefing
  /// panel): their headings continue from it without skipping a level.
  void set_heading_context(int level) { last_heading_level_ = level; }

 private:
  /// An element of herald's inline HTML left open, and what it changed.
  struct OpenHtml {
    std::string name;
    InlineFormat format;  ///< before it
    int link = -1;        ///< before it
  };
  struct InlineState {
    InlineFormat format;
    int link = -1;
    std::vector<OpenHtml> html_stack;  ///< open tags of shortcodes and inline elements
  };
  void add_block(cmark_node* node, const Region& region);
  void add_paragraph(cmark_node* node, const Region& region);
  void add_heading(cmark_node* node, const Region& region);
  void add_list(cmark_node* node, const Region& region);
  void add_quote(cmark_node* node, const Region& region);
  void add_code(cmark_node* node, const Region& region);
  /// A `chart` block: its title, the chart drawn as a Figure described in
  /// words, its source (chart_pdf.cc).
  void add_chart(cmark_node* node, const Region& region);
  static std::string literal_of_node(cmark_node* node);
  void add_rule(const Region& region);
  void add_html_block(cmark_node* node, const Region& region);
  void add_table(cmark_node* node, const Region& region);
  void add_footnote(cmark_node* node, const Region& region);
  /// Where the footnotes go (markdown/footnotes.h): at the end of each section.
  void place_notes(cmark_node* root);
  /// The notes of the section that `node` (a heading) ends, if not added yet.
  void add_notes_before(cmark_node* node, const Region& region);
  void collect_inlines(cmark_node* node, RichText& out, InlineState& state);
  void add_inline_html(const std::string& html, RichText& out, InlineState& state);
  void add_html_token(const HtmlToken& token, RichText& out, InlineState& state);
  void add_item(Item item, double label_baseline);
  double take_space(double normal);
  int line_of(cmark_node* node) const;
  void warn(int line, std::string message);

  PdfDocument& doc_;
  Flow& flow_;
  const MarkdownSource& source_;
  BodyStyle style_;
  /// Draws a list label beside the next item added (its baseline offset is given to it).
  std::function<void(PdfDocument&, double x, double y, double baseline)> pending_label_;
  void flush_label();
  std::optional<double> next_space_;
  double run_in_ = 0;
  bool run_in_used_ = false;
  bool after_heading_ = false;
  int last_heading_level_ = 1;
  int list_depth_ = 0;
  int footnotes_ = 0;
  std::function<void(const std::string& anchor, int page)> heading_placed_;
  std::vector<FootnoteGroup> note_groups_;
  std::unordered_map<cmark_node*, size_t> notes_before_;  ///< section's next heading -> its notes
  std::unordered_map<cmark_node*, int> note_numbers_;
  std::unordered_map<int, cmark_node*> note_definitions_;  ///< by number, for notes at the foot
  int current_note_ = -1;  ///< the number of the footnote being laid out at a page's foot
  /// Adds, as lines for the foot of a page, each note `text` refers to not added yet.
  void add_foot_notes(const RichText& text, const Region& region);
  std::set<cmark_node*> notes_done_;
};

}  // namespace herald::pdf
