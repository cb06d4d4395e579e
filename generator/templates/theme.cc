// Theme lookup: site overrides win over the built-in files.
#include "templates/theme.h"

#include <fmt/format.h>

#include "core/text.h"
#include "git/repository.h"
#include "templates/builtin_theme.h"

namespace herald {

Theme Theme::builtin() {
  Theme theme;
  for (const auto& f : builtin_theme_files()) {
    theme.files_[std::string(f.path)] = std::string(f.content);
    theme.origins_[std::string(f.path)] = "built-in theme";
  }
  return theme;
}

Theme Theme::load(const std::string& name, const std::vector<SourceFile>& site_files, Diagnostics& diags,
                  const SourceLocation& named_at) {
  Theme theme = builtin();
  std::string prefix = "themes/" + name + "/";
  bool found = false;
  for (const auto& f : site_files) {
    if (!starts_with(f.path, prefix) || f.kind != SourceFile::Kind::file) continue;
    found = true;
    std::string rel = f.path.substr(prefix.size());
    theme.files_[rel] = f.content;
    theme.origins_[rel] = f.path;
  }
  if (!found && name != "default")
    diags.warning(named_at,
                  fmt::format("theme '{}' has no files in themes/{}/: the built-in theme is used", name, name));
  return theme;
}

const std::string* Theme::file(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

const std::string* Theme::template_text(const std::string& name) const {
  return file("templates/" + name + ".mustache");
}

std::vector<std::pair<std::string, const std::string*>> Theme::files_under(const std::string& prefix) const {
  std::vector<std::pair<std::string, const std::string*>> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && starts_with(it->first, prefix); ++it)
    out.emplace_back(it->first, &it->second);
  return out;
}

std::string Theme::origin(const std::string& path) const {
  auto it = origins_.find(path);
  return it == origins_.end() ? "" : it->second;
}

std::string Theme::fingerprint() const {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over paths and contents
  for (const auto& [path, content] : files_) {
    for (char c : path) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    for (char c : content) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace herald
