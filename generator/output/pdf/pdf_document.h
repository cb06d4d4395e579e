// One print PDF being drawn: the cairo PDF surface, this thread's Pango fonts, and the structure tags.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace herald::pdf {

struct GObjectUnref {
  void operator()(void* object) const;
};
/// A Pango layout owned by the caller.
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

/// What the document information, the XMP packet and the catalogue say.
struct PdfMetadata {
  std::string title;
  std::string author;    ///< the partnership
  std::string subject;   ///< the page summary
  std::string keywords;  ///< topics, comma separated
  std::string language = "en-GB";
  int64_t created = 0;     ///< UTC seconds (from git, never the clock)
  int offset_seconds = 0;  ///< the site's UTC offset at that instant
};

/// Facts the post-pass adds to the structure tree, in the order the elements
/// were opened (which is the order of the tree).
struct TagNotes {
  std::vector<std::string> link_contents;  ///< one per Link element
  std::vector<std::string> figure_alts;    ///< one per Figure element
  std::vector<std::string> span_expansions;  ///< one per Span element: an abbreviation's /E, or ""
};

/// A PDF under construction. Drawing code declares structure elements with
/// add_element() and draws content after enter(); anything drawn while no
/// leaf element is open becomes an artifact in the post-pass. Not shared
/// between threads: each render task makes its own.
class PdfDocument {
 public:
  explicit PdfDocument(const PdfMetadata& metadata);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  cairo_t* cr() const { return cr_; }
  PangoContext* pango() const { return pango_; }
  LayoutPtr new_layout() const;

  /// The Document element every other element descends from.
  int root() const { return 0; }
  /// Declares a structure element (H1, P, L, LI, Lbl, LBody, Table, TR, TH,
  /// TD, Figure, Sect, BlockQuote...). Nothing is written until it is entered.
  int add_element(int parent, const char* role);
  /// Opens `element` (and its ancestors) as the leaf that receives the content
  /// drawn next, closing whatever else was open.
  void enter(int element);
  /// Opens an inline leaf (Span or Link) inside `element`. An inline already
  /// open with the same `key` stays open, so a link broken over two lines is
  /// one Link element.
  void enter_inline(int element, const char* role, const std::string& attributes, uint64_t key);
  /// Is the inline with this key the open leaf?
  bool inline_open(uint64_t key) const {
    return !open_.empty() && open_.back().element == -1 && open_.back().key == key;
  }
  /// Closes the open leaves: what is drawn next is decoration (an artifact).
  void leave_leaves();
  /// Records the /Contents of the Link and the /Alt of the Figure opened next.
  void note_link(std::string contents) { notes_.link_contents.push_back(std::move(contents)); }
  void note_figure(std::string alt) { notes_.figure_alts.push_back(std::move(alt)); }
  /// Records the expansion (/E) of the Span opened next: what an
  /// abbreviation in it stands for, or "".
  void note_span(std::string expansion) { notes_.span_expansions.push_back(std::move(expansion)); }

  /// A named destination at (x, y) on the current page, for links and bookmarks.
  void add_destination(const std::string& name, double x, double y);
  /// A bookmark to a named destination; returns its id for children.
  int add_outline(int parent, const std::string& title, const std::string& destination);
  /// A bookmark for a heading of `level` (2 for H2): nested under the last
  /// bookmark of a lower level.
  void add_heading_bookmark(int level, const std::string& title, const std::string& destination);

  /// A number unique within this document, for inline keys.
  uint64_t next_uid() { return ++uid_; }
  /// The current page, from 1.
  int page_number() const { return page_; }
  void next_page();

  /// Finishes the PDF, runs the post-pass and returns the file. Throws
  /// std::runtime_error when cairo or qpdf fail.
  std::string finish();

 private:
  struct Element {
    std::string role;
    int parent = -1;
  };
  struct Open {
    int element = -1;  ///< -1 for an inline
    std::string role;
    uint64_t key = 0;
    bool leaf = false;
  };
  void close_top();
  void close_all();

  PdfMetadata metadata_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* pango_ = nullptr;
  std::vector<Element> elements_;
  std::vector<Open> open_;
  TagNotes notes_;
  std::vector<std::pair<int, int>> bookmarks_;  ///< open bookmark levels and ids
  uint64_t uid_ = 0;
  int page_ = 1;
  bool finished_ = false;
};

/// Escapes a string for a cairo tag attribute value ('...').
std::string tag_string(const std::string& text);
/// A URI safe inside a PDF string and a cairo attribute: spaces, quotes,
/// parentheses, backslashes and non-ASCII bytes percent-encoded.
std::string safe_uri(const std::string& uri);
/// A destination name of [A-Za-z0-9_.-] only (cairo writes names unescaped).
std::string safe_destination(const std::string& anchor);

}  // namespace herald::pdf
