// The site's logo in the print PDFs' title bands: its shape kept, beside the band's text.
#include "output/pdf/logo_pdf.h"

#include <cairo.h>
#include <doctest/doctest.h>

#include <memory>
#include <regex>
#include <sstream>

#include "content/library.h"
#include "output/pdf/pdf_outputs.h"
#include "pdf_test_support.h"
#include "support/site_builder.h"

using namespace herald;
using namespace herald::pdf;
using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

/// A solid red PNG of `width` x `height` pixels.
std::string red_png(int width, int height) { return herald::pdf_test::solid_png(width, height, 1, 0, 0); }

/// A solid red SVG, `width` by `height` in its viewBox (and in pixels, when `sized`).
std::string red_svg(int width, int height, bool sized) {
  std::string size = sized ? " width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\"" : "";
  return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\"" + size + "><title>Logo</title><rect width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" fill=\"#ff0000\"/></svg>\n";
}

/// A site with a logo and one page of each layout, drawn in-process.
struct LogoSite {
  explicit LogoSite(const std::string& logo_path, std::string logo_bytes) : logo(std::move(logo_bytes)) {
    lib.config.title = "Testshire Safeguarding Partnership";
    lib.config.base_url = "https://safeguarding.testshire.example/";
    lib.config.review_types = builtin_review_types();
    lib.config.logo = logo_path;
    lib.now = 1719835200;
    lib.static_files.push_back({logo_path.substr(7), logo_path, &logo});
    lib.pages.reserve(4);
  }
  const Page& page(Kind kind, const std::string& title) {
    Page p;
    p.kind = kind;
    p.slug = "a-page";
    p.url = "/section/a-page/";
    p.source_path = "content/section/a-page.md";
    p.title = title;
    p.date = DateTime{1712880000, 3600, false};
    p.last_commit = 1710928800;
    p.pdf = true;
    lib.pages.push_back(std::move(p));
    return lib.pages.back();
  }
  std::string render(const Page& page) { return render_page_pdf(lib, page, make_file_index(lib), diags); }

  std::string logo;
  Library lib;
  Diagnostics diags;
};

/// Where the red pixels of page 1, rendered at 72 dpi (one pixel a point), are.
struct RedBox {
  int left = 1 << 30, top = 1 << 30, right = -1, bottom = -1;
  bool found() const { return right >= 0; }
  double aspect() const { return static_cast<double>(right - left + 1) / (bottom - top + 1); }
};

RedBox red_box(const std::string& pdf) {
  std::string path = herald::test::make_temp_dir("herald-logo-") + "/page.pdf";
  herald::test::write_file(path, pdf);
  auto r = run_command("pdftoppm -r 72 -f 1 -l 1 '" + path + "'");
  run_command("rm -rf \"$(dirname '" + path + "')\"");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);  // a binary PPM: "P6\n<w> <h>\n255\n" then RGB
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  REQUIRE(magic == "P6");
  std::string pixels((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(pixels.size() >= static_cast<size_t>(w * h * 3));
  RedBox box;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto px = [&](int c) { return static_cast<unsigned char>(pixels[(y * w + x) * 3 + c]); };
      if (px(0) > 220 && px(1) < 40 && px(2) < 40) {
        box.left = std::min(box.left, x);
        box.right = std::max(box.right, x);
        box.top = std::min(box.top, y);
        box.bottom = std::max(box.bottom, y);
      }
    }
  return box;
}

/// The right edge of the rightmost word of the title band (the top `band` points), from pdftotext -bbox.
double band_text_right(const std::string& pdf, double band) {
  std::string path = herald::test::make_temp_dir("herald-logo-") + "/page.pdf";
  herald::test::write_file(path, pdf);
  auto r = run_command("pdftotext -bbox -f 1 -l 1 '" + path + "' -");
  run_command("rm -rf \"$(dirname '" + path + "')\"");
  std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"");
  double right = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word); it != std::sregex_iterator(); ++it)
    if (std::stod((*it)[2]) < band) right = std::max(right, std::stod((*it)[3]));
  return right;
}

const char* kLongTitle =
    "A title long enough to run across the whole width of the band and on to a second line of its own";

}  // namespace

TEST_CASE("a wide SVG logo keeps its shape at the top right of every layout's band, the text beside it") {
  LogoSite site("static/logo.svg", red_svg(200, 50, true));
  for (Kind kind : {Kind::newsletter, Kind::briefing, Kind::chapter, Kind::page}) {
    CAPTURE(static_cast<int>(kind));
    std::string pdf = site.render(site.page(kind, kLongTitle));
    RedBox box = red_box(pdf);
    REQUIRE(box.found());
    CHECK(box.aspect() == doctest::Approx(4.0).epsilon(0.1));
    CHECK(box.bottom - box.top + 1 == doctest::Approx(kLogoHeight).epsilon(0.1));
    CHECK(box.right > 595 - 42.52 - 12);  // at the right margin
    CHECK(box.top < 60);                  // in the band at the top
    // No word of the band runs under the logo's white tile.
    CHECK(band_text_right(pdf, 100) < box.left - kLogoPad);
  }
  CHECK(site.diags.sorted().empty());
}

TEST_CASE("a PNG logo, a very wide one and an SVG with only a viewBox keep their shapes too") {
  LogoSite png("static/logo.png", red_png(90, 60));
  RedBox box = red_box(png.render(png.page(Kind::newsletter, "Spring")));
  REQUIRE(box.found());
  CHECK(box.aspect() == doctest::Approx(1.5).epsilon(0.1));

  LogoSite wide("static/logo.png", red_png(1000, 50));  // 20:1, wider than kLogoMaxWidth at full height
  box = red_box(wide.render(wide.page(Kind::chapter, "Referrals")));
  REQUIRE(box.found());
  CHECK(box.right - box.left + 1 == doctest::Approx(kLogoMaxWidth).epsilon(0.05));
  CHECK(box.aspect() == doctest::Approx(20.0).epsilon(0.15));

  LogoSite unsized("static/logo.svg", red_svg(120, 40, false));
  box = red_box(unsized.render(unsized.page(Kind::briefing, "Neglect")));
  REQUIRE(box.found());
  CHECK(box.aspect() == doctest::Approx(3.0).epsilon(0.1));
}

TEST_CASE("a site without a logo, or with one the PDFs cannot draw, has bands of text alone") {
  LogoSite gif("static/logo.gif", "GIF89a....");
  CHECK_FALSE(red_box(gif.render(gif.page(Kind::newsletter, "Spring"))).found());
  CHECK(gif.diags.sorted().empty());  // the format is check_logo's warning, given once by the build

  LogoSite none("static/logo.svg", red_svg(200, 50, true));
  none.lib.config.logo.clear();
  CHECK_FALSE(red_box(none.render(none.page(Kind::newsletter, "Spring"))).found());

  std::string problem;
  LogoSite damaged("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
  CHECK_FALSE(load_print_logo(damaged.lib, &problem));
  CHECK(problem.rfind("is not a readable SVG image", 0) == 0);
}
