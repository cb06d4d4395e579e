// The site's logo: finding its file and checking that the pages and the print PDFs can show it.
#include "content/logo.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

namespace herald {

ImageFormat sniff_image(std::string_view b) {
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageFormat::png;
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return ImageFormat::jpeg;
  // SVG is text: skip a byte-order mark, spaces, the XML declaration,
  // comments and a doctype, then expect the svg element.
  size_t i = starts_with(b, "\xEF\xBB\xBF") ? 3 : 0;
  for (int steps = 0; steps < 64 && i < b.size(); ++steps) {
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
    std::string_view rest = b.substr(i);
    std::string_view end;
    if (starts_with(rest, "<?")) end = "?>";
    else if (starts_with(rest, "<!--")) end = "-->";
    else if (starts_with(rest, "<!")) end = ">";
    else break;
    size_t close = b.find(end, i + 2);
    if (close == std::string_view::npos) return ImageFormat::other;
    i = close + end.size();
  }
  std::string_view rest = b.substr(std::min(i, b.size()));
  if (starts_with(rest, "<svg") && rest.size() > 4 &&
      (rest[4] == ' ' || rest[4] == '>' || rest[4] == '\n' || rest[4] == '\t' || rest[4] == '\r' || rest[4] == '/'))
    return ImageFormat::svg;
  return ImageFormat::other;
}

const StaticFile* find_logo(const Library& library) {
  std::string_view logo = library.config.logo;
  if (logo.empty()) return nullptr;
  while (starts_with(logo, "/")) logo.remove_prefix(1);
  for (const StaticFile& f : library.static_files)
    if (f.source_path == logo || f.output_path == logo) return &f;
  return nullptr;
}

void check_logo(const Library& library, const std::vector<SourceFile>& files, Diagnostics& diags) {
  const std::string& logo = library.config.logo;
  if (logo.empty()) return;
  const StaticFile* file = nullptr;
  if (starts_with(logo, "static/"))
    for (const StaticFile& f : library.static_files)
      if (f.source_path == logo) file = &f;
  if (!file || !file->content) {
    std::string message;
    if (!starts_with(logo, "static/"))
      message = fmt::format("logo '{}' must be a file of the site's static/ folder, written like static/logo.svg",
                            logo);
    else if (std::any_of(files.begin(), files.end(), [&](const SourceFile& f) { return f.path == logo; }))
      message = fmt::format("logo '{}' is not published (see the message at that file): choose another file", logo);
    else
      message = fmt::format("logo '{}' is not a file of this commit: add and commit it, or correct the name", logo);
    diags.error(library.config.logo_at, message);
    return;
  }
  if (sniff_image(*file->content) == ImageFormat::other)
    diags.warning(library.config.logo_at,
                  fmt::format("the logo '{}' is not a PNG, JPEG or SVG image: the web pages may show it, but the "
                              "print PDFs cannot; save it as one of those (SVG or PNG is best)",
                              logo));
}

}  // namespace herald
