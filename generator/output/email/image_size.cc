// The width and height of a PNG, JPEG or GIF picture, read from its first bytes.
#include "output/email/image_size.h"

#include <algorithm>
#include <cstdint>

namespace herald {
namespace {

uint32_t big_endian(std::string_view b, size_t at, size_t bytes) {
  uint32_t v = 0;
  for (size_t i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::optional<PixelSize> checked(uint32_t width, uint32_t height) {
  if (width == 0 || height == 0 || width > 100000 || height > 100000) return std::nullopt;
  return PixelSize{static_cast<int>(width), static_cast<int>(height)};
}

std::optional<PixelSize> jpeg_size(std::string_view b) {
  size_t i = 2;  // after SOI
  while (i + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
    unsigned char marker = static_cast<unsigned char>(b[i + 1]);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      i += 2;
      continue;
    }
    uint32_t length = big_endian(b, i + 2, 2);
    if (length < 2) return std::nullopt;
    // Start of frame: baseline, progressive and the rest, but not DHT (C4), JPG (C8) or DAC (CC).
    bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (i + 9 > b.size()) return std::nullopt;
      return checked(big_endian(b, i + 7, 2), big_endian(b, i + 5, 2));
    }
    if (marker == 0xDA || marker == 0xD9) return std::nullopt;  // the image data, or its end, before any frame
    i += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PixelSize> image_pixel_size(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) && b.substr(12, 4) == "IHDR")
    return checked(big_endian(b, 16, 4), big_endian(b, 20, 4));
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8)
    return jpeg_size(b);
  if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) {
    auto little = [&](size_t at) {
      return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
             static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
    };
    return checked(little(6), little(8));
  }
  return std::nullopt;
}

PixelSize fit_width(PixelSize size, int max_width) {
  if (size.width <= max_width) return size;
  int height = static_cast<int>((static_cast<int64_t>(size.height) * max_width + size.width / 2) / size.width);
  return {max_width, std::max(1, height)};
}

}  // namespace herald
