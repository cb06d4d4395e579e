// The HTTP client for `herald check --external`, a module of its own: herald-links.so, beside herald.
#pragma once

#include <string>
#include <vector>

#include "external/url_checker.h"

namespace herald {

/// What the module gives herald. libcurl and the thirty libraries it brings
/// take milliseconds to load when a process starts: only `herald check
/// --external` needs them, so only it loads the module. Module and herald
/// are built together, so C++ types cross between them; the version catches
/// a module left from another build.
struct LinksModule {
  const char* version;
  std::vector<UrlStatus> (*check_urls)(const std::vector<std::string>& urls, const UrlCheckLimits& limits);
};

/// The module, loaded on first use: the one given to use_linked_links_module,
/// else herald-links.so where herald's modules are. Throws std::runtime_error,
/// saying why, when it cannot be loaded or is not of this build.
const LinksModule& links_module();

/// For a program with the HTTP client linked in (the tests): use it.
void use_linked_links_module(const LinksModule* module);

}  // namespace herald

/// The module's entry point (C linkage, for dlsym).
extern "C" const herald::LinksModule* herald_links_module();
