// A newsletter's body as plain text for the email's text part: the same words, every link as its URL.
#pragma once

#include <string>
#include <string_view>

#include "output/email/email_source.h"

namespace herald {

/// The width the text edition's paragraphs are wrapped at.
constexpr size_t kEmailTextColumns = 72;

/// The body as plain text: `##` headings underlined with `=`, `###` with
/// `-`; paragraphs wrapped at 72 characters (a word longer than that, such
/// as an address, on a line of its own); lists with `-` or their numbers;
/// quotes after `> `; code indented; each table row as "Header: cell"
/// lines; a contact card as its name and details. A link is its text and
/// then its whole address in brackets (only the address when the text is
/// the address; a phone number's link is the number), a picture
/// "[Picture: alt text]". Lines end with "\n".
std::string email_body_text(const EmailSource& source);

/// `text` wrapped at `width` characters (UTF-8), at spaces; a "\n" in it
/// always breaks the line. No line has trailing spaces.
std::string wrap_text(std::string_view text, size_t width);

}  // namespace herald
