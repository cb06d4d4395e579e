// Write stage: the only code that touches the output folder.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "output/output_set.h"

namespace herald {

/// Writes `files` into a sibling temporary folder of `out_dir`, then swaps it
/// into place atomically (renameat2 RENAME_EXCHANGE), so a failed or killed
/// build leaves the previous site complete. A lock file stops two builds
/// writing the same folder at once. `before_publish`, when given, runs on the
/// complete temporary folder just before the swap (the search index is made
/// there). Returns false and sets `error` on failure.
bool write_site(const std::string& out_dir, const std::vector<OutputFile>& files, std::string* error,
                const std::function<void(const std::string& dir)>& before_publish = {});

}  // namespace herald
