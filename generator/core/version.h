// herald's version numbers: "0.2" (a series) or "0.2.1" (one release), read and compared.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// The numbers of a version written as two or three whole numbers separated
/// by dots ("0.2", "0.2.1"); nullopt for anything else ("0.2.x", "latest").
std::optional<std::vector<int>> parse_version(std::string_view text);

/// The series of a version: its first two numbers ("0.2" for "0.2.1"); the
/// text itself when it is not a version.
std::string version_series(std::string_view version);

/// Does the version a site asks for (`wanted`: a series such as "0.2", or a
/// release such as "0.2.1") name the running one (`running`, "0.2.1")? A
/// series matches every release in it; a release only itself.
bool version_matches(const std::vector<int>& wanted, const std::vector<int>& running);

}  // namespace herald
