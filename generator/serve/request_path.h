// The preview server's map from a request path to a file of the built site, refusing anything outside it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace herald {

/// The output file a request asks for, given the request's path once
/// percent-decoded (the query left out): "/" -> "index.html",
/// "/briefings/" -> "briefings/index.html", "/feed.xml" -> "feed.xml".
/// Returns nullopt for any path that is not plainly inside the site: a "."
/// or ".." segment, an empty segment ("//"), a backslash, a control
/// character or a ".git" segment. Nothing is decoded a second time, so
/// "%2e%2e%2f" sent encoded twice stays a (missing) file name.
std::optional<std::string> site_file_for(std::string_view request_path);

/// The Content-Type of a built file, from its extension; HTML, CSS, feeds
/// and other text say charset=utf-8.
std::string content_type_for(std::string_view path);

}  // namespace herald
