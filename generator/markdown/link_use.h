// A link or image URL of a page, as written, and where it is written.
#pragma once

#include <string>

namespace herald {

/// A link or image URL of a page, as written, and where: what the site's
/// link check (content/link_check.h) and `herald check --external` read.
struct LinkUse {
  std::string url;
  int line = 0;  ///< in the file (1-based), front matter included
  int column = 0;
  bool image = false;
};

}  // namespace herald
