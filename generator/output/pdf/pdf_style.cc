// Colour helpers for the print PDFs.
#include "output/pdf/pdf_style.h"

#include <cmath>
#include <utility>

namespace herald::pdf {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

double linear(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast(Rgb a, Rgb b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace

Rgb parse_colour(const std::string& hex, Rgb fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  int v[6];
  for (int i = 0; i < 6; ++i) {
    v[i] = hex_digit(hex[i + 1]);
    if (v[i] < 0) return fallback;
  }
  return {(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

Palette make_palette(const std::string& brand_hex) {
  Palette p;
  p.brand = parse_colour(brand_hex, Rgb{0.114, 0.357, 0.475});
  p.tint = mix(kWhite, p.brand, 0.08);
  p.tint_strong = mix(kWhite, p.brand, 0.16);
  // Headings and links sit on white and on the tints: 4.5:1 against the
  // strongest tint, darkening the brand colour when it is too light.
  Rgb text = p.brand;
  for (int i = 0; i < 20 && contrast(text, p.tint_strong) < 4.5; ++i) text = mix(text, Rgb{0, 0, 0}, 0.15);
  p.brand_text = text;
  // White on the band: the configuration check asks for 4.5:1; darken if not.
  for (int i = 0; i < 20 && contrast(p.brand, kWhite) < 4.5; ++i) p.brand = mix(p.brand, Rgb{0, 0, 0}, 0.15);
  return p;
}

}  // namespace herald::pdf
