// SVG images drawn with librsvg (into the PDF module, which only a build that draws a PDF loads).
#include "output/pdf/svg_image.h"

#include <librsvg/rsvg.h>

#include <string>

namespace herald::pdf {

std::unique_ptr<SvgImage> SvgImage::load(const std::string& bytes, std::string* problem) {
  GError* error = nullptr;
  RsvgHandle* handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &error);
  if (!handle) {
    *problem = std::string("is not a readable SVG image") + (error ? std::string(": ") + error->message : "");
    if (error) g_error_free(error);
    return nullptr;
  }
  double aspect = 1, width = 0, height = 0;
  gboolean has_width = false, has_height = false, has_viewbox = false;
  RsvgLength w{}, h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && width > 0 && height > 0)
    aspect = width / height;
  else if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
    aspect = viewbox.width / viewbox.height;
  if (aspect > 20 || aspect < 0.05) aspect = 1;  // a broken size, not a logo's shape
  return std::unique_ptr<SvgImage>(new SvgImage(handle, aspect));
}

SvgImage::~SvgImage() { g_object_unref(handle_); }

void SvgImage::draw(cairo_t* cr, double x, double y, double width, double height) const {
  RsvgRectangle viewport{x, y, width, height};
  GError* error = nullptr;
  cairo_save(cr);
  if (!rsvg_handle_render_document(static_cast<RsvgHandle*>(handle_), cr, &viewport, &error) && error)
    g_error_free(error);
  cairo_restore(cr);
}

}  // namespace herald::pdf
