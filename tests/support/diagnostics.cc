// Test helper: diagnostics as comparable lines.
#include "support/diagnostics.h"

namespace herald::test {

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted())
    out.push_back(format_location(d.where) + ": " + severity_name(d.severity) + ": " + d.message);
  return out;
}

}  // namespace herald::test
