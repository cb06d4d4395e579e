// A newsletter's body as plain text for the email's text part: the same words, every link as its URL.
#include "output/email/email_text.h"

#include <cmark-gfm-core-extensions.h>

#include <vector>

#include "core/text.h"
#include "markdown/alerts.h"
#include "markdown/chart.h"
#include "markdown/document.h"
#include "markdown/gfm.h"
#include "markdown/urls.h"
#include "output/chart_html.h"
#include "output/email/email_source.h"

namespace herald {
namespace {

/// Each line of `block` after `first` (its first line) or `rest` (the
/// others); a blank line gets the prefix without its trailing spaces.
std::string prefix_lines(const std::string& block, const std::string& first, const std::string& rest) {
  std::string out;
  size_t start = 0;
  bool first_line = true;
  while (start <= block.size()) {
    size_t end = block.find('\n', start);
    if (end == std::string::npos) end = block.size();
    std::string_view line(block.data() + start, end - start);
    std::string prefix = first_line ? first : rest;
    if (line.empty()) {
      size_t keep = prefix.find_last_not_of(' ');
      prefix = keep == std::string::npos ? "" : prefix.substr(0, keep + 1);
    }
    out += prefix;
    out.append(line);
    if (end < block.size()) out += '\n';
    first_line = false;
    start = end + 1;
  }
  return out;
}

std::string repeat(char c, size_t n) { return std::string(n, c); }

class TextWriter {
 public:
  explicit TextWriter(const EmailSource& source) : s_(source) {}

  /// The blocks from `first` on, separated by blank lines (by line ends only when `tight`).
  std::string blocks(cmark_node* first, size_t width, bool tight) {
    std::string out;
    for (cmark_node* node = first; node; node = cmark_node_next(node)) {
      std::string b = block(node, width, tight);
      if (b.empty()) continue;
      if (!out.empty()) out += tight ? "\n" : "\n\n";
      out += b;
    }
    return out;
  }

 private:
  std::string block(cmark_node* node, size_t width, bool tight) {
    if (is_gfm_table(node)) return table(node, width);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        return wrap_text(inline_text(node), width);
      case CMARK_NODE_HEADING: {
        std::string text = collapse(inline_text(node));
        int level = cmark_node_get_heading_level(node);
        if (level > 3) return wrap_text(text, width);
        return text + "\n" + repeat(level <= 2 ? '=' : '-', std::min(utf8_length(text), width));
      }
      case CMARK_NODE_LIST:
        return list(node, width);
      case CMARK_NODE_BLOCK_QUOTE: {
        // An alert (markdown/alerts.h) keeps its label, in words.
        const AlertKind* alert = alert_of(node);
        std::string inner = blocks(cmark_node_first_child(node), width > 22 ? width - 2 : 20, false);
        if (alert) inner = std::string(alert->label) + ":\n\n" + inner;
        return prefix_lines(inner, "> ", "> ");
      }
      case CMARK_NODE_CODE_BLOCK: {
        if (is_chart_block(node))
          if (std::optional<Chart> chart = parse_chart(node_literal(node))) return chart_text(*chart, width);
        std::string code = node_literal(node);
        while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
        return prefix_lines(code, "    ", "    ");
      }
      case CMARK_NODE_THEMATIC_BREAK:
        return repeat('-', 20);
      case CMARK_NODE_HTML_BLOCK:
        return contact_card(node, width);
      case CMARK_NODE_FOOTNOTE_DEFINITION: {
        std::string label = node_literal(node);
        if (label.empty()) label = std::to_string(footnotes_ + 1);
        ++footnotes_;
        std::string mark = "[" + label + "] ";
        std::string body = blocks(cmark_node_first_child(node), width > mark.size() + 20 ? width - mark.size() : 20, false);
        std::string out = footnotes_ == 1 ? repeat('-', 20) + "\n\n" : "";
        return out + prefix_lines(body, mark, repeat(' ', mark.size()));
      }
      default:
        return blocks(cmark_node_first_child(node), width, tight);
    }
  }

  std::string list(cmark_node* node, size_t width) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    bool tight = cmark_node_get_list_tight(node) != 0;
    int number = cmark_node_get_list_start(node);
    std::string out;
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), ++number) {
      std::string marker = ordered ? std::to_string(number) + ". " : "- ";
      if (is_node_type(item, "tasklist"))
        marker += cmark_gfm_extensions_get_tasklist_item_checked(item) ? "[x] " : "[ ] ";
      size_t inner = width > marker.size() + 20 ? width - marker.size() : 20;
      std::string body = blocks(cmark_node_first_child(item), inner, tight);
      if (!out.empty()) out += tight ? "\n" : "\n\n";
      out += prefix_lines(body, marker, repeat(' ', marker.size()));
    }
    return out;
  }

  std::string table(cmark_node* node, size_t width) {
    const size_t columns = cmark_gfm_extensions_get_table_columns(node);
    std::vector<std::string> headers;
    std::string out;
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      std::vector<std::string> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell && cells.size() < columns; cell = cmark_node_next(cell))
        cells.push_back(collapse(inline_text(cell)));
      if (cmark_gfm_extensions_get_table_row_is_header(row)) {
        headers = std::move(cells);
        continue;
      }
      std::string lines;
      for (size_t i = 0; i < cells.size(); ++i) {
        std::string head = i < headers.size() ? headers[i] : "";
        std::string line = head.empty() ? cells[i] : head + ": " + cells[i];
        if (!lines.empty()) lines += '\n';
        lines += wrap_text(line, width);
      }
      if (!out.empty()) out += "\n\n";
      out += lines;
    }
    return out;
  }

  // A chart as text: its title, what it shows, each row's numbers, its source and data.
  std::string chart_text(const Chart& chart, size_t width) {
    ++charts_;
    std::string out = wrap_text(chart.title, width) + "\n\n" + wrap_text(chart_description(chart), width);
    for (const ChartRow& row : chart.rows) {
      std::string line = row.label + ":";
      for (size_t i = 0; i < row.written.size(); ++i)
        line += (i ? ", " : " ") + (chart.series.size() > 1 ? chart.series[i] + " " : "") + row.written[i];
      out += "\n" + wrap_text(line, width);
    }
    if (!chart.source.empty()) out += "\n\n" + wrap_text("Source: " + chart.source, width);
    out += "\n" + wrap_text("The data: " + absolute_link(chart_file_name(charts_), s_), width);
    return out;
  }

  std::string contact_card(cmark_node* node, size_t width) {
    const ShortcodeUse* use = s_.doc->shortcode_at(node);
    const Contact* c = use && s_.contacts ? s_.contacts->find(use->id) : nullptr;
    if (!c) return "";
    if (!use->block) return wrap_text(contact_inline(*c, use->name == "phone"), width);
    std::string out = c->name;
    if (!c->organisation.empty()) out += "\n" + c->organisation;
    std::vector<std::string> details;
    for (const ContactPhone& p : c->phones) {
      std::string line = p.number.display;
      if (!p.label.empty()) line += " – " + p.label;
      if (!p.hours.empty()) line += " (" + p.hours + ")";
      details.push_back(line);
    }
    if (!c->email.empty()) details.push_back(c->email);
    if (!c->url.empty()) details.push_back(c->name + " website: " + c->url);
    for (const std::string& d : details)
      out += "\n" + prefix_lines(wrap_text(d, width > 22 ? width - 2 : 20), "- ", "  ");
    return out;
  }

  static std::string contact_inline(const Contact& c, bool phone) {
    if (phone && !c.phones.empty()) return c.phones.front().number.display;
    std::string text = c.name;
    if (!c.phones.empty()) text += " (" + c.phones.front().number.display + ")";
    else if (!c.email.empty()) text += " (" + c.email + ")";
    return text;
  }

  static std::string collapse(const std::string& text) {
    std::string out;
    for (char ch : text) out += ch == '\n' ? ' ' : ch;
    return out;
  }

  std::string inline_text(cmark_node* parent) {
    std::string out;
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          out += node_literal(child);
          break;
        case CMARK_NODE_SOFTBREAK:
          out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          out += '\n';
          break;
        case CMARK_NODE_LINK: {
          const char* url_c = cmark_node_get_url(child);
          std::string url = url_c ? url_c : "";
          std::string text = inline_text(child);
          std::string whole = absolute_link(url, s_);
          UrlKind kind = url_kind(url);
          std::string shown = kind == UrlKind::mailto ? whole.substr(7) : whole;
          if (kind == UrlKind::tel || trim(text) == shown || trim(text) == whole) out += text;
          else out += text + " (" + shown + ")";
          break;
        }
        case CMARK_NODE_IMAGE: {
          std::string alt(trim(node_text(child)));
          if (!alt.empty()) out += "[Picture: " + alt + "]";
          break;
        }
        case CMARK_NODE_HTML_INLINE: {
          const ShortcodeUse* use = s_.doc->shortcode_at(child);
          const Contact* c = use && s_.contacts ? s_.contacts->find(use->id) : nullptr;
          if (c) out += contact_inline(*c, use->name == "phone");
          break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          out += "[" + node_literal(child) + "]";
          break;
        default:
          out += inline_text(child);
      }
    }
    return out;
  }

  const EmailSource& s_;
  size_t footnotes_ = 0;
  int charts_ = 0;  ///< charts met so far: the next is chart-<charts_ + 1>.csv
};

}  // namespace

std::string wrap_text(std::string_view text, size_t width) {
  std::string out, line;
  size_t line_length = 0;
  auto end_line = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
    line.clear();
    line_length = 0;
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    for (size_t i = 0; i < paragraph.size();) {
      while (i < paragraph.size() && paragraph[i] == ' ') ++i;
      size_t j = paragraph.find(' ', i);
      if (j == std::string_view::npos) j = paragraph.size();
      if (j > i) {
        std::string_view word = paragraph.substr(i, j - i);
        size_t length = utf8_length(word);
        if (line_length > 0 && line_length + 1 + length > width) end_line();
        if (line_length > 0) {
          line += ' ';
          ++line_length;
        }
        line.append(word);
        line_length += length;
      }
      i = j;
    }
    end_line();
    start = end + 1;
  }
  out.pop_back();  // the last line's "\n": the caller joins blocks
  return out;
}

std::string email_body_text(const EmailSource& source) {
  if (!source.doc || !source.doc->root()) return "";
  TextWriter writer(source);
  std::string text = writer.blocks(cmark_node_first_child(source.doc->root()), kEmailTextColumns, false);
  return text.empty() ? text : text + "\n";
}

}  // namespace herald
