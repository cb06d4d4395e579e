// Where herald's own files are: beside the executable in a build folder, in lib/herald/ when installed.
#include "core/install_layout.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

// Set by CMakeLists.txt, where the install rules use the same folder.
#ifndef HERALD_INSTALL_FILES_DIR
#error "HERALD_INSTALL_FILES_DIR (lib/herald, relative to the prefix) is set by CMakeLists.txt"
#endif

namespace herald {
namespace fs = std::filesystem;

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || !exe.has_parent_path()) return "";
  return exe.parent_path().string();
}

std::string installed_files_dir() {
  std::string bin = executable_dir();
  if (bin.empty()) return "";
  // <prefix>/bin/herald -> <prefix>/lib/herald
  return (fs::path(bin).parent_path() / HERALD_INSTALL_FILES_DIR).lexically_normal().string();
}

std::string herald_file(const std::string& name) {
  std::string dir = executable_dir();
  if (dir.empty()) return "";
  std::string beside = dir + "/" + name;
  std::string installed = installed_files_dir() + "/" + name;
  if (::access(beside.c_str(), F_OK) != 0 && ::access(installed.c_str(), F_OK) == 0) return installed;
  return beside;
}

}  // namespace herald
