// Where a build may publish: never over the repository, its sources or files herald did not write.
#include "output/output_folder.h"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>

namespace herald {
namespace fs = std::filesystem;
namespace {

/// `path` absolute, normal, and with every symbolic link of the part that
/// exists followed: two spellings of one folder compare equal.
std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal().string();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  std::string out = (ec ? absolute.lexically_normal() : canonical).string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

/// Is `inner` the folder `outer` or inside it?
bool within(const std::string& inner, const std::string& outer) {
  if (outer.empty()) return false;
  if (outer == "/") return true;
  return inner == outer || (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            inner[outer.size()] == '/');
}

bool is_regular_file(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// The name of a source folder as the user knows it: relative to the
/// working tree.
std::string shown_source(const std::string& source, const std::string& repository) {
  if (within(source, repository) && source != repository) return source.substr(repository.size() + 1) + "/";
  return source;
}

/// `path` relative to the current folder when it is inside it, as a user
/// would write it.
std::string shown_relative(const std::string& path) {
  std::error_code ec;
  std::string here = canonical_path(fs::current_path(ec).string());
  if (!ec && within(path, here) && path != here) return path.substr(here.size() + 1);
  return path;
}

}  // namespace

ProtectedPlaces protected_places(const std::string& workdir, const std::vector<std::string>& git_dirs,
                                 const std::string& cache_dir) {
  ProtectedPlaces places;
  if (!workdir.empty()) {
    places.repository = canonical_path(workdir);
    for (const char* source : {"content", "static", "data", "themes"})
      places.sources.push_back(places.repository + "/" + source);
  }
  for (const std::string& dir : git_dirs)
    if (!dir.empty()) places.git_dirs.push_back(canonical_path(dir));
  if (!cache_dir.empty()) places.sources.push_back(canonical_path(cache_dir));
  return places;
}

std::string resolve_output_folder(const std::string& out) { return canonical_path(out); }

std::string refuse_output_folder(const std::string& shown, const std::string& resolved,
                                 const ProtectedPlaces& places) {
  const std::string advice = "choose a folder of its own for the site, such as public/ (the default)";
  for (const std::string& git : places.git_dirs) {
    if (within(resolved, git))
      return fmt::format("--out {}: that is inside the repository's git folder, which holds its history: {}",
                         shown, advice);
    if (within(git, resolved))
      return fmt::format("--out {}: that folder holds the site repository, which herald would replace with the "
                         "site: {}",
                         shown, advice);
  }
  if (within(places.repository, resolved))
    return fmt::format("--out {}: that folder holds the site repository, which herald would replace with the site: {}",
                       shown, advice);
  for (const std::string& source : places.sources)
    if (within(resolved, source))
      return fmt::format("--out {}: that is inside {}, which herald reads the site from: {}", shown,
                         shown_source(source, places.repository), advice);
  std::error_code ec;
  fs::file_status status = fs::symlink_status(resolved, ec);
  if (!fs::exists(status)) {
    // A new folder: the nearest folder above it that exists must be a folder.
    for (fs::path above = fs::path(resolved).parent_path(); !above.empty() && above != above.root_path();
         above = above.parent_path()) {
      fs::file_status s = fs::status(above, ec);
      if (!fs::exists(s)) continue;
      if (!fs::is_directory(s))
        return fmt::format("--out {}: {} is a file, not a folder: {}", shown, shown_relative(above.string()),
                           advice);
      break;
    }
    return "";
  }
  if (!fs::is_directory(status))
    return fmt::format("--out {}: that is a file, not a folder: {}", shown, advice);
  if (fs::is_empty(resolved, ec) && !ec) return "";
  if (is_regular_file(resolved + "/" + kSiteMarker)) return "";
  if (!places.earlier_record.empty() && is_regular_file(places.earlier_record)) return "";
  return fmt::format(
      "--out {}: that folder already holds files that herald did not write, and herald replaces its output folder "
      "whole: {}, or a new or empty folder; if the files there can go, remove them first",
      shown, advice);
}

}  // namespace herald
