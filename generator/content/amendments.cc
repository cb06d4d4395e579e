// Procedure releases: tags (or months) compared with libgit2's rename detection.
#include "content/amendments.h"

#include <algorithm>
#include <map>

#include <git2.h>
#include <fmt/format.h>

#include "cache/chapter_memo.h"
#include "content/source_path.h"
#include "content/front_matter.h"
#include "content/page.h"
#include "core/text.h"

namespace herald {
namespace {

const std::string kPrefix = "content/procedures/";

struct ChapterInfo {
  std::string title, amendment;
  bool reread = false;
  int amendment_line = 0;
  bool shown = false;  ///< readable, and neither a draft, scheduled nor expired
};

/// What a comparison needs besides the two commits.
struct CompareContext {
  const Repository& repo;
  TimeZone zone;
  Publication publication;
  ChapterMemo* memo = nullptr;
};

bool is_chapter(const std::string& path) {
  if (!starts_with(path, kPrefix) || !ends_with(path, ".md")) return false;
  if (!file_language(path).empty()) return false;  // a translation: the releases are the default language's
  std::string rest = path.substr(kPrefix.size());
  auto slash = rest.find('/');
  if (slash == std::string::npos) return false;
  std::string name = rest.substr(slash + 1);
  return name != "_index.md" && (name.find('/') == std::string::npos || ends_with(name, "/index.md"));
}

void split_chapter_path(const std::string& path, std::string* manual, std::string* slug) {
  std::string rest = path.substr(kPrefix.size());
  auto slash = rest.find('/');
  *manual = rest.substr(0, slash);
  std::string name = rest.substr(slash + 1);
  if (ends_with(name, "/index.md")) *slug = name.substr(0, name.size() - 9);
  else *slug = name.substr(0, name.size() - 3);
}

ChapterFacts read_facts(const CompareContext& ctx, const std::string& blob_id, const std::string& path) {
  auto text = ctx.repo.read_blob(blob_id);
  if (!text) return {};
  Diagnostics quiet;  // problems in old revisions are not the author's to fix now
  auto split = split_front_matter(*text, path, quiet);
  if (!split) return {};
  auto fm = FrontMatter::parse(*split, path, quiet);
  if (!fm) return {};
  return chapter_facts(*fm);
}

ChapterInfo read_chapter(const CompareContext& ctx, const std::string& blob_id, const std::string& path) {
  ChapterFacts facts;
  if (const ChapterFacts* known = ctx.memo ? ctx.memo->find(blob_id) : nullptr) {
    facts = *known;
  } else {
    facts = read_facts(ctx, blob_id, path);
    if (ctx.memo) ctx.memo->add(blob_id, facts);
  }
  ChapterInfo info;
  if (!facts.readable) return info;
  info.title = facts.title;
  info.amendment = facts.amendment;
  info.reread = facts.reread;
  info.amendment_line = facts.amendment_line;
  auto date = [&](const std::string& value) -> std::optional<DateTime> {
    std::string error;
    return value.empty() ? std::nullopt : parse_datetime(value, ctx.zone, &error);
  };
  info.shown = withheld_reason(facts.draft == "true" || facts.draft == "yes", date(facts.date),
                               date(facts.expires), ctx.publication.now, ctx.publication.drafts)
                   .empty();
  return info;
}

/// Compares two commits' procedures and fills a release's lists. A chapter
/// not shown (draft, scheduled, expired) counts as absent on that side. With
/// `warn`, an updated chapter whose amendment sentence did not change is
/// reported.
void compare(const CompareContext& ctx, const std::string& from, const std::string& to, Release& release,
             Diagnostics* warn) {
  auto changes = ctx.repo.diff(from, to, kPrefix);
  for (const FileChange& c : changes) {
    bool had_old = c.status != FileChange::Status::added && is_chapter(c.old_path);
    bool has_new = c.status != FileChange::Status::deleted && is_chapter(c.new_path);
    ChapterInfo old_info = had_old ? read_chapter(ctx, c.old_blob_id, c.old_path) : ChapterInfo{};
    ChapterInfo info = has_new ? read_chapter(ctx, c.new_blob_id, c.new_path) : ChapterInfo{};
    if (!old_info.shown && !info.shown) continue;
    ChapterChange change;
    change.old_path = c.old_path;
    change.new_path = c.new_path;
    if (!info.shown) {
      // Deleted, or no longer shown (made a draft again, or expired).
      split_chapter_path(c.old_path, &change.manual, &change.slug);
      change.type = ChapterChange::Type::removed;
      change.title = old_info.title;
      release.removed.push_back(change);
      continue;
    }
    split_chapter_path(c.new_path, &change.manual, &change.slug);
    change.title = info.title;
    change.amendment = info.amendment;
    change.reread = info.reread;
    if (!old_info.shown) {
      // New, or shown for the first time (its draft flag removed, its date come).
      change.type = ChapterChange::Type::added;
      release.added.push_back(change);
      continue;
    }
    bool pure_move = c.status == FileChange::Status::renamed && c.old_blob_id == c.new_blob_id;
    change.type = pure_move ? ChapterChange::Type::moved : ChapterChange::Type::updated;
    if (!pure_move && warn && old_info.amendment == info.amendment)
      warn->warning({c.new_path, info.amendment_line, 1},
                    fmt::format("the chapter changed in release '{}' but its 'amendment' did not: "
                                "say in one sentence what changed",
                                release.name));
    release.updated.push_back(change);
  }
  auto by_title = [](const ChapterChange& a, const ChapterChange& b) {
    return std::tie(a.manual, a.title, a.slug) < std::tie(b.manual, b.title, b.slug);
  };
  std::sort(release.added.begin(), release.added.end(), by_title);
  std::sort(release.updated.begin(), release.updated.end(), by_title);
  std::sort(release.removed.begin(), release.removed.end(), by_title);
}

bool reachable(const Repository& repo, const std::string& ancestor, const std::string& from) {
  if (ancestor == from) return true;
  git_oid a, f;
  if (git_oid_fromstr(&a, ancestor.c_str()) != 0 || git_oid_fromstr(&f, from.c_str()) != 0)
    return false;
  return git_graph_descendant_of(repo.raw(), &f, &a) == 1;
}

std::vector<Release> from_tags(const CompareContext& ctx, const std::vector<Tag>& tags, const std::string& base,
                               Diagnostics& diags) {
  std::vector<Release> releases;
  std::string previous = base;
  for (size_t i = 0; i < tags.size(); ++i) {
    Release r;
    r.name = tags[i].name;
    r.id = slugify(tags[i].name);
    r.from_tag = true;
    r.commit = tags[i].commit;
    r.date = in_zone(r.commit.time, ctx.zone, false);
    compare(ctx, previous, r.commit.id, r, i + 1 == tags.size() ? &diags : nullptr);
    previous = r.commit.id;
    releases.push_back(std::move(r));
  }
  std::reverse(releases.begin(), releases.end());
  return releases;
}

}  // namespace

ChapterFacts chapter_facts(const FrontMatter& fm) {
  ChapterFacts facts;
  auto str = [&](const char* key) {
    const YamlValue* n = fm.get(key);
    return n && n->is_scalar() ? std::string(trim(n->scalar())) : std::string();
  };
  facts.readable = true;
  facts.title = str("title");
  facts.amendment = str("amendment");
  std::string reread = str("reread");
  facts.reread = reread == "true" || reread == "yes";
  facts.amendment_line = fm.where("amendment").line;
  facts.draft = str("draft");
  facts.date = str("date");
  facts.expires = str("expires");
  return facts;
}

std::string display_name(const Release& release) {
  return release.from_tag ? release.name : format_month_year(release.date);
}

std::vector<Release> compute_releases(const Repository& repo, const History& history,
                                      const std::string& commit_id, const Config& config,
                                      const Publication& publication, Diagnostics& diags, ChapterMemo* memo) {
  CompareContext ctx{repo, config.zone(), publication, memo};
  std::vector<Tag> tags;
  for (Tag& tag : repo.tags_matching(config.release_tags))
    if (reachable(repo, tag.commit.id, commit_id)) tags.push_back(std::move(tag));
  if (!tags.empty()) return from_tags(ctx, tags, "", diags);

  // No release tags: one release per calendar month of procedures commits.
  const TimeZone& zone = ctx.zone;
  std::vector<Release> releases;
  const auto& commits = history.commits();  // newest first, only procedures commits
  size_t i = 0;
  while (i < commits.size()) {
    DateTime when = in_zone(commits[i].commit.time, zone, false);
    CivilTime month = civil_time(when);
    size_t j = i;
    while (j < commits.size()) {
      CivilTime c = civil_time(in_zone(commits[j].commit.time, zone, false));
      if (c.year != month.year || c.month != month.month) break;
      ++j;
    }
    Release r;
    r.name = format_month_year(when);
    r.id = fmt::format("{:04}-{:02}", month.year, month.month);
    r.commit = commits[i].commit;
    r.date = when;
    std::string from = j < commits.size() ? commits[j].commit.id : "";
    compare(ctx, from, r.commit.id, r, nullptr);
    if (!r.empty()) releases.push_back(std::move(r));
    i = j;
  }
  return releases;
}

std::vector<Release> releases_between(const Repository& repo, const Commit& from, const Commit& to,
                                      const Config& config, const Publication& publication,
                                      Diagnostics& diags) {
  CompareContext ctx{repo, config.zone(), publication};
  std::vector<Tag> tags;
  for (Tag& tag : repo.tags_matching(config.release_tags))
    if (tag.commit.id != from.id && reachable(repo, tag.commit.id, to.id) &&
        reachable(repo, from.id, tag.commit.id))
      tags.push_back(std::move(tag));
  if (!tags.empty() && tags.back().commit.id == to.id)
    return from_tags(ctx, tags, from.id, diags);
  Release r;
  r.name = fmt::format("{}..{}", from.id.substr(0, 7), to.id.substr(0, 7));
  r.id = r.name;
  r.commit = to;
  r.date = in_zone(to.time, config.zone(), false);
  compare(ctx, from.id, to.id, r, nullptr);
  auto releases = tags.empty() ? std::vector<Release>{} : from_tags(ctx, tags, from.id, diags);
  if (!tags.empty()) {
    Release tail;
    tail.name = "after " + tags.back().name;
    tail.id = "unreleased";
    tail.commit = to;
    tail.date = r.date;
    compare(ctx, tags.back().commit.id, to.id, tail, nullptr);
    releases.insert(releases.begin(), tail);
    return releases;
  }
  return {r};
}

std::string format_releases_text(const std::vector<Release>& releases) {
  std::string out;
  for (const Release& r : releases) {
    out += fmt::format("{} ({})\n", r.name, format_human_date(r.date));
    if (r.empty()) out += "  No changes to chapters.\n";
    auto list = [&](const char* heading, const std::vector<ChapterChange>& items) {
      if (items.empty()) return;
      out += fmt::format("  {}:\n", heading);
      for (const auto& c : items) {
        std::string line = fmt::format("    - {} ({}/{})", c.title.empty() ? c.slug : c.title, c.manual, c.slug);
        if (c.type == ChapterChange::Type::moved)
          line += fmt::format(": moved from {}", c.old_path);
        else if (!c.amendment.empty() && c.type != ChapterChange::Type::removed)
          line += ": " + c.amendment;
        if (c.reread && c.type != ChapterChange::Type::removed)
          line += " [revised throughout: should be re-read]";
        out += line + "\n";
      }
    };
    list("New chapters", r.added);
    list("Updated chapters", r.updated);
    list("Removed chapters", r.removed);
    out += "\n";
  }
  return out;
}

}  // namespace herald
