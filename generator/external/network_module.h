// The network client (libcurl), a module of its own: herald-network.so, beside herald.
#pragma once

#include <string>
#include <vector>

#include "external/smtp_sender.h"
#include "external/url_checker.h"

namespace herald {

/// What the module gives herald: the HTTP requests of `herald check
/// --external` and the SMTP of `herald email`. libcurl and the thirty
/// libraries it brings take milliseconds to load when a process starts:
/// only those two commands need them, so only they load the module (a
/// build never does). Module and herald are built together, so C++ types
/// cross between them; the version catches a module left from another build.
struct NetworkModule {
  const char* version;
  std::vector<UrlStatus> (*check_urls)(const std::vector<std::string>& urls, const UrlCheckLimits& limits);
  SmtpResult (*send_smtp)(const SmtpRequest& request);
};

/// The module, loaded on first use: the one given to use_linked_network_module,
/// else herald-network.so where herald's modules are. Throws std::runtime_error,
/// saying why, when it cannot be loaded or is not of this build.
const NetworkModule& network_module();

/// For a program with the network client linked in (the tests): use it.
void use_linked_network_module(const NetworkModule* module);

}  // namespace herald

/// The module's entry point (C linkage, for dlsym).
extern "C" const herald::NetworkModule* herald_network_module();
