// SVG images drawn with librsvg: for the logo in the print PDFs' title bands.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

namespace herald::pdf {

/// A parsed SVG document, drawn as vectors into a cairo context. Not shared
/// between threads: each PDF makes its own.
class SvgImage {
 public:
  /// Parses `bytes`. On failure returns null and sets `problem` to a phrase
  /// such as "is not a readable SVG image: …".
  static std::unique_ptr<SvgImage> load(const std::string& bytes, std::string* problem);
  ~SvgImage();
  SvgImage(const SvgImage&) = delete;
  SvgImage& operator=(const SvgImage&) = delete;

  /// Width over height, from its size or its viewBox (1 when it gives neither).
  double aspect() const { return aspect_; }
  /// Draws it into the rectangle (x, y, width, height), keeping its shape.
  void draw(cairo_t* cr, double x, double y, double width, double height) const;

 private:
  explicit SvgImage(void* handle, double aspect) : handle_(handle), aspect_(aspect) {}
  void* handle_;
  double aspect_;
};

}  // namespace herald::pdf
