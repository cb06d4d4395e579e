// The site's logo at the right of the print PDFs' title bands, on a white tile.
#pragma once

#include <memory>
#include <string>

#include "content/library.h"
#include "output/pdf/flow.h"
#include "output/pdf/image_data.h"
#include "output/pdf/markdown_pdf.h"
#include "output/pdf/svg_image.h"

namespace herald::pdf {

/// The logo's height in a title band, in points (about 11 mm), the white
/// tile's padding around it, and the widest a wide logo is drawn.
constexpr double kLogoHeight = 30;
constexpr double kLogoPad = 4;
constexpr double kLogoMaxWidth = 150;

/// The site's logo as the PDFs draw it: a PNG or JPEG, or an SVG drawn as vectors.
struct PrintLogo {
  Image raster;
  std::shared_ptr<const SvgImage> svg;
  double aspect = 1;  ///< width over height

  explicit operator bool() const { return raster.surface || svg; }
  /// Draws it into the rectangle (x, y, width, height).
  void draw(cairo_t* cr, double x, double y, double width, double height) const;
};

/// The logo herald.yaml names. Empty when there is none, or none that can be
/// drawn: then `problem` says why when the reason is the file or the system
/// (a missing file or an unknown format is check_logo's warning, and leaves
/// `problem` empty).
PrintLogo load_print_logo(const Library& library, std::string* problem);

/// The logo placed at the top right of a title band (`band` as
/// add_title_band gave it): the region for the band's text, narrowed to
/// leave room for it, and what finish_band_logo needs.
struct BandLogo {
  Region text;
  size_t first_item = 0;
  double tile_height = 0;  ///< 0: no logo
};

/// Adds the logo (none when `logo` is null or empty) as the band's first item.
BandLogo add_band_logo(Flow& flow, const PrintLogo* logo, const Region& band);

/// After the band's lines: makes the band at least as tall as the logo's tile.
void finish_band_logo(Flow& flow, const BandLogo& logo, const Region& band);

}  // namespace herald::pdf
