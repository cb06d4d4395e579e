// Sends one email message to an SMTP server (libcurl): for `herald email` only, in the network module.
#pragma once

#include <string>
#include <vector>

namespace herald {

/// What to send, and where.
struct SmtpRequest {
  std::string url;          ///< smtp://host:port, or smtps://host:port for TLS from the start
  bool starttls = false;    ///< require STARTTLS: refused or unsupported is an error, never sent in the clear
  std::string user;         ///< empty: no login
  std::string password;     ///< used for the login only, never written anywhere
  std::string from;         ///< the envelope's sender address
  std::string to;           ///< the envelope's recipient address
  std::string message;      ///< the whole message, lines ending CRLF
  long connect_timeout_ms = 10000;
  long timeout_ms = 60000;
};

/// How sending went.
struct SmtpResult {
  bool ok = false;
  /// Why not, in one line: what failed and, when the server refused
  /// something, its answer ("550 5.1.1 <x@y>: Recipient address rejected").
  std::string error;
  std::string reply;  ///< the server's last answer (to the message, when sent)
};

/// Sends `request.message` from `request.from` to `request.to`. Never
/// throws; blocks until the server has answered or a time limit passed. The
/// password is given to libcurl for the login and appears in no message.
SmtpResult send_smtp(const SmtpRequest& request);

}  // namespace herald
