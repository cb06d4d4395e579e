// Where a build may publish: never over the repository, its sources or files herald did not write.
#pragma once

#include <string>
#include <vector>

namespace herald {

/// The file herald puts at the top of every site it publishes. An output
/// folder that has it was written by herald, and may be replaced whole.
inline constexpr const char* kSiteMarker = ".herald-site";

/// What herald must never publish over or into.
struct ProtectedPlaces {
  std::string repository;            ///< the working tree (empty for a bare repository)
  std::vector<std::string> git_dirs; ///< the repository's git folder(s)
  std::vector<std::string> sources;  ///< content/, static/, data/, themes/, .herald-cache/ of the working tree
  /// An output folder herald published before markers were written is
  /// recognised by the build cache's record of it (this file exists).
  std::string earlier_record;
};

/// The places of a repository (git folder, working tree and cache folder)
/// that no output folder may be, hold or be inside.
ProtectedPlaces protected_places(const std::string& workdir, const std::vector<std::string>& git_dirs,
                                 const std::string& cache_dir);

/// The output folder `out` as the build will use it: absolute, with a
/// symbolic link at its end followed (so that the site replaces the folder
/// it leads to, not the link).
std::string resolve_output_folder(const std::string& out);

/// Why herald must not publish into `resolved` (resolve_output_folder's),
/// or empty when it may: it is, holds or is inside the repository's git
/// folder, working tree or a source folder, it is a file, or it is a folder
/// that holds files herald did not write (no marker, no record). The reason
/// names the folder as `shown` (as the user gave it) and says what to do.
std::string refuse_output_folder(const std::string& shown, const std::string& resolved,
                                 const ProtectedPlaces& places);

}  // namespace herald
