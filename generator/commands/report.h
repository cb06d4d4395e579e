// Diagnostics for machines: JSON and GitHub Actions annotations.
#pragma once

#include <string>

#include "core/diagnostic.h"

namespace herald {

/// A JSON list of {severity, path, line, column, message}.
std::string diagnostics_json(const Diagnostics& diags);

/// One `::error file=…,line=…,col=…::message` line per diagnostic.
std::string diagnostics_github(const Diagnostics& diags);

}  // namespace herald
