// A Markdown body rendered once, with where its URLs and headings are: copies are cut, not re-rendered.
#pragma once

#include <cmark-gfm.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/shared_text.h"

namespace herald {

struct Heading;
class ParseCacheCodec;

/// A piece of the HTML of a block herald draws itself (a chart).
struct HtmlPiece {
  enum class Kind {
    html,             ///< HTML, written as it is
    url,              ///< a relative URL (unescaped), mapped as the body's links are
    feed_skip_start,  ///< what follows, up to feed_skip_end, is left out of feeds
    feed_skip_end,
  };
  Kind kind = Kind::html;
  std::string text;
};

/// A block of the tree that is rendered as herald's own HTML, in pieces.
struct DrawnBlock {
  cmark_node* node = nullptr;
  std::vector<HtmlPiece> pieces;
};

/// The body's HTML, rendered once when the document is parsed, plus where
/// each relative link or image URL and each top-level heading sits in it.
/// URL-mapped copies and sections are then cut from this string: no parsing
/// or rendering again, and nothing shared is modified, so any number of
/// threads may use one at once.
class RenderedBody {
 public:
  using UrlMap = std::function<std::string(std::string_view)>;

  /// Renders `root`, each node of `heading_nodes` (HEADING nodes, one per
  /// entry of `headings`) as `<hN id="anchor">…</hN>`, its alerts,
  /// footnotes and total rows as herald shows them (markdown/render_rewrites.h).
  /// For the time of the call the tree is changed (headings replaced by HTML
  /// blocks, the URLs of `url_nodes` by markers, and those rewrites) and then
  /// put back exactly as it was: call it
  /// only while no other thread can see the tree. `seed` (the Markdown text)
  /// makes the markers unique. Each block of `drawn` is rendered as its
  /// pieces instead (and put back too).
  static RenderedBody render(cmark_node* root, const std::vector<Heading>& headings,
                             const std::vector<cmark_node*>& heading_nodes,
                             const std::vector<cmark_node*>& url_nodes, const std::vector<DrawnBlock>& drawn,
                             std::string_view seed);

  std::string_view html() const { return html_; }

  /// The HTML with every recorded URL replaced by `map_url(url)`.
  std::string html_with_urls(const UrlMap& map_url) const;

  /// As html_with_urls, without the parts drawn blocks leave out of feeds
  /// (a chart's picture: a feed shows its table).
  std::string html_for_feed(const UrlMap& map_url) const;

  /// One piece of the body between top-level headings.
  struct Part {
    size_t heading = 0;  ///< index into the headings; unused for the lead
    std::string html;
  };

  /// Splits at the top-level headings of `level` or higher (a smaller
  /// number). The part before the first goes to `lead` (when not null).
  /// URLs are mapped when `map_url` is given.
  std::vector<Part> split(const std::vector<Heading>& headings, int level, std::string* lead,
                          const UrlMap* map_url) const;

 private:
  friend class ParseCacheCodec;  // stores and checks the recorded places (cache/parse_cache_codec.h)

  struct UrlSite {
    size_t begin = 0, end = 0;  ///< the escaped URL in html_
    std::string url;            ///< as the author wrote it (after entity decoding)
  };
  struct HeadingSite {
    size_t begin = 0, end = 0;  ///< the heading's HTML, its line ending included
    size_t heading = 0;
  };

  struct SkipSite {
    size_t begin = 0, end = 0;  ///< left out of feeds
  };

  /// html_[begin, end) with the URLs inside mapped (if `map_url`), and for a
  /// feed without the skipped parts.
  std::string slice(size_t begin, size_t end, const UrlMap* map_url, bool for_feed = false) const;

  SharedText html_;
  std::vector<UrlSite> urls_;
  std::vector<HeadingSite> headings_;
  std::vector<SkipSite> skips_;
};

}  // namespace herald
