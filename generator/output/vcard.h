// vCard 4.0 (RFC 6350) files that practitioners can save to a phone.
#pragma once

#include <string>

#include "content/contacts.h"

namespace herald {

/// The contact as a vCard 4.0: CRLF lines folded at 75 octets, values escaped,
/// a stable UID derived from the site and the id, REV from `since` (never the clock).
/// `base_url` is the address of the contacts' language's site (where
/// contacts/<id>.vcf is, its SOURCE). For a site in several languages,
/// `language` ("cy") is the language of the contact's words (FN, ORG,
/// NOTE get `LANGUAGE=`, RFC 6350 §5.1), and `site_url` the site's top,
/// which the UID comes from: each language's vCard of a contact has the same.
std::string make_vcard(const Contact& contact, const std::string& base_url, const std::string& language = "",
                       const std::string& site_url = "");

}  // namespace herald
