// Tests for output/output_folder: which folders a build may publish into.
#include <doctest/doctest.h>

#include <filesystem>

#include "output/output_folder.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

TEST_CASE("a folder is refused when it is, holds or is inside a protected place, or holds others' files") {
  TempSite scratch;
  std::string root = resolve_output_folder(scratch.dir());
  ProtectedPlaces places = protected_places(root + "/", {root + "/.git/"}, root + "/.herald-cache");
  auto refused = [&](const std::string& out) { return !refuse_output_folder(out, resolve_output_folder(out), places).empty(); };
  CHECK(refused(root));
  CHECK(refused(root + "/.."));
  CHECK(refused(root + "/.git"));
  CHECK(refused(root + "/.git/hooks"));
  CHECK(refused(root + "/content/x/../y"));
  CHECK(refused(root + "/static"));
  CHECK(refused(root + "/.herald-cache/spare"));
  CHECK_FALSE(refused(root + "/public"));
  CHECK_FALSE(refused(root + "/contents"));  // a name that only starts like a source folder
  CHECK_FALSE(refused(root + "/site/out"));
  scratch.write("mine/a.txt", "a");
  CHECK(refused(root + "/mine"));
  scratch.write("mine/.herald-site", "");
  CHECK_FALSE(refused(root + "/mine"));
  scratch.write("other/b.txt", "b");
  places.earlier_record = root + "/record";
  CHECK(refused(root + "/other"));
  scratch.write("record", "");
  CHECK_FALSE(refused(root + "/other"));
}
