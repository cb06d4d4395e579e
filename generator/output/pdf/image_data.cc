// Image loading: PNG through cairo, JPEG by reading its header and attaching the file as mime data.
#include "output/pdf/image_data.h"

#include <cstring>

namespace herald::pdf {
namespace {

// Larger images are refused: 50 megapixels is far beyond any print need and
// would use hundreds of megabytes per render thread.
constexpr long kMaxPixels = 50L * 1000 * 1000;

struct PngReader {
  const std::string* bytes;
  size_t offset = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

std::shared_ptr<cairo_surface_t> own(cairo_surface_t* surface) {
  return std::shared_ptr<cairo_surface_t>(surface, cairo_surface_destroy);
}

/// Width, height and components from a JPEG's start-of-frame marker.
bool jpeg_size(const std::string& b, int* width, int* height, int* components) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (byte(i) != 0xFF) return false;
    unsigned char marker = byte(i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    size_t length = (byte(i + 2) << 8) | byte(i + 3);
    if (length < 2 || i + 2 + length > b.size()) return false;
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (length < 8) return false;
      *height = (byte(i + 5) << 8) | byte(i + 6);
      *width = (byte(i + 7) << 8) | byte(i + 8);
      *components = byte(i + 9);
      return *width > 0 && *height > 0 && (*components == 1 || *components == 3 || *components == 4);
    }
    if (marker == 0xD9 || marker == 0xDA) return false;  // no frame before the scan
    i += 2 + length;
  }
  return false;
}

}  // namespace

Image load_image(const std::string& bytes, std::string* problem) {
  Image image;
  static const char kPng[] = "\x89PNG\r\n\x1a\n";
  if (bytes.size() > 8 && std::memcmp(bytes.data(), kPng, 8) == 0) {
    if (bytes.size() < 24) {
      *problem = "is a damaged PNG file";
      return {};
    }
    auto be32 = [&](size_t i) {
      return (static_cast<long>(static_cast<unsigned char>(bytes[i])) << 24) |
             (static_cast<unsigned char>(bytes[i + 1]) << 16) |
             (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
    };
    if (be32(16) * be32(20) > kMaxPixels) {
      *problem = "is too large to print (over 50 megapixels)";
      return {};
    }
    PngReader reader{&bytes};
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read_png, &reader);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(surface);
      *problem = "is a damaged PNG file";
      return {};
    }
    image.surface = own(surface);
    image.width = cairo_image_surface_get_width(surface);
    image.height = cairo_image_surface_get_height(surface);
    return image;
  }
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF) {
    int width = 0, height = 0, components = 0;
    if (!jpeg_size(bytes, &width, &height, &components)) {
      *problem = "is a damaged JPEG file";
      return {};
    }
    if (static_cast<long>(width) * height > kMaxPixels) {
      *problem = "is too large to print (over 50 megapixels)";
      return {};
    }
    // The pixels are never read: cairo writes the JPEG file itself into the
    // PDF. The surface only gives the size (its memory is never touched).
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(surface);
      *problem = "could not be read";
      return {};
    }
    auto* copy = new std::string(bytes);
    cairo_status_t status = cairo_surface_set_mime_data(
        surface, CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(copy->data()), copy->size(),
        [](void* data) { delete static_cast<std::string*>(data); }, copy);
    if (status != CAIRO_STATUS_SUCCESS) {  // cairo has released `copy`
      cairo_surface_destroy(surface);
      *problem = "could not be read";
      return {};
    }
    image.surface = own(surface);
    image.width = width;
    image.height = height;
    return image;
  }
  *problem = "is not a PNG or JPEG image";
  return {};
}

}  // namespace herald::pdf
