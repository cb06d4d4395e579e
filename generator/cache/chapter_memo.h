// What each procedure chapter blob says, kept between builds for the releases.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace herald {

/// The front matter of one chapter blob that a release needs, as written.
struct ChapterFacts {
  bool readable = false;  ///< the front matter could be parsed
  std::string title, amendment, draft, date, expires;
  bool reread = false;
  int amendment_line = 0;
};

/// Facts by blob id. Working out the releases reads every chapter of every
/// release from git and parses its front matter; a blob's facts never change,
/// so they are kept in .herald-cache/chapters. A missing, stale or damaged
/// file gives none: they are read from git again.
class ChapterMemo {
 public:
  /// Reads `file`; false (and no facts) unless it was saved with `stamp` and is intact.
  bool load(const std::string& file, const std::string& stamp);
  /// Saves the facts used by this build, if any were new or any went unused.
  bool save(const std::string& file, const std::string& stamp, std::string* error) const;

  /// The facts of `blob_id`, if known; they are then kept by save().
  const ChapterFacts* find(const std::string& blob_id) const;
  void add(const std::string& blob_id, ChapterFacts facts);
  /// Facts learnt elsewhere (the build parsed the chapter anyway), unless
  /// already known; kept by save() only if a release then asks for them.
  void offer(const std::string& blob_id, ChapterFacts facts);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, ChapterFacts> facts_;
  std::set<std::string> loaded_;        ///< blob ids the file had
  mutable std::set<std::string> used_;  ///< blob ids asked for or added
};

}  // namespace herald
