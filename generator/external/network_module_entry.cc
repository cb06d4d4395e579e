// The entry point of herald-links.so: the HTTP client's functions.
#include "external/links_module.h"

namespace herald {
namespace {
const LinksModule kModule{HERALD_VERSION, check_urls};
}  // namespace
}  // namespace herald

extern "C" const herald::LinksModule* herald_links_module() { return &herald::kModule; }
