// Tests for git/tree_diff: the paths two trees differ in, against libgit2's own diff.
#include <doctest/doctest.h>
#include <git2.h>

#include <algorithm>
#include <filesystem>

#include "git/repository.h"
#include "git/tree_diff.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

namespace {

/// The tree of `rev` (e.g. "HEAD~1"), or null for "none".
git_tree* tree_of(git_repository* repo, const std::string& rev) {
  if (rev == "none") return nullptr;
  git_object* object = nullptr;
  REQUIRE(git_revparse_single(&object, repo, (rev + "^{tree}").c_str()) == 0);
  return reinterpret_cast<git_tree*>(object);
}

/// The paths of libgit2's tree-to-tree diff, sorted: what History walked with before.
std::vector<std::string> diff_paths(git_repository* repo, git_tree* before, git_tree* after) {
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  git_diff* diff = nullptr;
  REQUIRE(git_diff_tree_to_tree(&diff, repo, before, after, &options) == 0);
  std::vector<std::string> paths;
  for (size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    paths.emplace_back(d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path);
  }
  git_diff_free(diff);
  std::sort(paths.begin(), paths.end());
  return paths;
}

/// changed_paths from `before` to `after`, checked against libgit2's diff.
std::vector<std::string> changes(const TempSite& site, const std::string& before, const std::string& after) {
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  git_tree* a = tree_of(repo->raw(), before);
  git_tree* b = tree_of(repo->raw(), after);
  TreeReader trees(repo->raw());
  std::vector<std::string> ours = changed_paths(trees, a, b);
  CHECK(ours == diff_paths(repo->raw(), a, b));
  git_tree_free(a);
  git_tree_free(b);
  return ours;
}

using Paths = std::vector<std::string>;

}  // namespace

TEST_CASE("tree_diff: the files two commits differ in, as libgit2's diff finds them") {
  TempSite site;
  for (int i = 0; i < 50; ++i) site.write("content/briefings/b" + std::to_string(i) + ".md", "b");
  site.write("content/procedures/children/a.md", "a");
  site.write("a.txt", "1");
  site.write("a-b/x.md", "1");
  site.write("a/x.md", "1");
  site.write("gone/deep/down.md", "1");
  site.write("becomes-folder", "file");
  site.write("becomes-file/inside.md", "1");
  site.commit("one");
  CHECK(changes(site, "none", "HEAD").size() == 57);

  SUBCASE("one file changed in a folder of many, and nothing else") {
    site.write("content/briefings/b17.md", "changed");
    site.commit("two");
    CHECK(changes(site, "HEAD~1", "HEAD") == Paths{"content/briefings/b17.md"});
    CHECK(changes(site, "HEAD", "HEAD").empty());
  }
  SUBCASE("added, deleted and moved files, folders that appear and go, and names that sort oddly") {
    site.write("content/procedures/children/new.md", "n");
    site.remove("a.txt");
    site.write("a/y.md", "2");
    site.write("a-b/x.md", "2");
    site.remove("gone/deep/down.md");
    site.move("content/briefings/b3.md", "content/briefings/moved/b3.md");
    site.commit("two");
    CHECK(changes(site, "HEAD~1", "HEAD") ==
          Paths{"a-b/x.md", "a.txt", "a/y.md", "content/briefings/b3.md", "content/briefings/moved/b3.md",
                "content/procedures/children/new.md", "gone/deep/down.md"});
    CHECK(changes(site, "HEAD", "HEAD~1").size() == 7);
  }
  SUBCASE("a file that becomes a folder, a folder that becomes a file") {
    site.remove("becomes-folder");
    site.write("becomes-folder/now.md", "1");
    site.remove("becomes-file/inside.md");
    std::filesystem::remove(site.dir() + "/becomes-file");  // the empty folder
    site.write("becomes-file", "file");
    site.commit("two");
    CHECK(changes(site, "HEAD~1", "HEAD") ==
          Paths{"becomes-file", "becomes-file/inside.md", "becomes-folder", "becomes-folder/now.md"});
  }
  SUBCASE("a mode changed, and a link") {
    namespace fs = std::filesystem;
    fs::permissions(site.dir() + "/a.txt", fs::perms::owner_exec, fs::perm_options::add);
    fs::create_symlink("a.txt", site.dir() + "/link");
    site.commit("two");
    CHECK(changes(site, "HEAD~1", "HEAD") == Paths{"a.txt", "link"});
  }
}

TEST_CASE("tree_diff: a tree the last comparison read is not read again by the next") {
  TempSite site;
  // Larger than the trees libgit2 keeps in its own cache.
  for (int i = 0; i < 200; ++i) site.write("briefing-" + std::to_string(i) + ".md", "1");
  site.commit("one");
  std::string error;
  auto repo = Repository::open(site.dir(), &error);
  REQUIRE(repo);
  git_oid root;
  REQUIRE(git_oid_fromstr(&root, site.git("rev-parse HEAD^{tree}").substr(0, GIT_OID_HEXSZ).c_str()) == 0);
  TreeReader trees(repo->raw());
  const git_tree* first = trees.get(&root);
  REQUIRE(first);
  CHECK(git_oid_equal(git_tree_id(first), &root));
  trees.next();
  CHECK(trees.get(&root) == first);
  git_oid missing;
  REQUIRE(git_oid_fromstr(&missing, "0123456789012345678901234567890123456789") == 0);
  CHECK(trees.get(&missing) == nullptr);
}
