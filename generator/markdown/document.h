// A parsed Markdown body: the checked cmark-gfm tree, its headings and anchors, and its HTML.
#pragma once

#include <cmark-gfm.h>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "markdown/gfm.h"
#include "markdown/link_use.h"
#include "markdown/rendered_body.h"

namespace herald {

class ParseCacheCodec;

/// A heading of the body.
struct Heading {
  int level = 0;       ///< as written: 2 for `##`
  std::string text;    ///< plain text, whitespace collapsed
  std::string anchor;  ///< unique in the document
  int line = 0;        ///< in the file (1-based), front matter included
  /// Its number when herald numbers the headings (MarkdownOptions::
  /// number_headings): "2", "2.1" or "2.1.3" for `##`, `###` and `####`
  /// outside any block; "" otherwise.
  std::string number;
};

/// The content under one heading, up to the next heading of the same level
/// or higher. `html` leaves out the heading itself.
struct DocumentSection {
  int number_hint = 0;  ///< the number written at the start of the heading ("01 Purpose"), or 0
  Heading heading;
  std::string html;
};

/// Resolves {{contact id}} / {{phone id}} shortcodes. Returns the HTML to
/// insert, or nullopt if the id is unknown.
struct ShortcodeResolver {
  std::function<std::optional<std::string>(std::string_view name, std::string_view id, bool block)> resolve;
  /// The known id an unknown one was most likely meant to be, or "" (may be empty).
  std::function<std::string(std::string_view id)> nearest;
};

/// One shortcode found in the body, resolved or not.
struct ShortcodeUse {
  std::string name;  ///< `contact` or `phone`
  std::string id;
  bool block = false;  ///< a contact card standing alone in its paragraph
  int line = 0;        ///< of the `{{`, in the file
  int column = 0;
  std::optional<std::string> html;  ///< nullopt: unknown id (reported as an error)
};

struct MarkdownOptions {
  std::string path;     ///< repo-relative path of the file, for diagnostics
  int line_offset = 0;  ///< lines before the Markdown body (front matter incl. both --- lines)
  const ShortcodeResolver* shortcodes = nullptr;  ///< null: shortcodes stay as text
  std::string base_url;                           ///< for absolute links if needed; may be empty
  /// Number the headings 1, 1.1, 1.1.1 (a report's, §10): each `##`, `###`
  /// and `####` heading gets its number (Heading::number), shown before its
  /// text.
  bool number_headings = false;
};

/// A Markdown body parsed with cmark-gfm and made safe: the author's raw HTML
/// (a warning) and links and images not allowed (an error, is_allowed_link_url)
/// are gone, but for the few inline elements allowed (§9), whose tags herald
/// writes again itself; shortcodes are expanded, every
/// heading has a unique anchor, and the content checks of spec §7 have been
/// reported. Movable, not copyable; immutable after `parse`, so any number of
/// threads may render one document at once.
class Document {
 public:
  /// Parses `markdown`, reporting problems into `diags` at their file line
  /// and column. Safe to call from many threads at once.
  static Document parse(std::string_view markdown, const MarkdownOptions& options, Diagnostics& diags);

  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// Every heading, in document order, with unique anchors.
  const std::vector<Heading>& headings() const {
    ready();
    return headings_;
  }
  /// Every shortcode, in document order.
  const std::vector<ShortcodeUse>& shortcodes() const {
    ready();
    return shortcodes_;
  }
  /// Plain text of the first paragraph that has any (for a default summary):
  /// a top-level paragraph if there is one; no markup, no shortcodes, no image
  /// text; whitespace collapsed.
  std::string first_paragraph_text() const {
    ready();
    return first_paragraph_;
  }
  /// Words of text content (code included; raw HTML, contact cards and image
  /// alt text left out).
  size_t word_count() const {
    ready();
    return word_count_;
  }

  /// The data of each chart of the body, in order, as CSV: the files
  /// `chart-1.csv`, `chart-2.csv`… its page links to (output/chart_html.h).
  const std::vector<std::string>& chart_csvs() const {
    ready();
    return chart_csvs_;
  }

  /// Every link and image the body publishes, in document order; taken
  /// (moved out) once, by the page that keeps them.
  std::vector<LinkUse> take_links() { return std::move(links_); }

  /// The whole body as HTML, headings with their `id`s. Rendered once, by
  /// `parse`.
  std::string html() const {
    ready();
    return std::string(body_.html());
  }

  /// Splits the body at the top-level headings of `level` (2 = `##`); a
  /// heading of a higher level (`#` when splitting at `##`) also starts a
  /// section, so nothing is lost. The text before the first such heading is
  /// returned in `lead_html` (when not null). With `map_url`, relative URLs
  /// are mapped as by `html_with_urls`.
  std::vector<DocumentSection> sections(
      int level, std::string* lead_html,
      const std::function<std::string(std::string_view)>* map_url = nullptr) const;

  /// The checked tree, for other renderers (PDF) that walk the AST. Headings
  /// are HEADING nodes (see `heading_at`); shortcodes are HTML_BLOCK or
  /// HTML_INLINE nodes holding the resolved HTML (see `shortcode_at`); the
  /// inline elements allowed (§9) are HTML_INLINE nodes holding their tags
  /// as herald writes them (`<sup>`, `</sup>`, `<abbr title="…">`, `<br />`
  /// in a table cell; markdown/inline_html.h), each opening tag and its
  /// closing one in the same parent: every other raw HTML node was removed.
  /// Do not modify it (the nodes' user data is herald's too).
  cmark_node* root() const { return root_.get(); }
  /// Frees the tree (root() is null from then on) when nothing will walk it:
  /// the HTML, headings and text are kept. Saves memory on large sites.
  void release_tree() { root_.reset(); }
  /// The heading record of a HEADING node of `root()`, else null.
  const Heading* heading_at(cmark_node* node) const;
  /// The shortcode an HTML node of `root()` came from, else null.
  const ShortcodeUse* shortcode_at(cmark_node* node) const;

  /// The body as HTML with every relative link and image URL (no scheme, not
  /// `//host`: `photo.jpg`, `/about/`, `#part`) replaced by `map_url(url)`
  /// (which gets the URL as written, and returns it unescaped): for bundle
  /// images and absolute URLs in feeds. The document is unchanged.
  std::string html_with_urls(const std::function<std::string(std::string_view)>& map_url) const {
    ready();
    return body_.html_with_urls(map_url);
  }
  /// As html_with_urls, for a feed: a chart shows its table, not its picture.
  std::string html_for_feed(const std::function<std::string(std::string_view)>& map_url) const {
    ready();
    return body_.html_for_feed(map_url);
  }

 private:
  friend class ParseCacheCodec;  // stores the document without its tree (cache/parse_cache_codec.h)

  Document() = default;

  /// A document read from the parse cache is decoded when it is first used
  /// (most pages of a rebuild are never rendered): its bytes, checked when
  /// the entry was read, and the decoder, which fills the members once.
  struct Encoded {
    std::once_flag decoded;
    std::string_view bytes;
    std::shared_ptr<const void> owner;  ///< keeps `bytes` alive
    void (*decode)(Document& doc, std::string_view bytes, const std::shared_ptr<const void>& owner) = nullptr;
  };
  void ready() const {
    if (encoded_)
      std::call_once(encoded_->decoded, [this] {
        encoded_->decode(const_cast<Document&>(*this), encoded_->bytes, encoded_->owner);
      });
  }

  std::unique_ptr<Encoded> encoded_;  ///< set only by the parse cache
  CmarkNodePtr root_;
  RenderedBody body_;
  std::vector<Heading> headings_;
  std::vector<ShortcodeUse> shortcodes_;
  std::vector<LinkUse> links_;  ///< until the page takes them: never in the parse cache's document
  std::string first_paragraph_;
  size_t word_count_ = 0;
  std::vector<std::string> chart_csvs_;
};

}  // namespace herald
