// An email message as MIME: multipart/alternative text and HTML, UTF-8, quoted-printable, RFC 2047 headers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/email.h"

namespace herald {

/// What a message says, in UTF-8; build_mime_message() encodes it.
struct MimeMessage {
  Mailbox from;
  Mailbox reply_to;  ///< no address: no Reply-To
  Mailbox to;        ///< no address: no To (the .eml a build writes has none)
  std::string subject;
  std::string date;        ///< RFC 5322, e.g. "Wed, 15 Jul 2026 00:00:00 +0100"
  std::string message_id;  ///< without the angle brackets: "id@host"
  /// Further headers whose values are ASCII already (List-Unsubscribe,
  /// Content-Language), folded as needed.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string text;  ///< the text/plain part; LF or CRLF line ends
  std::string html;  ///< the text/html part
};

/// The whole message: headers, then a multipart/alternative body with the
/// text part first and the HTML part last (the one a client prefers), each
/// UTF-8 and quoted-printable. Every line ends with CRLF and is at most 78
/// characters long but for an ASCII header word longer than that (never
/// more than 998). The boundary is made from the bodies (the same message
/// gives the same bytes) and starts with "=_", which quoted-printable never
/// writes, so it cannot occur in a part.
std::string build_mime_message(const MimeMessage& message);

/// Quoted-printable (RFC 2045 6.7) of UTF-8 text: its line ends as CRLF,
/// lines at most 76 characters with soft breaks (`=` CRLF), `=`, bytes
/// outside printable ASCII, a space or tab before a line end and the `F` of
/// a line starting "From " (which mailbox files would change) as =XX.
std::string encode_quoted_printable(std::string_view text);

/// A header's whole line or lines (`Name: value` CRLF, folded at spaces to
/// 78 characters where it can). A value that is not printable ASCII is
/// written as RFC 2047 encoded words (UTF-8, Q encoding), each at most 75
/// characters, never splitting a character.
std::string header_line(std::string_view name, std::string_view value);

/// A mailbox as an address header holds it: `Name <address>`, the name
/// quoted when it holds a character special in headers, as encoded words
/// when it is not ASCII; the address alone when there is no name.
std::string format_mailbox(const Mailbox& mailbox);

}  // namespace herald
