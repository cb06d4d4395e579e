// A Markdown body rendered once, with where its URLs and headings are: copies are cut, not re-rendered.
#include "markdown/rendered_body.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <xxhash.h>

#include "core/text.h"
#include "markdown/anchors.h"
#include "markdown/document.h"
#include "markdown/gfm.h"
#include "markdown/render_rewrites.h"
#include "markdown/urls.h"

namespace herald {
namespace {

// Markers are `hx` + 16 hex digits, then a kind letter, a number and `z`:
//   <nonce>u<k>z   the URL of url_nodes[k] (in an href or src)
//   <nonce>s<i>z   the start of top-level heading i
//   <nonce>qz      the end of that heading
//   <nonce>az      the start of a part left out of feeds
//   <nonce>bz      its end
// They are made only of characters cmark writes unescaped in attributes and
// raw HTML. The kind letters, `z` and the digits are never `h`, so a marker
// cannot begin inside another one or in the text just before it: every
// occurrence of the nonce in the output is one of ours, provided the body
// itself does not contain it (checked, in any case, as anchors are lower-cased).
constexpr char kUrl = 'u';
constexpr char kHeadingStart = 's';
constexpr char kHeadingEnd = 'q';
constexpr char kSkipStart = 'a';
constexpr char kSkipEnd = 'b';
constexpr char kEnd = 'z';

std::string make_nonce(std::string_view seed, const std::vector<std::string_view>& also) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (uint64_t salt = 0;; ++salt) {
    uint64_t hash = XXH3_64bits_withSeed(seed.data(), seed.size(), salt);
    std::string nonce = "hx";
    for (int shift = 60; shift >= 0; shift -= 4) nonce += kHex[(hash >> shift) & 0xF];
    bool clash = contains_ignoring_case(seed, nonce);
    for (std::string_view text : also) clash = clash || contains_ignoring_case(text, nonce);
    if (!clash) return nonce;
  }
}

std::string marker(const std::string& nonce, char kind, size_t number) {
  return nonce + kind + std::to_string(number) + kEnd;
}

// Reads a marker's kind and number at `at` (just after the nonce); returns
// the position after it, or 0 if what follows is not a marker.
size_t read_marker(std::string_view text, size_t at, char* kind, size_t* number) {
  if (at >= text.size()) return 0;
  *kind = text[at++];
  if (*kind != kUrl && *kind != kHeadingStart && *kind != kHeadingEnd && *kind != kSkipStart &&
      *kind != kSkipEnd)
    return 0;
  const bool numbered = *kind == kUrl || *kind == kHeadingStart;
  *number = 0;
  size_t digits = at;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9')
    *number = *number * 10 + static_cast<size_t>(text[at++] - '0');
  if (numbered != (at != digits)) return 0;
  if (at >= text.size() || text[at] != kEnd) return 0;
  return at + 1;
}

}  // namespace

RenderedBody RenderedBody::render(cmark_node* root, const std::vector<Heading>& headings,
                                  const std::vector<cmark_node*>& heading_nodes,
                                  const std::vector<cmark_node*>& url_nodes, const std::vector<DrawnBlock>& drawn,
                                  std::string_view seed) {
  // Raw HTML left in the tree is herald's own (shortcodes, and the tags of
  // the inline elements allowed, whose abbr titles are decoded from the
  // Markdown): the markers must not appear in it either.
  std::vector<std::string_view> inserted_html;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
      inserted_html.push_back(cmark_node_get_literal(node));
  }
  cmark_iter_free(iter);
  for (const DrawnBlock& block : drawn)
    for (const HtmlPiece& piece : block.pieces) inserted_html.push_back(piece.text);
  const std::string nonce = make_nonce(seed, inserted_html);

  // 1. Mark the URLs.
  std::vector<std::string> original_urls;
  original_urls.reserve(url_nodes.size());
  for (size_t k = 0; k < url_nodes.size(); ++k) {
    original_urls.emplace_back(cmark_node_get_url(url_nodes[k]));
    cmark_node_set_url(url_nodes[k], marker(nonce, kUrl, k).c_str());
  }

  // Alerts, footnotes and total rows as herald shows them (before the
  // headings are replaced: a section's notes go before its next heading).
  RenderRewrites rewrites(root);

  // 2. Replace each heading by an HTML block: the heading rendered on its
  // own, with its id; top-level ones between markers.
  std::vector<cmark_node*> blocks(heading_nodes.size(), nullptr);
  for (size_t i = 0; i < heading_nodes.size() && i < headings.size(); ++i) {
    cmark_node* heading = heading_nodes[i];
    std::string html = add_heading_id(render_gfm_html(heading), headings[i].anchor, headings[i].number);
    if (!html.empty() && html.back() == '\n') html.pop_back();
    cmark_node* parent = cmark_node_parent(heading);
    if (parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT)
      html = marker(nonce, kHeadingStart, i) + html + nonce + kHeadingEnd + kEnd;
    html += '\n';
    cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(block, html.c_str());
    if (!cmark_node_insert_before(heading, block)) {
      cmark_node_free(block);
      continue;
    }
    cmark_node_unlink(heading);
    blocks[i] = block;
  }

  // 3. Replace each drawn block by its HTML, its URLs and skips marked.
  std::vector<std::pair<cmark_node*, cmark_node*>> replaced;  // the block, the HTML in its place
  for (const DrawnBlock& drawn_block : drawn) {
    std::string html;
    for (const HtmlPiece& piece : drawn_block.pieces) {
      switch (piece.kind) {
        case HtmlPiece::Kind::html: html += piece.text; break;
        case HtmlPiece::Kind::url:
          html += marker(nonce, kUrl, original_urls.size());
          original_urls.push_back(piece.text);
          break;
        case HtmlPiece::Kind::feed_skip_start: html += nonce + kSkipStart + kEnd; break;
        case HtmlPiece::Kind::feed_skip_end: html += nonce + kSkipEnd + kEnd; break;
      }
    }
    if (html.empty() || html.back() != '\n') html += '\n';
    cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(block, html.c_str());
    if (!cmark_node_insert_before(drawn_block.node, block)) {
      cmark_node_free(block);
      continue;
    }
    cmark_node_unlink(drawn_block.node);
    replaced.push_back({drawn_block.node, block});
  }

  // 4. Render, then put the tree back as it was.
  const std::string marked = render_gfm_html(root);
  for (auto [node, block] : replaced) {
    cmark_node_insert_before(block, node);
    cmark_node_free(block);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i]) continue;
    cmark_node_insert_before(blocks[i], heading_nodes[i]);
    cmark_node_free(blocks[i]);
  }
  rewrites.undo();
  for (size_t k = 0; k < url_nodes.size(); ++k) cmark_node_set_url(url_nodes[k], original_urls[k].c_str());

  // 5. Take the markers out, noting where they were.
  RenderedBody body;
  std::string html;
  html.reserve(marked.size());
  std::string_view text = marked;
  size_t from = 0;
  bool in_heading = false;
  for (size_t at = text.find(nonce); at != std::string_view::npos; at = text.find(nonce, from)) {
    char kind;
    size_t number;
    size_t after = read_marker(text, at + nonce.size(), &kind, &number);
    if (!after) {  // cannot happen; keep the text as it is
      html.append(text.substr(from, at + nonce.size() - from));
      from = at + nonce.size();
      continue;
    }
    html.append(text.substr(from, at - from));
    from = after;
    if (kind == kUrl && number < original_urls.size()) {
      size_t begin = html.size();
      html += escape_href(original_urls[number]);
      body.urls_.push_back({begin, html.size(), original_urls[number]});
    } else if (kind == kHeadingStart) {
      body.headings_.push_back({html.size(), html.size(), number});
      in_heading = true;
    } else if (kind == kHeadingEnd && in_heading) {
      size_t end = html.size() + (from < text.size() && text[from] == '\n' ? 1 : 0);
      body.headings_.back().end = end;
      in_heading = false;
    } else if (kind == kSkipStart) {
      body.skips_.push_back({html.size(), html.size()});
    } else if (kind == kSkipEnd && !body.skips_.empty()) {
      body.skips_.back().end = html.size();
    }
  }
  html.append(text.substr(from));
  body.html_ = SharedText(std::move(html));
  return body;
}

std::string RenderedBody::slice(size_t begin, size_t end, const UrlMap* map_url, bool for_feed) const {
  std::string_view html = html_.view();
  if (!for_feed) {
    if (!map_url) return std::string(html.substr(begin, end - begin));
    std::string out;
    out.reserve(end - begin + 64);
    auto site = std::lower_bound(urls_.begin(), urls_.end(), begin,
                                 [](const UrlSite& s, size_t at) { return s.begin < at; });
    size_t copied = begin;
    for (; site != urls_.end() && site->end <= end; ++site) {
      out.append(html.substr(copied, site->begin - copied));
      out += escape_href((*map_url)(site->url));
      copied = site->end;
    }
    out.append(html.substr(copied, end - copied));
    return out;
  }
  // For a feed, URLs mapped and skipped parts left out, in the order they come.
  std::string out;
  out.reserve(end - begin + 64);
  auto site = std::lower_bound(urls_.begin(), urls_.end(), begin,
                               [](const UrlSite& s, size_t at) { return s.begin < at; });
  auto skip = std::lower_bound(skips_.begin(), skips_.end(), begin,
                               [](const SkipSite& s, size_t at) { return s.end <= at; });
  size_t copied = begin;
  constexpr size_t kNone = static_cast<size_t>(-1);
  for (;;) {
    size_t url_at = map_url && site != urls_.end() && site->end <= end ? site->begin : kNone;
    size_t skip_at = skip != skips_.end() && skip->begin < end ? skip->begin : kNone;
    if (url_at == kNone && skip_at == kNone) break;
    if (url_at < skip_at) {
      if (site->begin >= copied) {
        out.append(html.substr(copied, site->begin - copied));
        out += escape_href((*map_url)(site->url));
        copied = site->end;
      }
      ++site;
    } else {
      size_t from = std::max(copied, skip->begin);
      out.append(html.substr(copied, from - copied));
      copied = std::max(copied, std::min(skip->end, end));
      ++skip;
    }
  }
  out.append(html.substr(copied, end - copied));
  return out;
}

std::string RenderedBody::html_for_feed(const UrlMap& map_url) const {
  return slice(0, html_.size(), &map_url, true);
}

std::string RenderedBody::html_with_urls(const UrlMap& map_url) const {
  return slice(0, html_.size(), &map_url);
}

std::vector<RenderedBody::Part> RenderedBody::split(const std::vector<Heading>& headings, int level,
                                                    std::string* lead, const UrlMap* map_url) const {
  std::vector<const HeadingSite*> cuts;
  for (const HeadingSite& site : headings_)
    if (site.heading < headings.size() && headings[site.heading].level <= level) cuts.push_back(&site);
  std::vector<Part> parts;
  if (lead) *lead = slice(0, cuts.empty() ? html_.size() : cuts.front()->begin, map_url);
  for (size_t i = 0; i < cuts.size(); ++i) {
    size_t end = i + 1 < cuts.size() ? cuts[i + 1]->begin : html_.size();
    parts.push_back({cuts[i]->heading, slice(cuts[i]->end, end, map_url)});
  }
  return parts;
}

}  // namespace herald
