// Test helper: diagnostics as `path:line:col: severity: message` lines, for exact comparisons.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace herald::test {

/// Every diagnostic, sorted, as `path:line:col: severity: message`.
std::vector<std::string> messages(const Diagnostics& diags);

}  // namespace herald::test
