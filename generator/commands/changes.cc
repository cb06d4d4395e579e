// `herald changes`: the procedures amendments between two refs, as text.
#include <cstdio>
#include <ctime>

#include "commands/commands.h"
#include "config/config.h"
#include "content/amendments.h"
#include "git/history.h"

namespace herald {

int command_changes(const std::string& repo_path, const std::string& from, const std::string& to) {
  std::string error;
  auto repo = Repository::open(repo_path, &error);
  if (!repo) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }
  auto to_commit = repo->resolve(to, &error);
  if (!to_commit) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }
  std::optional<Commit> from_commit;
  if (!from.empty()) {
    from_commit = repo->resolve(from, &error);
    if (!from_commit) {
      std::fprintf(stderr, "error: %s\n", error.c_str());
      return 2;
    }
  }
  Diagnostics diags;
  Config config;
  config.review_types = builtin_review_types();
  for (const auto& f : repo->list_tree(to_commit->id)) {
    if (f.path != "herald.yaml") continue;
    auto text = repo->read_blob(f.blob_id);
    if (auto parsed = text ? parse_config(*text, "herald.yaml", diags) : std::nullopt) config = *parsed;
  }
  if (diags.has_errors()) {
    print_diagnostics(diags, stderr);
    return 1;
  }
  // What the site would publish now: drafts, scheduled and expired chapters
  // are not changes anyone can read yet (or still).
  Publication publication{static_cast<int64_t>(std::time(nullptr)), false};
  std::vector<Release> releases;
  if (from_commit) {
    releases = releases_between(*repo, *from_commit, *to_commit, config, publication, diags);
  } else {
    History history = History::walk(*repo, to_commit->id, {"content/procedures/"});
    releases = compute_releases(*repo, history, to_commit->id, config, publication, diags);
  }
  std::string text = format_releases_text(releases);
  if (text.empty()) text = "No changes to the procedures.\n";
  std::fputs(text.c_str(), stdout);
  print_diagnostics(diags, stderr);
  return 0;
}

}  // namespace herald
