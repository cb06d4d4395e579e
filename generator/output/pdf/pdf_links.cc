// Resolving relative link and image URLs against the page and the site's base URL.
#include "output/pdf/pdf_links.h"

#include <vector>

#include "core/text.h"
#include "markdown/urls.h"

namespace herald::pdf {
namespace {

bool has_scheme(std::string_view url) {
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i > 0;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return false;
}

/// "/a/b/../c/./d" -> "/a/c/d"; never climbs above the root.
std::string normalise_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  bool trailing = !path.empty() && path.back() == '/';
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = "/";
  for (size_t k = 0; k < parts.size(); ++k) {
    out += parts[k];
    if (k + 1 < parts.size() || trailing) out += '/';
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// The site path a relative URL points to, from the page at `page_url`.
std::string site_path_of(std::string_view url, const std::string& page_url) {
  if (!url.empty() && url[0] == '/') return normalise_path(std::string(url));
  std::string base = page_url.empty() ? "/" : page_url;
  if (base.back() != '/') base = base.substr(0, base.rfind('/') + 1);
  return normalise_path(base + std::string(url));
}

}  // namespace

std::optional<LinkTarget> resolve_link(std::string_view url, const Config& config,
                                       const std::string& page_url,
                                       const std::set<std::string>& destinations) {
  url = trim(url);
  // Only what a page may link to: Markdown's others were refused when it
  // was parsed, and a PDF viewer may open `file:` or run `javascript:`.
  if (url.empty() || !is_allowed_link_url(url)) return std::nullopt;
  LinkTarget target;
  if (url[0] == '#') {
    std::string anchor(url.substr(1));
    if (destinations.count(anchor)) {
      target.destination = anchor;
      return target;
    }
    target.uri = config.absolute_url(page_url) + std::string(url);
    return target;
  }
  if (has_scheme(url)) {
    target.uri = std::string(url);
    return target;
  }
  if (starts_with(url, "//")) {
    target.uri = "https:" + std::string(url);
    return target;
  }
  // Relative: keep the query and fragment as they are.
  size_t cut = url.find_first_of("?#");
  std::string_view path = url.substr(0, cut);
  std::string rest = cut == std::string_view::npos ? "" : std::string(url.substr(cut));
  std::string site = path.empty() ? page_url : site_path_of(path, page_url);
  target.uri = config.absolute_url(site) + rest;
  return target;
}

std::optional<std::string> site_file_path(std::string_view url, const Config& config,
                                          const std::string& page_url) {
  url = trim(url);
  if (url.empty()) return std::nullopt;
  std::string u(url);
  if (starts_with(u, config.base_url) && config.base_url.find("://") != std::string::npos) {
    u = "/" + u.substr(config.base_url.size());
  } else if (has_scheme(u) || starts_with(u, "//")) {
    return std::nullopt;
  }
  u = u.substr(0, u.find_first_of("?#"));
  if (u.empty()) return std::nullopt;
  std::string path = site_path_of(percent_decode(u), page_url);
  if (path.size() < 2 || path.back() == '/') return std::nullopt;
  return path.substr(1);
}

}  // namespace herald::pdf
