// herald init's skeleton site: its files (compiled in from init/) and the values filled into them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herald {

/// One file below init/, compiled into the binary (see cmake/embed_init.cmake).
struct SkeletonFile {
  std::string_view path;  ///< relative to init/: site/herald.yaml, example/briefing/content/...
  std::string_view content;
};

/// Every file below init/, sorted by path. `site/` holds the site every
/// `herald init` makes; `example/<kind>/` one example of a kind, laid over
/// it by `herald init --example`.
const std::vector<SkeletonFile>& builtin_init_files();

/// What is filled into the skeleton's placeholders.
struct SiteValues {
  std::string title;          ///< {{title}}; {{title_yaml}} and {{title_xml}} escaped for YAML and XML
  std::string base_url;       ///< {{base_url}}, checked by check_base_url
  std::string today;          ///< {{date}}: the day the site is made, YYYY-MM-DD (in London)
  std::string in_four_weeks;  ///< {{in_four_weeks}}: the example event's day
  std::string in_two_years;   ///< {{in_two_years}}: the example chapter's review date
  std::string herald_series;  ///< {{herald_series}}: this herald's version series, "0.2"
};

/// The values for a site made at `now` (UTC seconds), dated in Europe/London
/// (the new site's time zone), for this herald's version series.
SiteValues site_values(std::string title, std::string base_url, int64_t now);

/// `text` with each placeholder of SiteValues filled in. Anything else in
/// braces (the shortcodes {{phone id}}, GitHub's ${{ expressions }}) is left
/// as it is.
std::string fill_placeholders(std::string_view text, const SiteValues& values);

/// The files of a new site, by path inside it, filled in: init/site/, and with
/// `example` each init/example/<kind>/ too. With `languages` (from
/// check_languages; empty: English alone), herald.yaml names them and each
/// language but the first adds init/languages/<code>/ (the Welsh home and
/// about pages).
std::vector<std::pair<std::string, std::string>> skeleton_files(const SiteValues& values, bool example,
                                                                const std::vector<std::string>& languages = {});

/// Checks --languages, the site's languages separated by commas: English
/// first (the language of the skeleton's pages), then Welsh, whose pages
/// herald init writes too: "en-GB,cy". Sets `tags` to them, trimmed. Returns
/// what is wrong with the list, or "" when it can be used.
std::string check_languages(const std::string& list, std::vector<std::string>& tags);

/// Checks the site's title (the partnership's name), trimming the spaces
/// around it. Returns what is wrong with it, or "" when it can be used.
std::string check_title(std::string& title);

/// Checks the site's web address: an absolute http:// or https:// URL of a
/// host, with no spaces, quotes, query or fragment. The '/' at its end is
/// added when missing. Returns what is wrong, or "" when it can be used.
std::string check_base_url(std::string& url);

}  // namespace herald
