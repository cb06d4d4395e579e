// The preview's line for a save: which files changed.
#pragma once

#include <string>
#include <vector>

namespace herald {

/// What the terminal says of a save: "content/pages/about.md changed", or
/// "content/pages/about.md and 2 others changed". `paths` are relative to
/// the working tree at `root` (as Watcher::wait gives them; "." for the tree
/// itself). The files that still exist are named and counted first: an
/// editor that saves through a temporary file has removed it by then. When
/// none exists (files deleted), the first path is named and all are counted.
std::string describe_change(const std::vector<std::string>& paths, const std::string& root);

}  // namespace herald
