// vCard 4.0 (RFC 6350) files that practitioners can save to a phone.
#pragma once

#include <string>

#include "content/contacts.h"

namespace herald {

/// The contact as a vCard 4.0: CRLF lines folded at 75 octets, values escaped,
/// a stable UID derived from the site and the id, REV from `since` (never the clock).
std::string make_vcard(const Contact& contact, const std::string& base_url);

}  // namespace herald
