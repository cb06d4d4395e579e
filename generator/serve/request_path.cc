// Request paths to built files, and their media types.
#include "serve/request_path.h"

#include <array>
#include <utility>

#include "core/text.h"
#include "output/output_set.h"

namespace herald {

std::optional<std::string> site_file_for(std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return std::nullopt;
  for (unsigned char c : request_path)
    if (c < 0x20 || c == 0x7f) return std::nullopt;
  std::string file(request_path.substr(1));
  if (file.empty() || file.back() == '/') file += "index.html";
  // The same rule the Write stage applies to every output path.
  if (!is_safe_output_path(file)) return std::nullopt;
  return file;
}

std::string content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".ics", "text/calendar; charset=utf-8"},
      {".vcf", "text/vcard; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
      {".csv", "text/csv; charset=utf-8"},
  }};
  std::string lower = to_lower(path);
  for (const auto& [extension, type] : kTypes)
    if (ends_with(lower, extension)) return std::string(type);
  return "application/octet-stream";
}

}  // namespace herald
