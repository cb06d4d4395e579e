// The search index: Pagefind (npm `pagefind`) run over the built site before
// it is published, so /search/ can search every published page.
#pragma once

#include <optional>
#include <string>

namespace herald {

/// Finds the Pagefind binary. $HERALD_PAGEFIND names it, or turns the index
/// off when it is `none`; otherwise the one installed with herald
/// (installed_files_dir()/pagefind: /usr/lib/herald/pagefind from the Debian
/// package), then `pagefind` on the PATH, then the npm package in
/// node_modules/ of the site repository or of herald's own checkout (beside
/// or above the executable). Returns nullopt when there is none, with
/// `*disabled` set when that was asked for.
std::optional<std::string> find_pagefind(const std::string& repo_root, bool* disabled);

/// How long Pagefind may take: $HERALD_PAGEFIND_TIMEOUT seconds, else
/// kPagefindTimeLimit (core/limits.h).
int pagefind_time_limit();

/// Runs Pagefind over the site in `site_dir`, writing `site_dir/pagefind/`,
/// for at most `seconds`: then it is stopped (with every process it
/// started). Returns false with `*error` set (its own first line of output,
/// or that it took too long) on failure.
bool run_pagefind(const std::string& binary, const std::string& site_dir, int seconds, std::string* error);

}  // namespace herald
