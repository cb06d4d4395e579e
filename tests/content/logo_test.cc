// Tests for content/logo: what an image file is, which file the logo is, and the warnings about it.
#include <doctest/doctest.h>

#include "content/logo.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

TEST_CASE("an image is known by its first bytes") {
  CHECK(sniff_image(std::string("\x89PNG\r\n\x1a\n rest", 13)) == ImageFormat::png);
  CHECK(sniff_image("\xFF\xD8\xFF\xE0 rest") == ImageFormat::jpeg);
  CHECK(sniff_image("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == ImageFormat::svg);
  CHECK(sniff_image("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- Made by hand -->\n<!DOCTYPE svg>\n<svg>\n</svg>") ==
        ImageFormat::svg);
  CHECK(sniff_image("GIF89a....") == ImageFormat::other);
  CHECK(sniff_image("RIFF....WEBP") == ImageFormat::other);
  CHECK(sniff_image("<svgx/>") == ImageFormat::other);
  CHECK(sniff_image("<html><svg/></html>") == ImageFormat::other);
  CHECK(sniff_image("<!-- never closed <svg>") == ImageFormat::other);
  CHECK(sniff_image("") == ImageFormat::other);
}

TEST_CASE("the logo is the static file herald.yaml names, by its path in the repository or on the site") {
  const std::string svg = "<svg/>";
  Library lib;
  lib.static_files.push_back({"images/logo.svg", "static/images/logo.svg", &svg});
  CHECK(find_logo(lib) == nullptr);
  lib.config.logo = "static/images/logo.svg";
  CHECK(find_logo(lib) == &lib.static_files[0]);
  lib.config.logo = "/images/logo.svg";
  CHECK(find_logo(lib) == &lib.static_files[0]);
  lib.config.logo = "static/logo.svg";
  CHECK(find_logo(lib) == nullptr);
}

TEST_CASE("a logo that is missing is an error, one the print PDFs cannot show a warning, at its line") {
  const std::string gif = "GIF89a....", png = std::string("\x89PNG\r\n\x1a\n", 8);
  Library lib;
  lib.config.logo_at = {"herald.yaml", 6, 7};
  lib.static_files.push_back({"logo.gif", "static/logo.gif", &gif});
  lib.static_files.push_back({"logo.png", "static/logo.png", &png});
  Diagnostics none;
  check_logo(lib, {}, none);
  CHECK(messages(none).empty());
  lib.config.logo = "static/logo.png";
  check_logo(lib, {}, none);
  CHECK(messages(none).empty());

  lib.config.logo = "static/logo.svg";
  Diagnostics missing;
  check_logo(lib, {}, missing);
  CHECK(messages(missing) ==
        std::vector<std::string>{"herald.yaml:6:7: error: logo 'static/logo.svg' is not a file of this commit: add and "
                                 "commit it, or correct the name"});
  lib.config.logo = "static/logo.gif";
  Diagnostics format;
  check_logo(lib, {}, format);
  CHECK(messages(format) ==
        std::vector<std::string>{"herald.yaml:6:7: warning: the logo 'static/logo.gif' is not a PNG, JPEG or SVG "
                                 "image: the web pages may show it, but the print PDFs cannot; save it as one of "
                                 "those (SVG or PNG is best)"});
}
