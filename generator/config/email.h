// herald.yaml's `email:`: the sender, the reply address and the unsubscribe link of the newsletter by email.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace YAML {
class Node;
}

namespace herald {

/// An email address with the name shown before it, as a `From` header
/// writes it: `Northbrook Safeguarding Partnership <newsletter@northbrook.example>`.
struct Mailbox {
  std::string name;     ///< may be empty; any UTF-8 text
  std::string address;  ///< ASCII, checked by is_valid_email
};

/// `email: { from, reply_to, unsubscribe }`. Without it (`given` false), no
/// newsletter has an email edition.
struct EmailSettings {
  bool given = false;
  Mailbox from;
  Mailbox reply_to;         ///< empty address: no `Reply-To`
  std::string unsubscribe;  ///< the mailing tool's merge tag, or a web or mailto: address
  bool unsubscribe_is_tag = false;
  SourceLocation at;        ///< where `email` is written
};

/// Reads `email:` (`value`, the node after the key written at `key_at`) into
/// `out`. Problems are reported against `path`; returns false on an error: a
/// missing `from` or `unsubscribe`, a sender or reply address that is not an
/// email address, an unsubscribe that is neither a merge tag nor an address.
bool parse_email_settings(const YAML::Node& value, const SourceLocation& key_at, const std::string& path,
                          Diagnostics& diags, EmailSettings* out);

/// Reads `Name <address>`, `"Name" <address>` or a bare `address`; false when
/// it is none of them, or its address is not an ASCII email address.
bool parse_mailbox(std::string_view text, Mailbox* out);

/// True for a mailing tool's merge tag: a name of letters, digits and `_ - .
/// :` (spaces inside allowed) between `*|` and `|*` (Mailchimp), `{{` and
/// `}}`, `{$` and `}`, `[` and `]`, `[[` and `]]`, or `%` and `%`.
bool is_merge_tag(std::string_view text);

}  // namespace herald
