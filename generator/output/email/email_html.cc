// A newsletter's body as email HTML: the Markdown tree walked, every element's style inline, every URL whole.
#include "output/email/email_html.h"

#include <cmark-gfm-core-extensions.h>
#include <fmt/format.h>

#include "core/text.h"
#include "markdown/alerts.h"
#include "markdown/chart.h"
#include "markdown/document.h"
#include "markdown/gfm.h"
#include "markdown/urls.h"
#include "output/chart_html.h"

namespace herald {
namespace {

/// The attribute value of a URL: escaped as cmark escapes an href.
std::string href(std::string_view url, const EmailSource& s) {
  return escape_href(absolute_link(url, s));
}

class HtmlWriter {
 public:
  HtmlWriter(const EmailSource& source, const EmailStyles& styles, Diagnostics& diags)
      : s_(source), st_(styles), diags_(diags) {
    for (const LinkUse& link : source.page->links)
      if (link.image) images_.push_back(&link);
  }

  void blocks(cmark_node* first, bool tight) {
    for (cmark_node* node = first; node; node = cmark_node_next(node)) block(node, tight);
  }

  std::string out;
  size_t missing_alt = 0;

 private:
  int charts_ = 0;  ///< charts met so far: the next is chart-<charts_ + 1>.csv

  void block(cmark_node* node, bool tight) {
    if (is_gfm_table(node)) return table(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        return paragraph(node, tight);
      case CMARK_NODE_HEADING:
        return heading(node);
      case CMARK_NODE_LIST:
        return list(node);
      case CMARK_NODE_BLOCK_QUOTE:
        out += "<blockquote style=\"" + st_.blockquote + "\">\n";
        // An alert (markdown/alerts.h) keeps its label, in words.
        if (const AlertKind* alert = alert_of(node)) out += std::string("<p><strong>") + alert->label + "</strong></p>\n";
        blocks(cmark_node_first_child(node), false);
        out += "</blockquote>\n";
        return;
      case CMARK_NODE_CODE_BLOCK: {
        if (is_chart_block(node))
          if (std::optional<Chart> chart = parse_chart(node_literal(node))) return chart_table(*chart);
        std::string code = node_literal(node);
        while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
        out += "<pre style=\"" + st_.pre + "\">" + html_escape(code) + "</pre>\n";
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out += "<hr style=\"" + st_.hr + "\">\n";
        return;
      case CMARK_NODE_HTML_BLOCK:
        return shortcode_block(node);
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        return footnote(node);
      default:
        blocks(cmark_node_first_child(node), tight);
    }
  }

  /// A paragraph holding one picture and nothing else: the picture alone, as a block.
  static cmark_node* lone_image(cmark_node* paragraph) {
    cmark_node* only = cmark_node_first_child(paragraph);
    if (!only || cmark_node_next(only) || cmark_node_get_type(only) != CMARK_NODE_IMAGE) return nullptr;
    return only;
  }

  void paragraph(cmark_node* node, bool tight) {
    if (cmark_node* image = lone_image(node)) {
      out += picture(image, true) + "\n";
      return;
    }
    if (tight) {
      // A tight list's item: its text without a paragraph's margins; a
      // second paragraph of the item on a line of its own.
      if (cmark_node_previous(node)) out += "<br>";
      inlines(node);
      return;
    }
    out += "<p style=\"" + st_.p + "\">";
    inlines(node);
    out += "</p>\n";
  }

  void heading(cmark_node* node) {
    int level = cmark_node_get_heading_level(node);
    const std::string* style = level <= 2 ? (seen_heading_ ? &st_.h2 : &st_.h2_first) : level == 3 ? &st_.h3 : &st_.h4;
    seen_heading_ = seen_heading_ || level <= 2;
    out += fmt::format("<h{} style=\"{}\">", level, *style);
    inlines(node);
    out += fmt::format("</h{}>\n", level);
  }

  void list(cmark_node* node) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    bool tight = cmark_node_get_list_tight(node) != 0;
    int start = cmark_node_get_list_start(node);
    if (ordered)
      out += start != 1 ? fmt::format("<ol start=\"{}\" style=\"{}\">\n", start, st_.ol) : "<ol style=\"" + st_.ol + "\">\n";
    else
      out += "<ul style=\"" + st_.ul + "\">\n";
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      out += "<li style=\"" + st_.li + "\">";
      if (is_node_type(item, "tasklist"))
        out += cmark_gfm_extensions_get_tasklist_item_checked(item) ? "\u2611 " : "\u2610 ";
      blocks(cmark_node_first_child(item), tight);
      out += "</li>\n";
    }
    out += ordered ? "</ol>\n" : "</ul>\n";
  }

  void table(cmark_node* node) {
    const size_t columns = cmark_gfm_extensions_get_table_columns(node);
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node);
    out += "<table style=\"" + st_.table + "\">\n";
    bool in_body = false;
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
      if (header) out += "<thead>\n";
      if (!header && !in_body) {
        out += "<tbody>\n";
        in_body = true;
      }
      out += "<tr>";
      size_t column = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell && column < columns;
           cell = cmark_node_next(cell), ++column) {
        std::string style = header ? st_.th : st_.td;
        char a = align ? static_cast<char>(align[column]) : 0;
        if (a == 'c' || a == 'r') style.replace(0, style.find(';'), a == 'c' ? "text-align:center" : "text-align:right");
        out += header ? "<th scope=\"col\" style=\"" + style + "\">" : "<td style=\"" + style + "\">";
        inlines(cell);
        out += header ? "</th>" : "</td>";
      }
      for (; column < columns; ++column) out += "<td style=\"" + st_.td + "\"></td>";
      out += "</tr>\n";
      if (header) out += "</thead>\n";
    }
    if (in_body) out += "</tbody>\n";
    out += "</table>\n";
  }

  // A chart in an email is its table (mail programs do not show SVG), with
  // its title, its source, and the link to its data on the site.
  void chart_table(const Chart& chart) {
    ++charts_;
    out += "<p style=\"" + st_.p + "\"><strong>" + html_escape(chart.title) + "</strong></p>\n";
    out += "<table style=\"" + st_.table + "\">\n<thead>\n<tr>";
    out += "<th scope=\"col\" style=\"" + st_.th + "\">" + html_escape(chart.label_heading) + "</th>";
    std::string numeric_th = st_.th, numeric_td = st_.td;
    numeric_th.replace(0, numeric_th.find(';'), "text-align:right");
    numeric_td.replace(0, numeric_td.find(';'), "text-align:right");
    for (const std::string& series : chart.series)
      out += "<th scope=\"col\" style=\"" + numeric_th + "\">" + html_escape(series) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const ChartRow& row : chart.rows) {
      out += "<tr><th scope=\"row\" style=\"" + st_.td + "\">" + html_escape(row.label) + "</th>";
      for (const std::string& value : row.written)
        out += "<td style=\"" + numeric_td + "\">" + html_escape(value) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n<p style=\"" + st_.p + "\">";
    if (!chart.source.empty()) out += "Source: " + html_escape(chart.source) + ". ";
    out += "<a href=\"" + href(chart_file_name(charts_), s_) + "\" style=\"" + st_.a +
           "\">Download the data (CSV)</a></p>\n";
  }

  void footnote(cmark_node* node) {
    std::string label = node_literal(node);
    if (label.empty()) label = std::to_string(footnotes_ + 1);
    ++footnotes_;
    if (footnotes_ == 1) out += "<hr style=\"" + st_.hr + "\">\n";
    std::string saved = std::move(out);
    out.clear();
    blocks(cmark_node_first_child(node), false);
    // The label at the start of its first paragraph.
    std::string mark = "[" + html_escape(label) + "] ";
    size_t open = out.find("<p ");
    size_t end = open == std::string::npos ? std::string::npos : out.find('>', open);
    if (end == std::string::npos) out.insert(0, mark);
    else out.insert(end + 1, mark);
    out = saved + out;
  }

  void inlines(cmark_node* parent) {
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
          append_html_escaped(out, node_literal(child));
          break;
        case CMARK_NODE_SOFTBREAK:
          out += '\n';
          break;
        case CMARK_NODE_LINEBREAK:
          out += "<br>\n";
          break;
        case CMARK_NODE_CODE:
          out += "<code style=\"" + st_.code + "\">" + html_escape(node_literal(child)) + "</code>";
          break;
        case CMARK_NODE_EMPH:
          out += "<em>";
          inlines(child);
          out += "</em>";
          break;
        case CMARK_NODE_STRONG:
          out += "<strong>";
          inlines(child);
          out += "</strong>";
          break;
        case CMARK_NODE_LINK: {
          const char* url = cmark_node_get_url(child);
          out += "<a href=\"" + href(url ? url : "", s_) + "\" style=\"" + st_.a + "\">";
          inlines(child);
          out += "</a>";
          break;
        }
        case CMARK_NODE_IMAGE:
          out += picture(child, false);
          break;
        case CMARK_NODE_HTML_INLINE:
          out += shortcode_inline(child);
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          out += "<sup>[" + html_escape(node_literal(child)) + "]</sup>";
          break;
        default:
          if (is_node_type(child, "strikethrough")) {
            out += "<s>";
            inlines(child);
            out += "</s>";
          } else {
            inlines(child);
          }
      }
    }
  }

  /// An <img>: its whole address, alt text, and the size it is shown at;
  /// `alone` in its paragraph, a block as wide as it is up to the column's width.
  std::string picture(cmark_node* node, bool alone) {
    const LinkUse* written = image_index_ < images_.size() ? images_[image_index_] : nullptr;
    ++image_index_;
    const char* url_c = cmark_node_get_url(node);
    std::string url = url_c ? url_c : "";
    std::string alt(trim(node_text(node)));
    if (alt.empty()) {
      ++missing_alt;
      SourceLocation where{s_.page->source_path, written ? written->line : cmark_node_get_start_line(node),
                           written ? written->column : 1};
      diags_.error(where, fmt::format("image '{}' has no alt text, which the newsletter's email edition needs: "
                                      "many email programs show no pictures until the reader allows them, so "
                                      "describe it in words",
                                      truncate_text(url, 60)));
    }
    std::string size, style = alone ? st_.img : st_.img_inline;
    if (auto pixels = site_image_size(url, s_)) {
      PixelSize shown = fit_width(*pixels, kEmailTextWidth);
      size = fmt::format(" width=\"{}\" height=\"{}\"", shown.width, shown.height);
      if (alone) style = fmt::format(fmt::runtime(st_.img_sized), shown.width);
    }
    return fmt::format("<img src=\"{}\" alt=\"{}\"{} style=\"{}\">", href(url, s_), html_escape(alt), size, style);
  }

  const Contact* contact_of(cmark_node* node, const ShortcodeUse** use) const {
    *use = s_.doc->shortcode_at(node);
    if (!*use || !s_.contacts) return nullptr;
    return s_.contacts->find((*use)->id);
  }

  std::string tel(const PhoneNumber& n) const {
    return fmt::format("<a href=\"tel:{}\" style=\"{}\">{}</a>", html_escape(n.e164), st_.a, html_escape(n.display));
  }

  std::string mailto(const std::string& address) const {
    return fmt::format("<a href=\"mailto:{0}\" style=\"{1}\">{0}</a>", html_escape(address), st_.a);
  }

  /// `{{contact id}}` in a sentence, or `{{phone id}}`: the name and its first number, or the number alone.
  std::string shortcode_inline(cmark_node* node) const {
    const ShortcodeUse* use = nullptr;
    const Contact* c = contact_of(node, &use);
    if (!c) return "";
    if (use->name == "phone" && !c->phones.empty()) return tel(c->phones.front().number);
    std::string text = html_escape(c->name);
    if (!c->phones.empty()) text += " (" + tel(c->phones.front().number) + ")";
    else if (!c->email.empty()) text += " (" + mailto(c->email) + ")";
    return text;
  }

  /// `{{contact id}}` alone in its paragraph: a card, a bordered box of its details.
  void shortcode_block(cmark_node* node) {
    const ShortcodeUse* use = nullptr;
    const Contact* c = contact_of(node, &use);
    if (!c) return;
    if (!use->block) {
      out += "<p style=\"" + st_.p + "\">" + shortcode_inline(node) + "</p>\n";
      return;
    }
    out += "<table role=\"presentation\" style=\"" + st_.card + "\"><tr><td style=\"padding:16px;\">\n";
    out += "<p style=\"" + st_.card_name + "\"><strong>" + html_escape(c->name) + "</strong>";
    if (!c->organisation.empty()) out += "<br>" + html_escape(c->organisation);
    out += "</p>\n";
    if (!c->phones.empty() || !c->email.empty() || !c->url.empty()) {
      out += "<ul style=\"" + st_.card_list + "\">\n";
      for (const ContactPhone& p : c->phones) {
        out += "<li style=\"" + st_.li + "\">" + tel(p.number);
        if (!p.label.empty()) out += " – " + html_escape(p.label);
        if (!p.hours.empty()) out += " (" + html_escape(p.hours) + ")";
        out += "</li>\n";
      }
      if (!c->email.empty()) out += "<li style=\"" + st_.li + "\">" + mailto(c->email) + "</li>\n";
      if (!c->url.empty())
        out += fmt::format("<li style=\"{}\"><a href=\"{}\" style=\"{}\">{} website</a></li>\n", st_.li,
                           escape_href(c->url), st_.a, html_escape(c->name));
      out += "</ul>\n";
    }
    out += "</td></tr></table>\n";
  }

  const EmailSource& s_;
  const EmailStyles& st_;
  Diagnostics& diags_;
  std::vector<const LinkUse*> images_;  ///< where each picture is written, in order
  size_t image_index_ = 0;
  size_t footnotes_ = 0;
  bool seen_heading_ = false;
};

}  // namespace

std::string email_body_html(const EmailSource& source, const EmailStyles& styles, Diagnostics& diags,
                            size_t* missing_alt) {
  HtmlWriter writer(source, styles, diags);
  if (source.doc && source.doc->root()) writer.blocks(cmark_node_first_child(source.doc->root()), false);
  if (missing_alt) *missing_alt = writer.missing_alt;
  return std::move(writer.out);
}

}  // namespace herald
