// What a link or image URL in Markdown is: unsafe (script-running), relative or absolute.
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// True when a browser would run or embed the URL rather than follow it:
/// the scheme is `javascript:`, `vbscript:` or `data:`, in any case, ignoring
/// leading spaces and control characters and tabs or newlines inside it (as
/// browsers do).
bool is_unsafe_url(std::string_view url);

/// True when the URL has no scheme and is not protocol-relative (`//host`):
/// `photo.jpg`, `../a/`, `/about/`, `#part`, `?q=1`.
bool is_relative_url(std::string_view url);

/// Escapes a URL for an `href` or `src` attribute exactly as cmark does:
/// `&` and `'` as entities, anything but letters, digits and
/// ``-_.+!*(),%#@?=;:/$~`` as %XX.
std::string escape_href(std::string_view url);

/// At most `max_chars` UTF-8 characters of `text`, with `…` when cut.
std::string truncate_text(std::string_view text, size_t max_chars);

/// Number of UTF-8 characters (code points) in `text`.
size_t utf8_length(std::string_view text);

}  // namespace herald
