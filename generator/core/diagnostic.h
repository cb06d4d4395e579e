// Compiler-style diagnostics: where, how bad, what; collected by a thread-safe sink.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace herald {

/// A place in a source file of the site repository. Line and column are
/// 1-based; 0 means unknown.
struct SourceLocation {
  std::string path;
  int line = 0;
  int column = 0;
};

enum class Severity { note, warning, error };

const char* severity_name(Severity severity);

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

/// Collects diagnostics from every stage (from any thread) so that one build
/// reports every problem, not just the first.
class Diagnostics {
 public:
  void report(Severity severity, SourceLocation where, std::string message);
  void error(SourceLocation where, std::string message) {
    report(Severity::error, std::move(where), std::move(message));
  }
  void warning(SourceLocation where, std::string message) {
    report(Severity::warning, std::move(where), std::move(message));
  }

  /// Remembers a file's text so that printed diagnostics can quote the line.
  void add_source(const std::string& path, std::string text);
  /// Where the text of a file not remembered is found, when a diagnostic in
  /// it is printed (the build's files, read once), so that thousands of
  /// files need not be copied in case one has a problem.
  void set_source_lookup(std::function<std::optional<std::string>(const std::string& path)> lookup) {
    std::lock_guard lock(mutex_);
    lookup_ = std::move(lookup);
  }

  /// With `strict`, warnings count as errors.
  void set_strict(bool strict) { strict_ = strict; }
  bool strict() const { return strict_; }

  /// Moves every diagnostic (and the remembered source of its file) into `target`. With
  /// `errors_as_warnings`, errors arrive as warnings with `note` appended.
  void forward(Diagnostics& target, bool errors_as_warnings = false, const std::string& note = "") const;

  bool has_errors() const;
  size_t count(Severity severity) const;
  /// Diagnostics sorted by path, line, column, then message: stable output
  /// whatever order the threads reported in.
  std::vector<Diagnostic> sorted() const;

  /// `path:line:col: severity: message`, then the source line and a caret
  /// when the line is known.
  std::string format_text(const Diagnostic& d) const;

  /// Every diagnostic of sorted() as format_text() gives it, except that
  /// after `repeat_limit` of the same severity and message in one file the
  /// rest are counted in one note (a 50 MB page with one vague link text per
  /// paragraph gives five quoted warnings and a count, not a million lines).
  std::string format_all(size_t repeat_limit = 5) const;

 private:
  /// Offsets of the start of each line of a remembered source, built on
  /// first use so quoting many lines of a big file stays linear.
  const std::vector<size_t>& line_starts(const std::string& path, const std::string& text) const;

  mutable std::map<std::string, std::vector<size_t>> line_starts_;
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  mutable std::map<std::string, std::string> sources_;
  std::function<std::optional<std::string>(const std::string& path)> lookup_;
  bool strict_ = false;
};

/// Formats the location prefix `path:line:col` of shown_location(); only a
/// diagnostic about no file at all has no prefix.
std::string format_location(const SourceLocation& where);

/// The location as reported: a problem with a whole file (no line known) is
/// shown at its line 1, column 1, and one with a line but no column at column
/// 1, so that every diagnostic reads `path:line:col` and editors and CI
/// annotations can jump to it.
SourceLocation shown_location(const SourceLocation& where);

}  // namespace herald
