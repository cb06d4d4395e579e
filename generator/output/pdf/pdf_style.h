// Page geometry, fonts and colours shared by every print PDF layout.
#pragma once

#include <string>

namespace herald::pdf {

/// A4 in PostScript points.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
/// 15 mm: inside the unprintable edge of office printers.
constexpr double kMargin = 42.52;

/// The smallest size body text is ever set in.
constexpr double kMinBodySize = 9.0;

/// Families from Debian's fonts-dejavu-core, installed by scripts/install.sh.
inline constexpr const char* kSansFamily = "DejaVu Sans";
inline constexpr const char* kMonoFamily = "DejaVu Sans Mono";

/// An sRGB colour with components in [0, 1].
struct Rgb {
  double r = 0, g = 0, b = 0;
};

/// Reads "#rrggbb"; `fallback` when the text is anything else.
Rgb parse_colour(const std::string& hex, Rgb fallback);
/// `a` moved towards `b` by `t` (0 = a, 1 = b).
Rgb mix(Rgb a, Rgb b, double t);

inline constexpr Rgb kWhite{1, 1, 1};
inline constexpr Rgb kText{0.10, 0.10, 0.12};
inline constexpr Rgb kMuted{0.30, 0.30, 0.34};  // 9:1 on white
inline constexpr Rgb kRule{0.72, 0.72, 0.75};
inline constexpr Rgb kCodeBackground{0.95, 0.95, 0.96};
/// The bar of a warning or caution alert: GOV.UK red.
inline constexpr Rgb kWarning{0.83, 0.21, 0.22};
inline constexpr Rgb kLinkFallback{0.10, 0.30, 0.60};
/// Behind text marked with <mark>: a pale yellow, as browsers show it.
inline constexpr Rgb kHighlight{1.0, 0.94, 0.60};

/// The colours one document is drawn in, derived from the site's brand colour.
struct Palette {
  Rgb brand;        ///< title bands, badges (white text on it reaches 4.5:1)
  Rgb brand_text;   ///< headings and links on white: the brand colour, darkened if needed
  Rgb tint;         ///< panel backgrounds: the brand colour at 8% on white
  Rgb tint_strong;  ///< table header rows: 16%
};

/// The palette of a site whose herald.yaml says `brand_colour: hex`.
Palette make_palette(const std::string& brand_hex);

}  // namespace herald::pdf
