// PNG and JPEG loading for PDFs; anything else is refused with a reason.
#include "output/pdf/image_data.h"

#include <cairo.h>
#include <doctest/doctest.h>

using herald::pdf::load_image;

namespace {

std::string png(int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  std::string out;
  cairo_surface_write_to_png_stream(
      s,
      [](void* c, const unsigned char* d, unsigned int n) {
        static_cast<std::string*>(c)->append(reinterpret_cast<const char*>(d), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  cairo_surface_destroy(s);
  return out;
}

/// The header of a JPEG (SOI, APP0, SOF0) for a w x h colour image.
std::string jpeg_header(int w, int h) {
  std::string j = "\xFF\xD8";
  j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  j += std::string("\xFF\xC0\x00\x11\x08", 5);
  j += static_cast<char>(h >> 8);
  j += static_cast<char>(h & 255);
  j += static_cast<char>(w >> 8);
  j += static_cast<char>(w & 255);
  j += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  j += "\xFF\xD9";
  return j;
}

}  // namespace

TEST_CASE("a PNG is decoded and a JPEG is read from its header") {
  std::string problem;
  auto p = load_image(png(40, 30), &problem);
  REQUIRE(p.surface);
  CHECK(p.width == 40);
  CHECK(p.height == 30);
  auto j = load_image(jpeg_header(1200, 800), &problem);
  REQUIRE(j.surface);
  CHECK(j.width == 1200);
  CHECK(j.height == 800);
  CHECK(problem.empty());
}

TEST_CASE("files that are not PNG or JPEG, or are damaged or huge, are refused with a reason") {
  std::string problem;
  CHECK_FALSE(load_image("GIF89a....", &problem).surface);
  CHECK(problem == "is not a PNG or JPEG image");
  CHECK_FALSE(load_image("", &problem).surface);
  std::string cut = png(40, 30);
  cut.resize(cut.size() / 2);
  CHECK_FALSE(load_image(cut, &problem).surface);
  CHECK(problem == "is a damaged PNG file");
  CHECK_FALSE(load_image(std::string("\xFF\xD8\xFF\xE0\x00\x02", 6), &problem).surface);
  CHECK(problem == "is a damaged JPEG file");
  CHECK_FALSE(load_image(jpeg_header(20000, 20000), &problem).surface);
  CHECK(problem.find("too large") != std::string::npos);
}
