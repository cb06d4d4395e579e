// What a newsletter's Markdown needs to become the email edition: whole addresses, pictures' sizes, node text.
#include "output/email/email_source.h"

#include <cstring>

#include "content/languages.h"
#include "content/link_check.h"
#include "core/text.h"
#include "markdown/plain_text.h"
#include "markdown/urls.h"

namespace herald {

std::string absolute_link(std::string_view url_in, const std::string& page_url, const Config& config) {
  std::string url(trim(url_in));
  if (url.empty() || url[0] == '#') return config.absolute_url(page_url) + url;
  if (starts_with(url, "//")) return "https:" + url;
  if (!is_relative_url(url)) return url;  // another site's, mailto:, tel:
  if (url[0] == '/') return config.absolute_url(url);
  if (url[0] == '?') return config.absolute_url(page_url) + url;
  // Relative to the page's folder, dot segments removed.
  std::string base = page_url;  // "/newsletters/x/"
  std::string rest = url;
  while (true) {
    if (starts_with(rest, "./")) {
      rest.erase(0, 2);
    } else if (starts_with(rest, "../")) {
      rest.erase(0, 3);
      if (base.size() > 1) base = base.substr(0, base.rfind('/', base.size() - 2) + 1);
    } else {
      break;
    }
  }
  return config.absolute_url(base + rest);
}

std::string absolute_link(std::string_view url_in, const EmailSource& s) {
  std::string_view url = trim(url_in);
  const Library* lib = s.library;
  if (lib && lib->default_language && url.size() > 1 && url[0] == '/' && url[1] != '/' &&
      leads_to_top(*lib, url.substr(1)))
    return absolute_link(url, s.page->url, lib->default_language->config);
  return absolute_link(url, s.page->url, *s.config);
}

std::optional<PixelSize> site_image_size(std::string_view url, const EmailSource& source) {
  if (!source.files) return std::nullopt;
  auto path = resolve_site_link(source.page->url, url);
  if (!path || path->size() < 2) return std::nullopt;
  auto found = source.files->find(path->substr(1));
  if (found == source.files->end() || !found->second) return std::nullopt;
  return image_pixel_size(*found->second);
}

std::string node_text(cmark_node* node) { return plain_text(node, true); }

bool is_node_type(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, name) == 0;
}

std::string node_literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

}  // namespace herald
