// The width and height of a PNG, JPEG or GIF picture, read from its first bytes (for the email's <img> sizes).
#pragma once

#include <optional>
#include <string_view>

namespace herald {

struct PixelSize {
  int width = 0, height = 0;
};

/// The size a PNG (its IHDR), JPEG (its first SOF marker) or GIF (its
/// logical screen) says it has; nullopt for anything else, a damaged header,
/// or a side of 0.
std::optional<PixelSize> image_pixel_size(std::string_view bytes);

/// `size` scaled down whole to at most `max_width` wide (never up); a side
/// never rounds to 0.
PixelSize fit_width(PixelSize size, int max_width);

}  // namespace herald
