// The logo in the title bands: loaded from the site's files, drawn as decoration beside the band's text.
#include "output/pdf/logo_pdf.h"

#include <cmath>

#include "content/logo.h"
#include "output/pdf/print_common.h"

namespace herald::pdf {

void PrintLogo::draw(cairo_t* cr, double x, double y, double width, double height) const {
  if (svg) {
    svg->draw(cr, x, y, width, height);
    return;
  }
  if (!raster.surface) return;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, width / raster.width, height / raster.height);
  cairo_set_source_surface(cr, raster.surface.get(), 0, 0);
  // A small logo scaled up stays smooth.
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

PrintLogo load_print_logo(const Library& library, std::string* problem) {
  PrintLogo logo;
  const StaticFile* file = find_logo(library);
  if (!file || !file->content) return logo;
  const std::string& bytes = *file->content;
  switch (sniff_image(bytes)) {
    case ImageFormat::png:
    case ImageFormat::jpeg:
      logo.raster = load_image(bytes, problem);
      if (logo.raster.surface) logo.aspect = static_cast<double>(logo.raster.width) / logo.raster.height;
      break;
    case ImageFormat::svg:
      if (auto svg = SvgImage::load(bytes, problem)) {
        logo.aspect = svg->aspect();
        logo.svg = std::move(svg);
      }
      break;
    case ImageFormat::other:
      break;
  }
  return logo;
}

BandLogo add_band_logo(Flow& flow, const PrintLogo* logo, const Region& band) {
  BandLogo placed;
  placed.text = band;
  if (!logo || !*logo) return placed;
  double height = kLogoHeight, width = height * logo->aspect;
  if (width > kLogoMaxWidth) {  // a very wide logo: scaled down whole, never squeezed
    width = kLogoMaxWidth;
    height = width / logo->aspect;
  }
  const double tile_width = width + 2 * kLogoPad, tile_height = kLogoHeight + 2 * kLogoPad;
  placed.text.width = band.width - tile_width - 12;
  placed.first_item = flow.items().size();
  placed.tile_height = tile_height;
  Item item;
  item.keep_with_next = true;
  item.indent = band.indent;
  item.boxes = band.boxes;
  const double right = band.width;
  // Drawn as decoration (an artifact): the partnership's name is the band's text.
  item.draw = [logo = *logo, right, width, height, tile_width, tile_height](PdfDocument& d, double x, double y) {
    d.leave_leaves();
    cairo_t* cr = d.cr();
    const double left = x + right - tile_width;
    cairo_save(cr);
    cairo_new_path(cr);
    const double r = 3;
    cairo_arc(cr, left + tile_width - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, left + tile_width - r, y + tile_height - r, r, 0, M_PI / 2);
    cairo_arc(cr, left + r, y + tile_height - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, left + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    cairo_restore(cr);
    logo.draw(cr, left + kLogoPad, y + (tile_height - height) / 2, width, height);
  };
  flow.add(std::move(item));
  return placed;
}

void finish_band_logo(Flow& flow, const BandLogo& logo, const Region& band) {
  if (logo.tile_height <= 0) return;
  double text_height = 0;
  auto& items = flow.items();
  for (size_t i = logo.first_item + 1; i < items.size(); ++i) text_height += items[i].space_before + items[i].height;
  if (text_height >= logo.tile_height) return;
  Item spacer;
  spacer.height = logo.tile_height - text_height;
  spacer.indent = band.indent;
  spacer.boxes = band.boxes;
  flow.add(std::move(spacer));
}

}  // namespace herald::pdf
