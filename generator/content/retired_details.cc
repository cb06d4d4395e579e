// A linear scan for retired numbers and addresses in each content file.
#include "content/retired_details.h"

#include <cctype>

#include <fmt/format.h>

#include "content/phone_number.h"
#include "core/text.h"

namespace herald {
namespace {

bool is_email_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '+' || c == '@';
}

bool is_phone_char(char c) { return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '(' || c == ')' || c == '+'; }

}  // namespace

RetiredDetails::RetiredDetails(const ContactDirectory& directory) {
  for (const Contact& c : directory.contacts()) {
    for (const auto& old : c.replaces) {
      if (old.find('@') != std::string::npos) emails_[to_lower(trim(old))] = &c;
      else if (std::string digits = canonical_phone(old); digits.size() >= 3) phones_[digits] = &c;
    }
  }
}

void RetiredDetails::scan(std::string_view text, const std::string& path, Diagnostics& diags) const {
  if (empty()) return;
  auto report = [&](size_t offset, std::string_view found, const char* what, const Contact* c) {
    int line, column;
    line_and_column(text, offset, &line, &column);
    diags.warning({path, line, column},
                  fmt::format("retired {} '{}' is still here: it was replaced by contact '{}' ({})", what,
                              std::string(trim(found)), c->id, c->name));
  };
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    // A run of phone characters that starts with a digit or '+'.
    if ((c >= '0' && c <= '9') || (c == '+' && i + 1 < n && std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
      bool after_digit = i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]));
      size_t j = i;
      while (j < n && is_phone_char(text[j])) ++j;
      while (j > i && !std::isdigit(static_cast<unsigned char>(text[j - 1]))) --j;  // trailing separators
      if (!after_digit && !phones_.empty()) {
        std::string_view run = text.substr(i, j - i);
        // The whole run, and every prefix ending at a digit, may be a number
        // followed by other text ("0116 496 0123 (office)").
        for (size_t k = 0; k < run.size(); ++k) {
          bool end_of_group = std::isdigit(static_cast<unsigned char>(run[k])) &&
                              (k + 1 == run.size() || !std::isdigit(static_cast<unsigned char>(run[k + 1])));
          if (!end_of_group) continue;
          auto it = phones_.find(canonical_phone(run.substr(0, k + 1)));
          if (it == phones_.end()) continue;
          report(i, run.substr(0, k + 1), "phone number", it->second);
          break;
        }
      }
      i = j > i ? j : i + 1;
      continue;
    }
    if (c == '@' && !emails_.empty()) {
      size_t start = i, end = i + 1;
      while (start > 0 && is_email_char(text[start - 1])) --start;
      while (end < n && is_email_char(text[end])) ++end;
      while (end > i + 1 && text[end - 1] == '.') --end;
      std::string address = to_lower(text.substr(start, end - start));
      if (auto it = emails_.find(address); it != emails_.end())
        report(start, text.substr(start, end - start), "email address", it->second);
      i = end;
      continue;
    }
    ++i;
  }
}

}  // namespace herald
