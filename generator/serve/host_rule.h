// Which Host headers the preview answers: its own addresses only, against DNS rebinding.
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// The addresses a browser may name in a request's Host header.
///
/// A web page elsewhere can point a domain name of its own at 127.0.0.1
/// (DNS rebinding); its requests then reach the preview but name that
/// domain in their Host header. Only these names are answered, each alone
/// or with the preview's port, compared ignoring case:
/// - `localhost`, `127.0.0.1` and `[::1]`;
/// - the `--bind` address as given (an IPv6 address in brackets);
/// - the address the connection came in on, which for `--bind 0.0.0.0` or
///   `::` is this computer's address on the network the client used.
/// Every one is an IP address or `localhost`, which no other site's domain
/// can be; the computer's own host name is not answered.
class HostRule {
 public:
  /// `bind`: the address listened on (`--bind`); `port`: the port listened on.
  HostRule(std::string_view bind, int port);

  /// Whether a request whose Host header is `host` may be answered, on a
  /// connection that came in on `local_address` (as the system writes it,
  /// e.g. "127.0.0.1", "::1" or "::ffff:192.0.2.7").
  bool allows(std::string_view host, std::string_view local_address) const;

  /// The body of the 403 for any other Host: the addresses to use instead.
  std::string wrong_host_message() const;
  /// The body of the 400 for a request with no Host header, or several.
  std::string missing_host_message() const;

 private:
  /// "http://127.0.0.1:1313/ or http://localhost:1313/" and the like.
  std::string addresses() const;

  std::string bind_;  ///< lower case, an IPv6 address in brackets
  std::string port_;
  bool wildcard_ = false;  ///< bound to 0.0.0.0 or ::
};

}  // namespace herald
