// What a link or image URL written by an author is: allowed or not, a site path or not.
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// What a URL is, as a browser reads it: the scheme in any case, leading
/// spaces ignored. A control character anywhere makes it `other`: browsers
/// drop tabs and newlines (`java\tscript:` is `javascript:`), and no address
/// anyone means has one.
enum class UrlKind {
  site_path,  ///< no scheme: `photo.jpg`, `../a/`, `/about/`, `#part`, `?q=1`, or empty
  web,        ///< `http:` or `https:`, or another site with the page's own (`//host/x`)
  mailto,     ///< `mailto:`
  tel,        ///< `tel:`
  other,      ///< any other scheme (`javascript:`, `file:`, `smb:`, `data:`…), a colon
              ///< in the first part of a path (`a:b`), or a control character
};

UrlKind url_kind(std::string_view url);

/// True when a link may be published: `http:`, `https:`, `mailto:`, `tel:`,
/// or a path of the site (relative, or starting with `/`, `#` or `?`).
bool is_allowed_link_url(std::string_view url);

/// True when an image may be published: `http:`, `https:` or a path of the site.
bool is_allowed_image_url(std::string_view url);

/// True for a whole address of another site: `https://host…` or `http://host…`.
bool is_web_address(std::string_view url);

/// The message for a URL that is not allowed, naming it (short) and saying
/// what is: `what` is how the author wrote it ("link", "image", "booking_url").
std::string url_not_allowed(std::string_view what, std::string_view url, bool image = false);

/// True when the URL has no scheme and is not another site's (`//host`):
/// `photo.jpg`, `../a/`, `/about/`, `#part`, `?q=1`.
bool is_relative_url(std::string_view url);

/// A URL as quoted in a message: without the leading spaces and control
/// characters a browser ignores, and at most 40 characters.
std::string quoted_url(std::string_view url);

/// Escapes a URL for an `href` or `src` attribute exactly as cmark does:
/// `&` and `'` as entities, anything but letters, digits and
/// ``-_.+!*(),%#@?=;:/$~`` as %XX.
std::string escape_href(std::string_view url);

/// At most `max_chars` UTF-8 characters of `text`, with `…` when cut.
std::string truncate_text(std::string_view text, size_t max_chars);

/// Number of UTF-8 characters (code points) in `text`.
size_t utf8_length(std::string_view text);

}  // namespace herald
