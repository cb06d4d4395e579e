// Turns Markdown into a checked cmark tree: raw HTML and URLs not allowed out, shortcodes in, headings anchored.
#include "markdown/transform.h"

#include <fmt/format.h>

#include <cstdint>
#include <set>
#include <utility>

#include "core/invisible.h"
#include "core/text.h"
#include "markdown/alerts.h"
#include "markdown/anchors.h"
#include "markdown/inline_html.h"
#include "markdown/lints.h"
#include "markdown/plain_text.h"
#include "markdown/shortcodes.h"
#include "markdown/source_lines.h"
#include "markdown/urls.h"

namespace herald {
namespace {

void* index_tag(size_t index) { return reinterpret_cast<void*>(static_cast<uintptr_t>(index + 1)); }

class Transformer {
 public:
  explicit Transformer(const TransformSettings& settings) : s_(settings), source_(settings.markdown) {}

  TransformResult run() {
    result_.root = parse_gfm(s_.markdown);
    cmark_node* root = result_.root.get();
    check_and_sanitise(root);
    cmark_consolidate_text_nodes(root);
    mark_alerts(root, [this](cmark_node* node, std::string_view needle) { return locate(node, needle); }, s_.diags);
    collect(root);
    for (cmark_node* text : link_texts_) check_link_text(text);
    for (cmark_node* text : texts_) expand_shortcodes(text);
    anchor_headings();
    return std::move(result_);
  }

 private:
  // --- positions ---------------------------------------------------------

  // cmark's start position of the node, or of its nearest ancestor that has
  // one (inline nodes made by extensions may have none). Body-relative.
  static std::pair<int, int> body_position(cmark_node* node) {
    for (cmark_node* n = node; n; n = cmark_node_parent(n)) {
      int line = cmark_node_get_start_line(n);
      if (line > 0) return {line, std::max(1, cmark_node_get_start_column(n))};
    }
    return {1, 1};
  }

  SourceLocation file_location(int body_line, int column) const {
    return {std::string(s_.path), body_line + s_.line_offset, column};
  }

  // The position of a node, moved onto `needle` when cmark's column is off.
  SourceLocation locate(cmark_node* node, std::string_view needle) {
    auto [line, column] = body_position(node);
    return file_location(line, source_.find_column(line, column, needle));
  }

  // A link or image. cmark's column is right on the first line of a
  // paragraph but not after stripped indentation, and the extension's bare
  // autolinks have none of their own: look for how the link was written.
  SourceLocation locate_link(cmark_node* node, bool image, std::string_view text) {
    auto [line, column] = body_position(node);
    std::string_view source_line = source_.line(line);
    char expected = image ? '!' : '[';
    if (column - 1 < static_cast<int>(source_line.size())) {
      char c = source_line[column - 1];
      if (c == expected || (!image && c == '<')) return file_location(line, column);
    }
    std::vector<std::string> needles;
    if (image) {
      needles = {"![" + std::string(text), "!["};
    } else {
      needles = {"[" + std::string(text), "<" + std::string(text), std::string(text), "["};
    }
    for (const std::string& needle : needles)
      if (int found = source_.find(line, column, needle)) return file_location(line, found);
    return file_location(line, column);
  }

  // --- pass 1: content checks, raw HTML, URLs not allowed ----------------

  void check_and_sanitise(cmark_node* root) {
    std::vector<cmark_node*> raw_html, refused_links, refused_images;
    std::vector<TagNode> allowed_tags;
    int previous_level = 1;
    int last_inline_html_line = -1;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter);
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: {
          bool is_inline = cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE;
          std::string_view literal = cmark_node_get_literal(node);
          std::string_view first_line = trim(literal.substr(0, literal.find('\n')));
          // The few elements allowed (§9) are kept in the text, but never in
          // an image's description, which is only text.
          std::optional<InlineTag> tag = read_inline_tag(trim(literal));
          bool allowed_name = tag && is_allowed_inline_element(tag->name);
          if (is_inline && allowed_name && !inside_image(node)) {
            TagNode kept{node, *tag, !tag->allowed(), {}};
            if (s_.diags) {
              kept.where = locate(node, first_line);
              if (kept.refused) s_.diags->warning(kept.where, refused_tag_message(*tag));
            }
            allowed_tags.push_back(std::move(kept));
            break;
          }
          raw_html.push_back(node);
          if (!s_.diags) break;
          SourceLocation where = locate(node, first_line);
          if (!is_inline && allowed_name && tag->allowed()) {
            s_.diags->warning(where, fmt::format("<{}> on a line of its own is not allowed and was left out: "
                                                 "write it inside a paragraph's text",
                                                 tag->name));
            break;
          }
          // One warning per line is enough for `<b>bold</b>`.
          if (is_inline && where.line == last_inline_html_line) break;
          if (is_inline) last_inline_html_line = where.line;
          s_.diags->warning(where, "raw HTML is not allowed and was left out");
          break;
        }
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
          bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
          std::string_view url = cmark_node_get_url(node);
          // Only what is allowed is published (an allow-list: `file:`,
          // `smb:` or `intent:` are as unwelcome as `javascript:`).
          if (!(image ? is_allowed_image_url(url) : is_allowed_link_url(url))) {
            (image ? refused_images : refused_links).push_back(node);
            if (s_.diags)
              s_.diags->error(locate_link(node, image, plain_text(node, true)),
                              url_not_allowed(image ? "image" : "link", url, image));
            break;
          }
          std::string text = plain_text(node, true);
          SourceLocation where = locate_link(node, image, text);
          result_.links.push_back({std::string(url), where.line, where.column, image});
          if (!s_.diags) break;
          // A character nobody can see, pasted into the address, makes it another one.
          if (auto invisible = find_invisible(url)) {
            SourceLocation at = where;
            if (int column = source_.find(where.line - s_.line_offset, where.column, invisible->bytes(url)))
              at.column = column;
            s_.diags->error(at, fmt::format("{} '{}'{}: delete it", image ? "image" : "link", quoted_url(url),
                                            invisible_suffix(url)));
          }
          if (image)
            check_image(text, url, where, *s_.diags);
          else
            check_link(text, url, where, *s_.diags);
          break;
        }
        case CMARK_NODE_CODE_BLOCK:
          if (is_chart_block(node)) read_chart(node);
          break;
        case CMARK_NODE_HEADING:
          if (s_.diags)
            check_heading_level(cmark_node_get_heading_level(node), &previous_level, locate(node, {}),
                                *s_.diags);
          break;
        default:
          if (s_.diags && is_gfm_table(node) && table_header_is_empty(node))
            s_.diags->warning(locate(node, {}), "table has no header row");
          break;
      }
    }
    cmark_iter_free(iter);

    for (cmark_node* node : raw_html) cmark_node_free(node);
    // A link refused keeps its text, as plain text. Links go before images:
    // a link in an image's alt text is unwrapped, then freed with the image.
    for (cmark_node* link : refused_links) {
      while (cmark_node* child = cmark_node_first_child(link))
        if (!cmark_node_insert_before(link, child)) break;
      cmark_node_free(link);
    }
    // An image inside another's alt text goes with it: freed once, by the outer.
    std::set<cmark_node*> refused(refused_images.begin(), refused_images.end());
    std::vector<cmark_node*> outermost;
    for (cmark_node* node : refused_images) {
      bool inside = false;
      for (cmark_node* p = cmark_node_parent(node); p && !inside; p = cmark_node_parent(p)) inside = refused.count(p);
      if (!inside) outermost.push_back(node);
    }
    for (cmark_node* node : outermost) cmark_node_free(node);
    // Last, once every link refused has been unwrapped: tags pair within their parent.
    keep_inline_elements(allowed_tags, s_.diags);
  }

  // --- charts ----------------------------------------------------------------

  // A chart block read into its model; its problems reported at the line and
  // column of the bad cell or setting in the file.
  void read_chart(cmark_node* node) {
    std::string_view literal = cmark_node_get_literal(node);
    std::vector<ChartProblem> problems;
    std::optional<Chart> chart = parse_chart(literal, &problems);
    if (s_.diags)
      for (const ChartProblem& problem : problems)
        s_.diags->error(chart_location(node, literal, problem.line, problem.column), problem.message);
    if (chart) result_.charts.push_back({node, std::move(*chart)});
  }

  // Line `line` of a chart block (0: its fence) and a column in it, as a
  // place in the file: cmark keeps the block's lines without the
  // indentation or `> ` before them, which the source line still has.
  SourceLocation chart_location(cmark_node* node, std::string_view literal, int line, int column) {
    auto [fence_line, fence_column] = body_position(node);
    if (line <= 0) return file_location(fence_line, source_.find_column(fence_line, fence_column, "`"));
    std::string_view block_line = literal;
    for (int i = 1; i < line; ++i) {
      size_t next = block_line.find('\n');
      block_line = next == std::string_view::npos ? std::string_view() : block_line.substr(next + 1);
    }
    block_line = block_line.substr(0, block_line.find('\n'));
    if (!block_line.empty() && block_line.back() == '\r') block_line.remove_suffix(1);
    std::string_view written = source_.line(fence_line + line);
    if (!written.empty() && written.back() == '\r') written.remove_suffix(1);
    int prefix = written.ends_with(block_line) ? static_cast<int>(written.size() - block_line.size()) : 0;
    return file_location(fence_line + line, prefix + column);
  }

  static bool inside_image(cmark_node* node) {
    for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
      if (cmark_node_get_type(p) == CMARK_NODE_IMAGE) return true;
    return false;
  }

  // --- pass 2: what to expand and anchor ----------------------------

  void collect(cmark_node* root) {
    int link_depth = 0;  // shortcodes are not expanded inside link text or alt text
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        if (event == CMARK_EVENT_ENTER) {
          ++link_depth;
          if (is_relative_url(cmark_node_get_url(node))) result_.url_nodes.push_back(node);
        } else {
          --link_depth;
        }
        continue;
      }
      if (event != CMARK_EVENT_ENTER) continue;
      if (type == CMARK_NODE_HEADING) {
        headings_.push_back(node);
      } else if (type == CMARK_NODE_TEXT && s_.resolve) {
        std::string_view literal = cmark_node_get_literal(node);
        if (literal.find("{{") == std::string_view::npos) continue;
        if (link_depth == 0) {
          texts_.push_back(node);
        } else {
          // A bare address made a link shows its URL as its text: that is an
          // address, not text written around a shortcode.
          cmark_node* parent = cmark_node_parent(node);
          const char* url = parent ? cmark_node_get_url(parent) : nullptr;
          if (!url || !std::string_view(url).ends_with(literal)) link_texts_.push_back(node);
        }
      }
    }
    cmark_iter_free(iter);
  }

  // --- shortcodes ----------------------------------------------------------

  // Where the `length` bytes at `offset` of a text node's literal are in the file.
  SourceLocation text_location(cmark_node* text, size_t offset, size_t length) {
    std::string_view literal = cmark_node_get_literal(text);
    auto [line, column] = body_position(text);
    int exact = source_.find_column(line, column + static_cast<int>(offset), literal.substr(offset, length));
    return file_location(line, exact);
  }

  // Resolves one shortcode, records it and reports an unknown id.
  std::optional<std::string> resolve(cmark_node* text, const ShortcodeMatch& match, bool block,
                                     size_t* index) {
    SourceLocation where = text_location(text, match.offset, match.length);
    std::optional<std::string> html = s_.resolve(match.name, match.id, block);
    if (!html && s_.diags) {
      std::string meant = s_.nearest ? s_.nearest(match.id) : "";
      if (!meant.empty()) meant = ": did you mean " + shortcode_text(match.name, meant) + "?";
      s_.diags->error(where, fmt::format("unknown contact '{}' in {}{}", match.id,
                                         shortcode_text(match.name, match.id), meant));
    }
    *index = result_.shortcodes.size();
    result_.shortcodes.push_back(
        {std::string(match.name), std::string(match.id), block, where.line, where.column, html});
    return html;
  }

  static cmark_node* new_literal_node(cmark_node_type type, std::string_view literal) {
    cmark_node* node = cmark_node_new(type);
    cmark_node_set_literal(node, std::string(literal).c_str());
    return node;
  }

  // Text that looks like a shortcode but is not one would be shown as
  // written where a number to call should be: an error, at the invisible
  // character when there is one in it, else at its `{{`.
  void report_lookalikes(cmark_node* text, std::string_view literal) {
    if (!s_.diags) return;
    ContactIds ids;
    ids.known = [this](std::string_view id) { return s_.resolve("contact", id, false).has_value(); };
    ids.nearest = s_.nearest;
    for (const ShortcodeLookalike& lookalike : find_shortcode_lookalikes(literal)) {
      std::string_view written = literal.substr(lookalike.offset, lookalike.length);
      SourceLocation where = text_location(text, lookalike.offset, lookalike.length);
      if (auto invisible = find_invisible(written))
        where = text_location(text, lookalike.offset + invisible->offset, invisible->length);
      s_.diags->error(where, lookalike_message(written, lookalike, ids));
    }
  }

  // In a link's text or an image's description, a shortcode cannot become a
  // link or a card: it would be shown as written.
  void check_link_text(cmark_node* text) {
    if (!s_.diags) return;
    std::string_view literal = cmark_node_get_literal(text);
    for (const ShortcodeMatch& match : find_shortcodes(literal))
      s_.diags->error(text_location(text, match.offset, match.length),
                      fmt::format("'{}' is inside a link's text or an image's description, where a shortcode "
                                  "cannot be shown: move it out of the [ ]",
                                  shortcode_text(match.name, match.id)));
    report_lookalikes(text, literal);
  }

  void expand_shortcodes(cmark_node* text) {
    std::string literal = cmark_node_get_literal(text);
    report_lookalikes(text, literal);
    std::vector<ShortcodeMatch> matches = find_shortcodes(literal);
    if (matches.empty()) return;

    // `{{contact id}}` alone in its paragraph is a contact card: a block.
    cmark_node* parent = cmark_node_parent(text);
    if (matches.size() == 1 && matches[0].name == "contact" &&
        cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH && cmark_node_first_child(parent) == text &&
        cmark_node_last_child(parent) == text && trim(literal).size() == matches[0].length) {
      size_t index;
      std::optional<std::string> html = resolve(text, matches[0], true, &index);
      if (!html) return;
      cmark_node* block = new_literal_node(CMARK_NODE_HTML_BLOCK, *html);
      if (!cmark_node_insert_before(parent, block)) {
        cmark_node_free(block);
        return;
      }
      cmark_node_set_user_data(block, index_tag(index));
      cmark_node_free(parent);
      return;
    }

    // Inline: the text node becomes text, HTML, text… in its place.
    bool expanded = false;
    size_t copied = 0;  // literal[0, copied) is already placed
    auto place = [&](cmark_node* node) {
      if (cmark_node_insert_before(text, node)) return true;
      cmark_node_free(node);
      return false;
    };
    for (const ShortcodeMatch& match : matches) {
      size_t index;
      std::optional<std::string> html = resolve(text, match, false, &index);
      if (!html) continue;
      if (match.offset > copied &&
          !place(new_literal_node(CMARK_NODE_TEXT,
                                  std::string_view(literal).substr(copied, match.offset - copied))))
        return;
      cmark_node* node = new_literal_node(CMARK_NODE_HTML_INLINE, *html);
      cmark_node_set_user_data(node, index_tag(index));
      if (!place(node)) return;
      copied = match.offset + match.length;
      expanded = true;
    }
    if (!expanded) return;
    if (copied < literal.size()) {
      cmark_node_set_literal(text, literal.substr(copied).c_str());
    } else {
      cmark_node_free(text);
    }
  }

  // --- headings -------------------------------------------------------------

  void anchor_headings() {
    AnchorSet anchors;
    int counters[3] = {0, 0, 0};  // of `##`, `###` and `####`
    for (size_t i = 0; i < headings_.size(); ++i) {
      cmark_node* node = headings_[i];
      Heading heading;
      heading.level = cmark_node_get_heading_level(node);
      heading.text = plain_text(node, true);
      heading.anchor = anchors.make(heading.text);
      heading.line = body_position(node).first + s_.line_offset;
      cmark_node* parent = cmark_node_parent(node);
      if (s_.number_headings && parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT &&
          heading.level >= 2 && heading.level <= 4) {
        // A heading under no numbered parent (a `###` before any `##`) has no number.
        int depth = heading.level - 2;
        bool under_parent = depth == 0 || counters[depth - 1] > 0;
        if (under_parent) {
          ++counters[depth];
          for (int d = depth + 1; d < 3; ++d) counters[d] = 0;
          for (int d = 0; d <= depth; ++d) heading.number += (d ? "." : "") + std::to_string(counters[d]);
        }
      }
      cmark_node_set_user_data(node, index_tag(i));
      result_.headings.push_back(std::move(heading));
      result_.heading_nodes.push_back(node);
    }
  }

  const TransformSettings& s_;
  SourceLines source_;
  TransformResult result_;
  std::vector<cmark_node*> texts_, link_texts_, headings_;
};

}  // namespace

TransformResult transform_markdown(const TransformSettings& settings) { return Transformer(settings).run(); }

}  // namespace herald
