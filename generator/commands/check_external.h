// `herald check --external`: the http(s) links of a checked site, asked for (or from the day's results).
#pragma once

#include "commands/pipeline.h"

namespace herald {

/// Checks every http(s) link the site's published and scheduled pages, its
/// menus and its contact directory use, with the network module; a warning at
/// each place a URL that leads nowhere is used. Prints a summary line to
/// stderr. False (with an error reported) when the network module cannot load.
bool check_external(const BuildResult& result, int64_t now, Diagnostics& diags);

}  // namespace herald
