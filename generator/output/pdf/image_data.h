// PNG and JPEG files turned into cairo surfaces for the PDFs; anything else is refused, never a crash.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

namespace herald::pdf {

/// A decoded (PNG) or passed-through (JPEG) image ready to paint.
struct Image {
  std::shared_ptr<cairo_surface_t> surface;
  int width = 0, height = 0;  ///< pixels
};

/// Reads a PNG or a JPEG (embedded as it is, with DCTDecode). On failure
/// returns an empty image and sets `problem` to a short phrase such as
/// "is not a PNG or JPEG image".
Image load_image(const std::string& bytes, std::string* problem);

}  // namespace herald::pdf
