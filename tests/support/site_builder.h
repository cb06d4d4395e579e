// Test helper: a real temporary git repository holding a site, and herald run on it.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace herald::test {

/// What running the herald binary gave.
struct RunResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// A temporary folder with `git init` done, removed when the object dies.
class TempSite {
 public:
  TempSite();
  ~TempSite();
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  const std::string& dir() const { return dir_; }
  /// Writes a file (creating folders), relative to the repository root.
  void write(const std::string& path, const std::string& content);
  void remove(const std::string& path);
  void move(const std::string& from, const std::string& to);
  /// `git add -A && git commit`, dated `date` (ISO 8601) for author and committer.
  void commit(const std::string& message, const std::string& date = "2024-01-10T10:00:00+00:00");
  void tag(const std::string& name);
  /// Runs `git ARGS` in the repository and returns its stdout.
  std::string git(const std::string& args) const;

  /// herald.yaml, data/contacts.yaml and one page of each kind: a valid site.
  void write_minimal_site();

  /// Runs the herald binary with `args` (e.g. "build --now 2024-06-01") in the repository.
  RunResult herald(const std::string& args) const;
  /// The same with another copy of herald, the executable at `binary`.
  RunResult herald_at(const std::string& binary, const std::string& args) const;
  /// Reads a file below the repository (e.g. "public/index.html"); empty if missing.
  std::string read(const std::string& path) const;
  bool exists(const std::string& path) const;

 private:
  std::string dir_;
};

/// Makes a new empty folder below $TMPDIR (or /tmp) named `prefix` and six
/// random characters, and returns its path.
std::string make_temp_dir(const std::string& prefix);

/// A file's bytes (empty when it cannot be read).
std::string read_file(const std::string& path);
/// Replaces a file's bytes.
void write_file(const std::string& path, const std::string& bytes);

/// True when `needle` occurs in `haystack`.
inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// Runs a shell command and captures stdout and stderr.
RunResult run_command(const std::string& command);

/// Every file below `dir`, relative paths mapped to contents.
std::map<std::string, std::string> read_tree(const std::string& dir);

}  // namespace herald::test
