// The email edition's inline styles, made from its palette: 16px text, nothing under 14px.
#include "output/email/email_style.h"

#include <fmt/format.h>

namespace herald {

EmailStyles::EmailStyles(const EmailPalette& c) {
  font = "font-family:Arial,Helvetica,sans-serif";
  auto text = [&](int size, int line, const std::string& colour, bool bold = false) {
    // A word too long for a phone's width (an address) wraps rather than widening the column.
    return fmt::format("{};font-size:{}px;line-height:{}px;color:{};{}overflow-wrap:anywhere;", font, size, line,
                       colour, bold ? "font-weight:bold;" : "font-weight:normal;");
  };
  p = "margin:0 0 16px;" + text(16, 24, c.text);
  h1 = "margin:0 0 16px;" + text(32, 36, c.text, true);
  h2_first = "margin:8px 0 16px;" + text(24, 30, c.brand, true);
  // An article after another: a line above it.
  h2 = fmt::format("margin:32px 0 16px;padding-top:24px;border-top:1px solid {};", c.border) + text(24, 30, c.brand, true);
  h3 = "margin:24px 0 12px;" + text(19, 25, c.text, true);
  h4 = "margin:16px 0 8px;" + text(16, 24, c.text, true);
  small = "margin:0;" + text(14, 20, c.secondary);
  date = "margin:0 0 24px;" + text(14, 20, c.secondary);
  a = fmt::format("color:{};text-decoration:underline;", c.brand);
  ul = "margin:0 0 16px;padding:0 0 0 24px;" + text(16, 24, c.text);
  ol = ul;
  li = "margin:0 0 8px;" + text(16, 24, c.text);
  table = fmt::format("width:100%;border-collapse:collapse;margin:0 0 16px;{}", text(16, 24, c.text));
  th = fmt::format("text-align:left;vertical-align:bottom;padding:8px 12px 8px 0;border-bottom:2px solid {};{}",
                   c.text, text(16, 24, c.text, true));
  td = fmt::format("text-align:left;vertical-align:top;padding:8px 12px 8px 0;border-bottom:1px solid {};{}",
                   c.border, text(16, 24, c.text));
  blockquote = fmt::format("margin:0 0 16px;padding:0 0 0 16px;border-left:5px solid {};", c.border);
  pre = fmt::format("margin:0 0 16px;padding:12px;background-color:{};white-space:pre-wrap;word-wrap:break-word;"
                    "font-family:Consolas,Menlo,monospace;font-size:14px;line-height:20px;color:{};",
                    c.canvas, c.text);
  code = fmt::format("font-family:Consolas,Menlo,monospace;font-size:15px;background-color:{};color:{};", c.canvas,
                     c.text);
  hr = fmt::format("border:0;border-top:1px solid {};height:0;margin:24px 0;", c.border);
  img = "display:block;max-width:100%;height:auto;border:0;margin:0 0 16px;";
  img_sized = "display:block;width:100%;max-width:{}px;height:auto;border:0;margin:0 0 16px;";
  img_inline = "max-width:100%;height:auto;border:0;";
  card = fmt::format("width:100%;border-collapse:collapse;margin:0 0 16px;background-color:{};border:1px solid {};"
                     "border-left:5px solid {};",
                     c.paper, c.border, c.brand);
  card_name = "margin:0 0 8px;" + text(16, 24, c.text);
  card_list = "margin:0;padding:0 0 0 20px;" + text(16, 24, c.text);
  band = "margin:0;" + text(19, 25, c.on_brand, true);
  band_link = fmt::format("color:{};text-decoration:none;", c.on_brand);
  caption = "margin:0 0 4px;" + text(16, 24, c.secondary);
  toc_heading = "margin:0 0 8px;" + text(19, 25, c.text, true);
  a_plain = fmt::format("color:{};text-decoration:underline;", c.text);
  footer = "margin:0 0 12px;" + text(14, 20, c.text);
}

std::map<std::string, std::string> EmailStyles::by_name() const {
  return {{"p", p},           {"h1", h1},         {"h2", h2},
          {"h3", h3},         {"small", small}, {"date", date},   {"a", a},
          {"ul", ul},         {"li", li},         {"band", band},
          {"band_link", band_link}, {"caption", caption}, {"toc_heading", toc_heading},
          {"a_plain", a_plain}, {"a_dark", a_plain}, {"footer", footer}};
}

}  // namespace herald
