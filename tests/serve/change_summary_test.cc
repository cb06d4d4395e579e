// Tests for serve/change_summary: the preview's line for a save.
#include <doctest/doctest.h>

#include "serve/change_summary.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

TEST_CASE("a save is described by the files that still exist, not an editor's temporary ones") {
  TempSite tree;
  tree.write("content/pages/about.md", "---\ntitle: About\n---\n");
  tree.write("content/pages/help.md", "---\ntitle: Help\n---\n");
  // An editor wrote a temporary file, then renamed it over the page: the
  // temporary name is among the changes, and gone when the build runs.
  CHECK(describe_change({"content/pages/.about.md.tmp-1234", "content/pages/about.md"}, tree.dir()) ==
        "content/pages/about.md changed");
  CHECK(describe_change({"content/pages/about.md"}, tree.dir()) == "content/pages/about.md changed");
  CHECK(describe_change({"content/pages/about.md", "content/pages/gone.md", "content/pages/help.md"}, tree.dir()) ==
        "content/pages/about.md and 1 other changed");
  CHECK(describe_change({"content/pages/about.md", "content/pages/help.md", "herald.yaml"}, tree.dir()) ==
        "content/pages/about.md and 1 other changed");
  tree.write("herald.yaml", "title: x\n");
  CHECK(describe_change({"content/pages/about.md", "content/pages/help.md", "herald.yaml"}, tree.dir()) ==
        "content/pages/about.md and 2 others changed");
  // Deleted files are named when nothing changed still exists.
  CHECK(describe_change({"content/pages/old.md", "content/pages/older.md"}, tree.dir()) ==
        "content/pages/old.md and 1 other changed");
  CHECK(describe_change({"."}, tree.dir()) == "the working tree changed");
  CHECK(describe_change({}, tree.dir()).empty());
}
