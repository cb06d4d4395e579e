// `herald check` says what it did not look at (uncommitted changes), and `--worktree` looks at them.
#include <doctest/doctest.h>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::TempSite;

TEST_CASE("check counts the site's uncommitted changes, and --worktree checks them") {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  auto clean = site.herald("check --now 2024-07-01T12:00:00");
  CHECK(clean.exit_code == 0);
  CHECK(clean.err == "herald: the site has no errors\n");

  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nSee [the toolkit](/toolkit/).\n");
  site.write("content/pages/new.md", "---\ntitle: New\n---\n\nNew.\n");
  site.write("notes.txt", "not part of the site\n");
  auto r = site.herald("check --now 2024-07-01T12:00:00");
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "herald: the site has no errors\n"
        "herald: 2 files of the site (content/pages/about.md, …) have changes that are not committed, and were not "
        "checked: herald checks what is committed; commit them, or run herald check --worktree to check the files as "
        "they are\n");

  auto worktree = site.herald("check --worktree --now 2024-07-01T12:00:00");
  CHECK(worktree.exit_code == 1);
  CHECK(contains(worktree.err, "content/pages/about.md:5:5: error: link to '/toolkit/': the site has no such page or file"));
  CHECK_FALSE(contains(worktree.err, "not committed"));
  // Nothing was built or cached from the working tree.
  CHECK_FALSE(site.exists("public"));
}
