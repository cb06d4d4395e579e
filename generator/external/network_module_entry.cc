// The entry point of herald-network.so: the network client's functions.
#include "external/network_module.h"

namespace herald {
namespace {
const NetworkModule kModule{HERALD_VERSION, check_urls, send_smtp};
}  // namespace
}  // namespace herald

extern "C" const herald::NetworkModule* herald_network_module() { return &herald::kModule; }
