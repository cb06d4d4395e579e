// A theme: the built-in default overlaid file by file by the site's themes/<name>/.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

struct SourceFile;

class Theme {
 public:
  /// The built-in theme, then every file of `themes/<name>/` in the site tree
  /// replacing the built-in file of the same path. A theme with no files is
  /// a warning at `named_at`, where herald.yaml names it.
  static Theme load(const std::string& name, const std::vector<SourceFile>& site_files, Diagnostics& diags,
                    const SourceLocation& named_at = {"herald.yaml", 0, 0});
  /// Only the built-in theme.
  static Theme builtin();

  /// A file's text, or null.
  const std::string* file(const std::string& path) const;
  /// A template by name ("page" -> templates/page.mustache), or null.
  const std::string* template_text(const std::string& name) const;
  /// Files under assets/, published under /assets/.
  std::vector<std::pair<std::string, const std::string*>> assets() const { return files_under("assets/"); }
  /// Every file whose path starts with `prefix`, in path order.
  std::vector<std::pair<std::string, const std::string*>> files_under(const std::string& prefix) const;
  /// Where a file came from (built-in or the site's path), for diagnostics.
  std::string origin(const std::string& path) const;
  /// A hash of every file, part of the cache key of rendered output.
  std::string fingerprint() const;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> origins_;
};

}  // namespace herald
