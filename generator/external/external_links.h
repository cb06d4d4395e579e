// `herald check --external`: every http(s) link of the site requested, results kept a day.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "external/url_checker.h"

namespace herald {

/// One place the site uses an external URL.
struct ExternalLinkUse {
  std::string url;
  SourceLocation where;
};

/// How long a URL's result is kept in the build cache (the contract, §9).
inline constexpr int64_t kExternalResultSeconds = 24 * 60 * 60;

/// Asks for the URLs: the HTTP client (check_urls, from its module).
using UrlAsker = std::function<std::vector<UrlStatus>(const std::vector<std::string>& urls)>;

/// What one check did, for its summary line.
struct ExternalCheckSummary {
  size_t urls = 0;       ///< distinct URLs used
  size_t asked = 0;      ///< of them, requested now (the rest from the cache)
  size_t failed = 0;     ///< of them, that lead nowhere
};

/// Checks each distinct http(s) URL among `uses`: taken from `cache_file`
/// when checked less than a day before `now` (UTC seconds), else asked for
/// with `ask`; the results go back into the cache. Each place that uses a
/// URL that leads nowhere gets a warning.
ExternalCheckSummary check_external_links(const std::vector<ExternalLinkUse>& uses, const std::string& cache_file,
                                          int64_t now, const UrlAsker& ask, Diagnostics& diags);

/// The warning for a URL that led nowhere, as shown at each place it is used.
std::string external_link_problem(const UrlStatus& status);

}  // namespace herald
