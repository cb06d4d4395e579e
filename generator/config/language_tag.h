// BCP 47 language tags (RFC 5646): is `en-GB` written as a tag should be?
#pragma once

#include <string_view>

namespace herald {

/// True when `tag` is a well-formed language tag by RFC 5646's syntax, in
/// any case: language (2 or 3 letters, with up to three 3-letter extended
/// subtags), then optionally a script (4 letters), a region
/// (2 letters or 3 digits), variants (5 to 8 letters and digits, or a digit
/// and 3 more), extensions (a single letter or digit other than `x` and
/// parts of 2 to 8) and a private part (`x-` and parts of 1 to 8). `en-GB`,
/// `cy`, `zh-Hant-TW`, `sl-rozaj-biske` are; `english`, `en_GB`, `e`,
/// `en-GB-` are not. The subtags are not looked up in the registry. Refused
/// although the syntax has them: a language of 4 to 8 letters (reserved, or
/// for registration: the registry has none, and `english` is a mistake), the
/// grandfathered tags (`i-klingon`) and tags that are only private
/// (`x-whatever`). A site's language is a real one.
bool is_well_formed_language_tag(std::string_view tag);

}  // namespace herald
