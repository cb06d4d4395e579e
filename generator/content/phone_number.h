// UK phone numbers: validation, E.164 for tel: links, and a canonical form for matching.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace herald {

struct PhoneNumber {
  std::string display;  ///< as written, trimmed
  std::string e164;     ///< +441164960000, or the short code as dialled (999)
  bool short_code = false;
};

/// Validates a UK number: 10 or 11 digits starting 0 (spaces, hyphens and
/// brackets allowed), or +44 and the number without its 0 ("(0)" tolerated);
/// the short codes 999, 112, 111, 101, 105 and 116 xxx.
std::optional<PhoneNumber> parse_uk_phone(std::string_view text);

/// Digits-only national form for matching in free text: "0116 496 0000",
/// "01164960000" and "+44 (0)116 496 0000" all give "01164960000".
std::string canonical_phone(std::string_view text);

/// A pragmatic e-mail check: one @, no spaces (nor invisible characters:
/// core/invisible.h), a host name with a dot after it
/// (letters, digits, hyphens: nothing a mailto: link would read as more).
bool is_valid_email(std::string_view text);

}  // namespace herald
