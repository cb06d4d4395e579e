// The email edition's colours and inline styles: every style is written on its element, none in a <style> block.
#pragma once

#include <map>
#include <string>

namespace herald {

/// The colours of the email edition. Text is near-black on white and the
/// brand colour is used only where herald.yaml's check guarantees 4.5:1
/// against white: the band of the site's name (white text on it), headings
/// and links (on white). Every background is set on its own element, so
/// that a mail program's dark mode, which recolours what it finds, turns
/// each pair together.
struct EmailPalette {
  std::string brand = "#1d5b79";
  std::string on_brand = "#ffffff";
  std::string text = "#0b0c0c";
  std::string secondary = "#505a5f";  ///< 7:1 on white, 6:1 on the canvas
  std::string border = "#b1b4b6";
  std::string canvas = "#f3f2f1";  ///< around the newsletter
  std::string paper = "#ffffff";   ///< under the text
};

/// Widths in CSS pixels: the newsletter's column and the text inside it.
constexpr int kEmailWidth = 600;
constexpr int kEmailGutter = 24;
constexpr int kEmailTextWidth = kEmailWidth - 2 * kEmailGutter;

/// The inline styles of the body's elements (output/email/email_html.cc)
/// and of the frame (the theme's email.mustache gets them as data).
struct EmailStyles {
  explicit EmailStyles(const EmailPalette& palette);

  std::string font;  ///< the family, with fallbacks
  std::string p, h1, h2, h2_first, h3, h4, small, date;
  std::string a;  ///< a link
  std::string ul, ol, li;
  std::string table, th, td;
  std::string blockquote, pre, code, hr;
  std::string img;      ///< a picture on a line of its own, its size unknown
  /// A picture on a line of its own whose width is known: `{}` is that
  /// width. Fluid (width 100%) up to it, so that a phone's column shrinks it.
  std::string img_sized;
  std::string img_inline;
  std::string card, card_name, card_list;  ///< a contact card's box, its name, its details
  // The frame's (the theme's email.mustache).
  std::string band, band_link;  ///< the site's name on the brand colour
  std::string caption;          ///< the series and issue above the title
  std::string toc_heading;      ///< "In this issue"
  std::string a_plain;          ///< a link on the canvas: text colour, underlined
  std::string footer;

  /// Every style by name, for the template's data (`style.h1`…).
  std::map<std::string, std::string> by_name() const;
};

}  // namespace herald
