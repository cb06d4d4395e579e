// The PDF module: found beside herald's executable or in an installed lib/herald/, needed only by a build that draws a PDF.
#include "output/pdf/pdf_module.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::read_tree;
using herald::test::TempSite;
namespace fs = std::filesystem;

namespace {

const char* kNow = " --now 2024-07-01T12:00:00";

// The sanitizers' build links the drawing into herald and makes no module
// (see CMakeLists.txt): herald alone then draws PDFs itself.
#ifdef HERALD_PDF_LINKED
constexpr bool kLinked = true;
#else
constexpr bool kLinked = false;
#endif

const fs::path kModule = fs::path(HERALD_BINARY).parent_path() / "herald-pdf.so";

/// herald's executable copied alone into `folder` of `site`, with its PDF module if `with_module`.
std::string copy_herald(const TempSite& site, const std::string& folder, bool with_module) {
  std::string dir = site.dir() + "/" + folder;
  fs::create_directories(dir);
  fs::copy_file(HERALD_BINARY, dir + "/herald");
  if (with_module) fs::copy_file(kModule, dir + "/herald-pdf.so");
  return dir;
}

const char* kBriefing =
    "---\ntitle: Neglect\ndate: 2024-03-01\nreview_type: lcspr\naudience: [practitioners]\n---\n\nLead.\n\n"
    "## 1. Purpose\n\nWhy.\n\n## 2. Background\n\nWhat.\n\n## 3. The case\n\nWho.\n\n"
    "## 4. Learning\n\nLearn.\n\n## 5. Good practice\n\nGood.\n\n## 6. Questions\n\nAsk.\n\n"
    "## 7. Resources\n\nRead.\n";

}  // namespace

TEST_CASE("herald without its PDF module builds a site with no PDFs, and names the module for each PDF") {
  TempSite site;
  site.write(".gitignore", "/public/\n/out*/\n/.herald-cache/\n/alone/\n/paired/\n");
  site.write("herald.yaml", "title: Testshire Safeguarding Partnership\nbase_url: https://safeguarding.testshire.example/\n");
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are.\n");
  site.commit("a page");
  std::string alone = copy_herald(site, "alone", false);
  auto r = site.herald_at(alone + "/herald", std::string("build") + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(site.exists("public/about/index.html"));

  // A briefing draws a PDF by default: the build stops, and says where the module should be.
  site.write("content/briefings/neglect.md", kBriefing);
  site.commit("a briefing");
  r = site.herald_at(alone + "/herald", std::string("build") + kNow);
  if (kLinked) {
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(site.read("public/briefings/neglect/neglect.pdf").starts_with("%PDF-"));
    return;
  }
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "content/briefings/neglect.md:1:1: error: the print PDF could not be made: herald's PDF "
                        "module could not be loaded (" + alone + "/herald-pdf.so: cannot open shared object "
                        "file: No such file or directory): install herald again (the module belongs in " +
                        site.dir() + "/lib/herald/, or beside herald in a build of its own)\n"));
  CHECK_FALSE(site.exists("public/briefings/neglect/index.html"));  // the previous site stays

  // With the module beside it, the same executable draws the PDF that herald in its build folder draws.
  std::string paired = copy_herald(site, "paired", true);
  r = site.herald_at(paired + "/herald", std::string("build") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(site.herald(std::string("build --out out-reference") + kNow).exit_code == 0);
  CHECK(site.read("public/briefings/neglect/neglect.pdf").starts_with("%PDF-"));
  CHECK(read_tree(site.dir() + "/public") == read_tree(site.dir() + "/out-reference"));
}

TEST_CASE("a PDF module built again makes another herald to the build cache" * doctest::skip(kLinked)) {
  TempSite site;
  site.write_minimal_site();
  site.commit("the site");
  std::string paired = copy_herald(site, "paired", true);
  REQUIRE(site.herald_at(paired + "/herald", std::string("build") + kNow).exit_code == 0);
  auto r = site.herald_at(paired + "/herald", std::string("build --verbose") + kNow);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: 7 sources not parsed again"));
  // The module's time changes, as when it is built again: nothing cached is used.
  fs::last_write_time(paired + "/herald-pdf.so", fs::last_write_time(paired + "/herald-pdf.so") + std::chrono::seconds(1));
  r = site.herald_at(paired + "/herald", std::string("build --verbose") + kNow);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "from the build cache: 0 sources not parsed again"));
}

TEST_CASE("an installed herald finds its PDF module in lib/herald/ beside its bin/ folder" * doctest::skip(kLinked)) {
  TempSite site;
  site.write(".gitignore", "/public/\n/out*/\n/.herald-cache/\n/usr/\n");
  site.write("herald.yaml", "title: Testshire Safeguarding Partnership\nbase_url: https://safeguarding.testshire.example/\n");
  site.write("content/briefings/neglect.md", kBriefing);
  site.commit("a briefing");
  // As `cmake --install --prefix <site>/usr` and the Debian package lay them out.
  std::string bin = copy_herald(site, "usr/bin", false);
  fs::create_directories(site.dir() + "/usr/lib/herald");
  fs::copy_file(kModule, site.dir() + "/usr/lib/herald/herald-pdf.so");
  auto r = site.herald_at(bin + "/herald", std::string("build") + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(site.herald(std::string("build --out out-reference") + kNow).exit_code == 0);
  CHECK(site.read("public/briefings/neglect/neglect.pdf").starts_with("%PDF-"));
  CHECK(read_tree(site.dir() + "/public") == read_tree(site.dir() + "/out-reference"));

  // A module beside herald comes first (a build folder's own): the installed one is not even opened.
  fs::copy_file(kModule, bin + "/herald-pdf.so");
  fs::resize_file(site.dir() + "/usr/lib/herald/herald-pdf.so", 10);
  fs::remove_all(site.dir() + "/.herald-cache");
  r = site.herald_at(bin + "/herald", std::string("build --out out-beside") + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(read_tree(site.dir() + "/out-beside") == read_tree(site.dir() + "/out-reference"));

  // Only a broken installed module: the build stops and says where the module belongs.
  fs::remove(bin + "/herald-pdf.so");
  fs::remove_all(site.dir() + "/.herald-cache");
  r = site.herald_at(bin + "/herald", std::string("build --out out-broken") + kNow);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "herald's PDF module could not be loaded (" + site.dir() + "/usr/lib/herald/herald-pdf.so: "));
  CHECK(contains(r.err, "install herald again (the module belongs in " + site.dir() + "/usr/lib/herald/, "));
}
