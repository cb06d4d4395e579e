// Tests for output/email/image_size: PNG, JPEG and GIF sizes from their first bytes; scaling to a column.
#include <doctest/doctest.h>

#include <string>

#include "output/email/image_size.h"
#include "support/site_builder.h"

using namespace herald;

TEST_CASE("a PNG's, a JPEG's and a GIF's size; anything else, or a damaged header, has none") {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\xE0\0\0\x01\x0E\x08\x02\0\0\0", 29);
  auto p = image_pixel_size(png);
  REQUIRE(p);
  CHECK(p->width == 480);
  CHECK(p->height == 270);
  // A JPEG: SOI, an APP0 segment, then a baseline frame 640 wide and 427 high.
  std::string jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xC0\0\x11\x08\x01\xAB\x02\x80\x03", 31);
  auto j = image_pixel_size(jpeg);
  REQUIRE(j);
  CHECK(j->width == 640);
  CHECK(j->height == 427);
  std::string gif("GIF89a\x20\x03\x58\x02", 10);
  auto g = image_pixel_size(gif);
  REQUIRE(g);
  CHECK(g->width == 800);
  CHECK(g->height == 600);
  CHECK_FALSE(image_pixel_size("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
  CHECK_FALSE(image_pixel_size(png.substr(0, 20)));
  CHECK_FALSE(image_pixel_size(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0\0\0\x01\x0E", 24)));
  CHECK_FALSE(image_pixel_size(std::string("\xFF\xD8\xFF\xDA\0\x02", 6)));  // image data before any frame
  CHECK_FALSE(image_pixel_size(""));
}

TEST_CASE("the example site's picture, and scaling to a width: down whole, never up") {
  auto photo = image_pixel_size(herald::test::read_file(HERALD_SOURCE_DIR "/content/newsletters/autumn-2026/photo.png"));
  REQUIRE(photo);
  CHECK(photo->width > 0);
  PixelSize wide = fit_width({1200, 601}, 552);
  CHECK(wide.width == 552);
  CHECK(wide.height == 276);
  PixelSize narrow = fit_width({300, 200}, 552);
  CHECK(narrow.width == 300);
  CHECK(narrow.height == 200);
  CHECK(fit_width({10000, 1}, 552).height == 1);
}
