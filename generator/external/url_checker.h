// Asks web servers whether URLs still lead somewhere (libcurl): for `herald check --external` only.
#pragma once

#include <string>
#include <vector>

namespace herald {

/// How the requests are made (the contract, §9).
struct UrlCheckLimits {
  size_t at_once = 8;          ///< requests in flight
  size_t per_host = 2;         ///< of them, to one host
  long timeout_ms = 10000;     ///< for each request, redirects included
  long max_redirects = 5;
  std::string user_agent = "herald link check";
};

/// What asking for one URL gave: the last status (after redirects), or why
/// there was none.
struct UrlStatus {
  std::string url;
  long status = 0;    ///< HTTP status of the last response; 0 when none came
  std::string error;  ///< the network error when there was no response
  /// Did it lead somewhere? A 2xx status at the end of at most max_redirects.
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

/// Requests each URL (http or https only): HEAD first, then GET when the
/// server refuses HEAD (400, 403, 405, 501), following redirects, at most
/// `limits.at_once` at a time and `limits.per_host` to one host. One result
/// per URL, in the order given. Never throws; blocks until every request is
/// answered or has timed out.
std::vector<UrlStatus> check_urls(const std::vector<std::string>& urls, const UrlCheckLimits& limits);

}  // namespace herald
