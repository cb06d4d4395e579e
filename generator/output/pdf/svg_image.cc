// SVG through librsvg, opened with dlopen the first time an SVG is drawn: herald needs no
// librsvg to be built, and a system without it prints PDFs without the SVG logo, with a warning.
#include "output/pdf/svg_image.h"

#include <dlfcn.h>
#include <glib-object.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <type_traits>

namespace herald::pdf {
namespace {

// The few functions of librsvg's stable C API (librsvg 2.52 and later;
// Debian 12 has 2.54), declared here since its headers are not needed to build herald.
struct RsvgRectangle {
  double x, y, width, height;
};
struct RsvgLength {
  double length;
  int unit;
};

struct Librsvg {
  void* (*new_from_data)(const unsigned char* data, size_t length, GError** error) = nullptr;
  gboolean (*intrinsic_size_in_pixels)(void* handle, double* width, double* height) = nullptr;
  void (*intrinsic_dimensions)(void* handle, gboolean* has_width, RsvgLength* width, gboolean* has_height,
                               RsvgLength* height, gboolean* has_viewbox, RsvgRectangle* viewbox) = nullptr;
  gboolean (*render_document)(void* handle, cairo_t* cr, const RsvgRectangle* viewport, GError** error) = nullptr;
  std::string problem;  ///< why it cannot be used, or empty
};

/// librsvg, opened once a process. HERALD_LIBRSVG names another file to open
/// (the tests name one that does not exist).
const Librsvg& librsvg() {
  static Librsvg lib;
  static std::once_flag once;
  std::call_once(once, [] {
    const char* name = std::getenv("HERALD_LIBRSVG");
    void* so = dlopen(name && *name ? name : "librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    auto find = [&](auto& fn, const char* symbol) {
      fn = so ? reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(so, symbol)) : nullptr;
      return fn != nullptr;
    };
    bool ok = find(lib.new_from_data, "rsvg_handle_new_from_data");
    ok = find(lib.intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels") && ok;
    ok = find(lib.intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions") && ok;
    ok = find(lib.render_document, "rsvg_handle_render_document") && ok;
    if (!so)
      lib.problem = "cannot be drawn without the library librsvg (the Debian package librsvg2-2), which is not "
                    "installed";
    else if (!ok)
      lib.problem = "cannot be drawn with the library librsvg installed, which is older than version 2.52";
  });
  return lib;
}

}  // namespace

std::unique_ptr<SvgImage> SvgImage::load(const std::string& bytes, std::string* problem) {
  const Librsvg& rsvg = librsvg();
  if (!rsvg.problem.empty()) {
    *problem = rsvg.problem;
    return nullptr;
  }
  GError* error = nullptr;
  void* handle = rsvg.new_from_data(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &error);
  if (!handle) {
    *problem = std::string("is not a readable SVG image") + (error ? std::string(": ") + error->message : "");
    if (error) g_error_free(error);
    return nullptr;
  }
  double aspect = 1, width = 0, height = 0;
  gboolean has_width = false, has_height = false, has_viewbox = false;
  RsvgLength w{}, h{};
  RsvgRectangle viewbox{};
  rsvg.intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
  if (rsvg.intrinsic_size_in_pixels(handle, &width, &height) && width > 0 && height > 0)
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
  if (!librsvg().render_document(handle_, cr, &viewport, &error) && error) g_error_free(error);
  cairo_restore(cr);
}

}  // namespace herald::pdf
