// The tree changed for one HTML render and put back: alerts as boxes, footnotes at their sections' ends, total rows in a <tfoot>.
#pragma once

#include <cmark-gfm.h>

#include <vector>

namespace herald {

/// While it lives, the tree renders as herald shows it: each alert
/// (markdown/alerts.h) as a labelled box instead of a quotation, the
/// footnotes at the end of their sections (markdown/footnotes.h) instead of
/// at the end of the body, and a table whose last row is a total
/// (markdown/total_row.h) with that row in its footer. undo() (or the
/// destructor) puts the tree back exactly as it was. Only while no other
/// thread can see the tree. Made after the URLs are marked and before the
/// headings are replaced (RenderedBody::render), so that what it renders
/// holds the URL markers, and a note goes before the heading of the next
/// section.
class RenderRewrites {
 public:
  explicit RenderRewrites(cmark_node* root);
  ~RenderRewrites() { undo(); }
  RenderRewrites(const RenderRewrites&) = delete;
  RenderRewrites& operator=(const RenderRewrites&) = delete;

  void undo();

 private:
  struct Alert {
    cmark_node* quote;
    cmark_node* open;   ///< HTML block before the quote's blocks
    cmark_node* close;  ///< after them
  };
  struct Replaced {
    cmark_node* node;   ///< unlinked meanwhile
    cmark_node* block;  ///< the HTML block in its place
  };

  cmark_node* root_;
  std::vector<Replaced> tables_;
  std::vector<cmark_node*> definitions_;  ///< unlinked meanwhile, in their order
  std::vector<cmark_node*> notes_;        ///< the HTML blocks showing them
  std::vector<Alert> alerts_;
  bool undone_ = false;
};

}  // namespace herald
