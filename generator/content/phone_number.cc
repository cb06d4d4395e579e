// Phone number and e-mail validation for the contact directory.
#include "content/phone_number.h"

#include <cctype>

#include "core/invisible.h"
#include "core/text.h"

namespace herald {
namespace {

/// Digits of a number with its separators removed; nullopt if anything else is in it.
std::optional<std::string> digits_of(std::string_view text, bool* plus) {
  std::string digits;
  *plus = false;
  text = trim(text);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '+' && i == 0) *plus = true;
    else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') continue;
    else return std::nullopt;
  }
  return digits;
}

}  // namespace

std::string canonical_phone(std::string_view text) {
  bool plus = false;
  auto digits = digits_of(text, &plus);
  if (!digits) return "";
  std::string d = *digits;
  if (plus && starts_with(d, "44")) {
    d = d.substr(2);
    if (starts_with(d, "0")) d = d.substr(1);  // +44 (0)116 ...
    return "0" + d;
  }
  return d;
}

std::optional<PhoneNumber> parse_uk_phone(std::string_view text) {
  bool plus = false;
  auto digits = digits_of(text, &plus);
  if (!digits || digits->empty()) return std::nullopt;
  PhoneNumber out;
  out.display = std::string(trim(text));
  const std::string& d = *digits;
  if (!plus) {
    if (d == "999" || d == "112" || d == "111" || d == "101" || d == "105" ||
        (d.size() == 6 && starts_with(d, "116"))) {
      out.e164 = d;
      out.short_code = true;
      return out;
    }
    if (d[0] != '0' || (d.size() != 10 && d.size() != 11) || d[1] == '0') return std::nullopt;
    out.e164 = "+44" + d.substr(1);
    return out;
  }
  if (!starts_with(d, "44")) return std::nullopt;
  std::string national = d.substr(2);
  if (starts_with(national, "0")) national = national.substr(1);
  if (national.size() != 9 && national.size() != 10) return std::nullopt;
  if (national[0] == '0') return std::nullopt;
  out.e164 = "+44" + national;
  return out;
}

bool is_valid_email(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : text)
    if (std::isspace(c) || c < 0x20 || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') return false;
  if (find_invisible(text)) return false;  // a non-breaking space is a space too
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.front() == '.') return false;
  if (domain.find("..") != std::string_view::npos) return false;
  // A host name: `?subject=…` or `#` after it would add to the mailto: link.
  for (unsigned char c : domain)
    if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return false;
  std::string_view local = text.substr(0, at);
  return local.front() != '.' && local.back() != '.';
}

}  // namespace herald
