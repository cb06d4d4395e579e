// The preview's line for a save: which files changed.
#include "serve/change_summary.h"

#include <sys/stat.h>

#include <fmt/format.h>

namespace herald {

std::string describe_change(const std::vector<std::string>& paths, const std::string& root) {
  std::vector<const std::string*> present;
  for (const std::string& path : paths) {
    struct stat st;
    if (path != "." && ::lstat((root + "/" + path).c_str(), &st) == 0) present.push_back(&path);
  }
  if (present.empty())
    for (const std::string& path : paths) present.push_back(&path);
  if (present.empty()) return "";
  std::string first = *present.front() == "." ? "the working tree" : *present.front();
  if (present.size() == 1) return first + " changed";
  return fmt::format("{} and {} other{} changed", first, present.size() - 1, present.size() == 2 ? "" : "s");
}

}  // namespace herald
