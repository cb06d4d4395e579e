// The site's link graph: every link and image of every page checked against what the build publishes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"

namespace herald {

/// The path a link on the page at `page_url` (a folder's URL, such as
/// /briefings/sudi/) leads to, as a browser resolves it: relative to the
/// page's folder, dot segments removed, percent-escapes decoded, without its
/// query and fragment (given in `fragment` when not null). nullopt when the
/// link is not a path of the site (it has a scheme, or is `//host/…`).
std::optional<std::string> resolve_site_link(std::string_view page_url, std::string_view link,
                                             std::string* fragment = nullptr);

/// Checks every link and image of every page the build publishes, and of
/// every page scheduled to be published (against the site as it will be on
/// that page's date): a site path must lead to a page, a file of static/
/// or a bundle, herald's own files (lists, feeds, calendars, vCards), and a
/// `#fragment` to a heading of that page. A miss is an error at the link's
/// line and column, naming the target, saying why (no such address, a
/// draft, scheduled for a later date, expired) and suggesting the nearest
/// published address. `files` are the build's files (for the bundles of
/// pages not published now). Run in Assemble, once the library is complete.
void check_links(const Library& library, const std::vector<SourceFile>& files, bool drafts, Diagnostics& diags);

}  // namespace herald
