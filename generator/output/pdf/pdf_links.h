// Link and image URLs of a page's Markdown, resolved for a PDF that lives outside the website.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "config/config.h"
#include "output/pdf/rich_text.h"

namespace herald::pdf {

/// Where a link in the page at `page_url` (a site path such as
/// /briefings/sudi/) goes from a printed copy: `#part` to a destination in
/// this PDF when it is one of `destinations`, any other relative URL to the
/// absolute URL on the website. Nullopt for an empty URL, and for one a page
/// may not link to (is_allowed_link_url): no link is drawn.
std::optional<LinkTarget> resolve_link(std::string_view url, const Config& config,
                                       const std::string& page_url,
                                       const std::set<std::string>& destinations);

/// The output path (e.g. images/a.png, briefings/sudi/photo.jpg) of an image
/// URL that points into the site, or nullopt for an image elsewhere.
std::optional<std::string> site_file_path(std::string_view url, const Config& config,
                                          const std::string& page_url);

}  // namespace herald::pdf
