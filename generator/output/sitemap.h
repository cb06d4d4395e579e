// sitemap.xml (with lastmod from git) and robots.txt.
#pragma once

#include <string>

#include "content/library.h"

namespace herald {

std::string make_sitemap(const Library& library);
std::string make_robots(const Library& library);

}  // namespace herald
