// Where herald's own files are: beside the executable in a build folder, in lib/herald/ when installed.
#pragma once

#include <string>

namespace herald {

/// The folder of the running executable, without a trailing '/', e.g.
/// "/usr/bin" ("" when /proc/self/exe cannot be read).
std::string executable_dir();

/// The folder an installed herald keeps its own files in (the PDF module,
/// Pagefind): lib/herald/ beside the folder of the executable, so
/// "/usr/lib/herald" for /usr/bin/herald, and the same for any prefix given
/// to `cmake --install` ("" when the executable's folder is unknown).
std::string installed_files_dir();

/// One of herald's own files (`herald-pdf.so`, `herald-network.so`): beside
/// the executable when it is there (a build folder's is always of its own
/// build), else in installed_files_dir() when it is there; else the path
/// beside the executable ("" when the executable's folder is unknown).
std::string herald_file(const std::string& name);

}  // namespace herald
