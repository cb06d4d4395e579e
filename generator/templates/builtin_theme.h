// The default theme's files, compiled into the binary (see cmake/embed_theme.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace herald {

struct BuiltinFile {
  std::string_view path;  ///< relative to themes/default/, e.g. templates/page.mustache
  std::string_view content;
};

const std::vector<BuiltinFile>& builtin_theme_files();

}  // namespace herald
