// The few HTML elements an author may write in Markdown (sup, sub, br, abbr, kbd, mark, small, s), read and re-made.
#include "markdown/inline_html.h"

#include <map>

#include "core/text.h"
#include "markdown/gfm.h"
#include "markdown/plain_text.h"

namespace herald {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// An attribute value as a browser reads it: character references decoded
// (cmark's own decoder, which knows every named one: the value is read as
// Markdown text with everything but `&` escaped), white space collapsed.
std::string decode_attribute(std::string_view value) {
  std::string collapsed = collapse_whitespace(value);
  if (collapsed.find('&') == std::string::npos) return collapsed;
  // `&`, `#` and `;` make up the references; only `#` could mean something
  // else (a heading), and only at the start.
  std::string markdown;
  markdown.reserve(collapsed.size() * 2);
  for (char c : collapsed) {
    bool reference = c == '&' || c == ';' || (c == '#' && !markdown.empty());
    if (is_ascii_punctuation(c) && !reference) markdown += '\\';
    markdown += c;
  }
  CmarkNodePtr root = parse_gfm(markdown);
  return collapse_whitespace(plain_text(root.get(), true));
}

}  // namespace

bool is_allowed_inline_element(std::string_view name) {
  return name == "sup" || name == "sub" || name == "br" || name == "abbr" || name == "kbd" || name == "mark" ||
         name == "small" || name == "s";
}

bool InlineTag::allowed() const {
  if (!is_allowed_inline_element(name) || !refused_attribute.empty()) return false;
  if (name == "br") return kind != Kind::close;
  return kind != Kind::self_closing;
}

std::optional<InlineTag> read_inline_tag(std::string_view html) {
  InlineTag tag;
  size_t i = 0, n = html.size();
  if (n < 3 || html[i++] != '<') return std::nullopt;
  if (html[i] == '/') {
    tag.kind = InlineTag::Kind::close;
    ++i;
  }
  if (i >= n || !is_letter(html[i])) return std::nullopt;
  while (i < n && (is_letter(html[i]) || is_digit(html[i]) || html[i] == '-')) tag.name += lower(html[i++]);
  bool title_seen = false;
  for (;;) {
    size_t spaces = i;
    while (i < n && is_space(html[i])) ++i;
    if (i >= n) return std::nullopt;
    if (html[i] == '>') break;
    if (html[i] == '/' && tag.kind == InlineTag::Kind::open && i + 1 < n && html[i + 1] == '>') {
      tag.kind = InlineTag::Kind::self_closing;
      ++i;
      break;
    }
    // An attribute, after white space.
    if (i == spaces || tag.kind == InlineTag::Kind::close) return std::nullopt;
    std::string attribute;
    while (i < n && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
      attribute += lower(html[i++]);
    if (attribute.empty()) return std::nullopt;
    size_t before_equals = i;
    while (i < n && is_space(html[i])) ++i;
    std::string_view value;
    bool has_value = i < n && html[i] == '=';
    if (has_value) {
      ++i;
      while (i < n && is_space(html[i])) ++i;
      if (i >= n) return std::nullopt;
      if (html[i] == '"' || html[i] == '\'') {
        char quote = html[i++];
        size_t end = html.find(quote, i);
        if (end == std::string_view::npos) return std::nullopt;
        value = html.substr(i, end - i);
        i = end + 1;
      } else {
        size_t start = i;
        while (i < n && !is_space(html[i]) && html[i] != '>') ++i;
        value = html.substr(start, i - start);
      }
    } else {
      i = before_equals;
    }
    if (tag.name == "abbr" && attribute == "title" && !title_seen) {
      title_seen = true;
      tag.title = decode_attribute(value);
    } else if (tag.refused_attribute.empty()) {
      tag.refused_attribute = attribute;
    }
  }
  if (i + 1 != n) return std::nullopt;  // one tag, nothing after it
  return tag;
}

std::string inline_tag_html(const InlineTag& tag) {
  if (tag.name == "br") return "<br />";
  if (tag.kind == InlineTag::Kind::close) return "</" + tag.name + ">";
  if (tag.name == "abbr" && !tag.title.empty()) return "<abbr title=\"" + html_escape(tag.title) + "\">";
  return "<" + tag.name + ">";
}

std::string refused_tag_message(const InlineTag& tag) {
  const std::string element = "<" + tag.name + ">";
  if (!tag.refused_attribute.empty()) {
    std::string out = element + " with the attribute '" + tag.refused_attribute +
                      "' is not allowed and was left out, its text kept: ";
    return out + (tag.name == "abbr" ? "give <abbr> only a title, as in <abbr title=\"…\">"
                                     : "write " + element + " without attributes");
  }
  if (tag.kind == InlineTag::Kind::close)
    return "</" + tag.name + "> is not allowed and was left out: write <br> for a line break";
  return "<" + tag.name + "/> is not allowed and was left out, its text kept: write " + element + "…</" +
         tag.name + "> around the text it is for";
}

void keep_inline_elements(const std::vector<TagNode>& tags, Diagnostics* diags) {
  auto warn = [&](const TagNode& t, const std::string& message) {
    if (diags && !t.refused) diags->warning(t.where, message);
  };
  // Each parent's tags, in order: a tag pairs only with one beside it.
  std::map<cmark_node*, std::vector<const TagNode*>> by_parent;
  std::vector<cmark_node*> parents;
  for (const TagNode& t : tags) {
    cmark_node* parent = cmark_node_parent(t.node);
    auto [it, added] = by_parent.try_emplace(parent);
    if (added) parents.push_back(parent);
    it->second.push_back(&t);
  }
  for (cmark_node* parent : parents) {
    std::vector<const TagNode*> open;
    for (const TagNode* t : by_parent[parent]) {
      const InlineTag& tag = t->tag;
      if (tag.name == "br" && tag.kind != InlineTag::Kind::close) {
        // A line break, or, in a table cell (which holds none), its HTML.
        cmark_node* line_break = t->refused ? nullptr : cmark_node_new(CMARK_NODE_LINEBREAK);
        if (line_break && !cmark_node_insert_before(t->node, line_break)) {
          cmark_node_free(line_break);
          cmark_node_set_literal(t->node, inline_tag_html(tag).c_str());
          continue;
        }
        // `<br>` at the end of a line: the line's end is not a space too.
        cmark_node* next = line_break ? cmark_node_next(t->node) : nullptr;
        if (next && cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK) cmark_node_free(next);
        cmark_node_free(t->node);
        continue;
      }
      if (tag.kind == InlineTag::Kind::open) {  // refused for an attribute: its match goes with it
        open.push_back(t);
        continue;
      }
      if (tag.kind != InlineTag::Kind::close || t->refused) {
        cmark_node_free(t->node);
        continue;
      }
      size_t k = open.size();
      while (k > 0 && open[k - 1]->tag.name != tag.name) --k;
      if (k == 0) {
        warn(*t, "</" + tag.name + "> closes no <" + tag.name + "> before it in the same paragraph, so it was " +
                     "left out: write <" + tag.name + "> before the text it is for");
        cmark_node_free(t->node);
        continue;
      }
      // Opened after the match and never closed.
      for (size_t j = open.size(); j-- > k;) {
        warn(*open[j], "<" + open[j]->tag.name + "> is not closed, so it was left out: write </" +
                           open[j]->tag.name + "> after the text it is for, in the same paragraph");
        cmark_node_free(open[j]->node);
      }
      const TagNode* start = open[k - 1];
      open.resize(k - 1);
      if (start->refused) {
        cmark_node_free(start->node);
        cmark_node_free(t->node);
      } else {
        cmark_node_set_literal(start->node, inline_tag_html(start->tag).c_str());
        cmark_node_set_literal(t->node, inline_tag_html(tag).c_str());
      }
    }
    for (const TagNode* t : open) {
      warn(*t, "<" + t->tag.name + "> is not closed, so it was left out: write </" + t->tag.name +
                   "> after the text it is for, in the same paragraph");
      cmark_node_free(t->node);
    }
  }
}

}  // namespace herald
