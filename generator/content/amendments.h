// Procedure releases from git: which chapters were added, updated, moved or removed.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "core/datetime.h"
#include "core/diagnostic.h"
#include "git/history.h"
#include "git/repository.h"

namespace herald {

class ChapterMemo;
class FrontMatter;
struct ChapterFacts;

/// What the releases need of a chapter's front matter: the same for the
/// chapter parsed for its page as for an old revision read from git.
ChapterFacts chapter_facts(const FrontMatter& fm);

struct ChapterChange {
  enum class Type { added, updated, moved, removed } type = Type::added;
  std::string manual;       ///< manual slug
  std::string slug;         ///< chapter slug (new name for moves)
  std::string title;        ///< the chapter's title in this release
  std::string old_path, new_path;
  std::string amendment;
  bool reread = false;
};

/// What the build publishes: a chapter that is a draft, scheduled or expired
/// at `now` is, for the releases, as if it were not there at all.
struct Publication {
  int64_t now = 0;
  bool drafts = false;
};

/// One release of the procedures: a tag, or a calendar month without tags.
struct Release {
  std::string name;  ///< the tag name, or "November 2026"
  std::string id;    ///< anchor/URL-safe id: the tag name slugified, or "2026-11"
  bool from_tag = false;
  Commit commit;     ///< the release's commit
  DateTime date;     ///< the commit's date in the site's timezone
  std::vector<ChapterChange> added, updated, removed;
  bool empty() const { return added.empty() && updated.empty() && removed.empty(); }
};

/// A release's name as a page shows it: its tag's name, or its month in the
/// display language ("December 2026", "Rhagfyr 2026").
std::string display_name(const Release& release);

/// Computes every release reachable from `commit_id`, newest first. With
/// tags matching config.release_tags, each tag is compared with the previous
/// one; without any, the commits are grouped by calendar month. Warns about
/// an updated chapter whose `amendment` did not change in the newest release.
/// With `memo`, a chapter blob read by an earlier build is not read again.
std::vector<Release> compute_releases(const Repository& repo, const History& history,
                                      const std::string& commit_id, const Config& config,
                                      const Publication& publication, Diagnostics& diags,
                                      ChapterMemo* memo = nullptr);

/// Releases between two commits (for `herald changes --from --to`): the tags
/// in between, or a single comparison when there are none.
std::vector<Release> releases_between(const Repository& repo, const Commit& from, const Commit& to,
                                      const Config& config, const Publication& publication,
                                      Diagnostics& diags);

/// Plain-text report of releases, as printed by `herald changes`.
std::string format_releases_text(const std::vector<Release>& releases);

}  // namespace herald
