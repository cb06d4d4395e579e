// The site's files as the print PDFs see them.
#pragma once

#include <string>
#include <unordered_map>

namespace herald::pdf {

/// The site's files by output path (images/a.png), for images in PDFs.
using FileIndex = std::unordered_map<std::string, const std::string*>;

}  // namespace herald::pdf
