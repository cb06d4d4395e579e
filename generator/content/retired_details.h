// Retired phone numbers and addresses (`replaces:`) that still appear in content.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "content/contacts.h"
#include "core/diagnostic.h"

namespace herald {

/// An index of every retired detail, built once and scanned against each
/// content file (from many threads at once).
class RetiredDetails {
 public:
  explicit RetiredDetails(const ContactDirectory& directory);
  /// Warns (an error with --strict) at each line and column of `file_text`
  /// where a retired number (whatever its spacing) or address appears.
  void scan(std::string_view file_text, const std::string& path, Diagnostics& diags) const;
  bool empty() const { return phones_.empty() && emails_.empty(); }

 private:
  std::unordered_map<std::string, const Contact*> phones_;  ///< canonical digits -> replacing contact
  std::unordered_map<std::string, const Contact*> emails_;  ///< lower-case address -> replacing contact
};

}  // namespace herald
