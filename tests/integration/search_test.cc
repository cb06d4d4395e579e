// Integration: the search index made by Pagefind (npm `pagefind`, installed by
// scripts/install.sh) over the built site, and the build without it.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;
namespace fs = std::filesystem;

namespace {

const char* kNow = "--now 2024-07-01T12:00:00";

/// A site with a published page and a draft, each with a word of its own.
void write_site(TempSite& site) {
  site.write_minimal_site();
  site.write("content/pages/zebra.md", "---\ntitle: Crossings\n---\n\nThe word quokkaterrace is published.\n");
  site.write("content/pages/draft.md", "---\ntitle: Unfinished\ndraft: true\n---\n\nThe word wombatgarden is not.\n");
  site.commit("the site", "2024-03-20T10:00:00+00:00");
}

/// Every word of the index's fragments, decompressed (Pagefind gzips them).
std::string index_text(const TempSite& site) {
  auto r = run_command("cd " + site.dir() + "/public/pagefind && for f in fragment/*.pf_fragment; do gunzip -c < \"$f\"; echo; done");
  return r.out;
}

}  // namespace

TEST_CASE("the build runs Pagefind found beside herald and indexes every published page, and no draft") {
  TempSite site;
  write_site(site);
  // Without HERALD_PAGEFIND herald looks on the PATH, then in node_modules/
  // of the site and of its own checkout (where npm ci put it). The build
  // folder may be anywhere, so the site is given the checkout's node_modules.
  run_command("ln -s '" HERALD_SOURCE_DIR "/node_modules' " + site.dir() + "/node_modules");
  auto r = run_command("cd " + site.dir() + " && env -u HERALD_PAGEFIND '" HERALD_BINARY "' build " + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "search index"));
  REQUIRE(site.exists("public/pagefind/pagefind.js"));
  std::string entry = site.read("public/pagefind/pagefind-entry.json");
  CHECK(contains(entry, "\"page_count\":7"));  // about, zebra, briefing, newsletter, manual, chapter, event
  std::string words = index_text(site);
  CHECK(contains(words, "quokkaterrace"));
  CHECK(contains(words, "Neglect and young carers"));
  CHECK_FALSE(contains(words, "wombatgarden"));
  // Filters the search page offers: kind, topic, audience and review type.
  CHECK(contains(words, "7-minute briefing"));
  std::string briefing = site.read("public/briefings/neglect/index.html");
  CHECK(contains(briefing, "data-pagefind-body"));
  CHECK(contains(briefing, "<span data-pagefind-filter=\"topic\">neglect</span>"));
  CHECK(contains(briefing, "<span data-pagefind-filter=\"audience\">practitioners</span>"));
  CHECK(contains(briefing, "<span data-pagefind-filter=\"review type\">"));
  // Lists are not search results.
  CHECK_FALSE(contains(site.read("public/briefings/index.html"), "data-pagefind-body"));
  // The search page may run Pagefind's WebAssembly; no other page may.
  CHECK(contains(site.read("public/search/index.html"), "script-src 'self' 'wasm-unsafe-eval'"));
  CHECK_FALSE(contains(briefing, "wasm-unsafe-eval"));
}

TEST_CASE("without Pagefind the build warns and the site still builds") {
  TempSite site;
  write_site(site);
  auto r = run_command("cd " + site.dir() + " && HERALD_PAGEFIND=/nonexistent/pagefind '" HERALD_BINARY "' build " + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err,
                 "herald.yaml:1:1: warning: search index not built: Pagefind was not found (herald's package installs "
                 "it; in a checkout of herald's source, run `npm ci`; or set HERALD_PAGEFIND to its path, or to "
                 "`none` to build without search)"));
  CHECK(site.exists("public/search/index.html"));
  CHECK_FALSE(site.exists("public/pagefind"));
  // The search page still offers the browsing pages.
  std::string search = site.read("public/search/index.html");
  CHECK(contains(search, "href=\"../topics/\""));
  CHECK(contains(search, "href=\"../audience/\""));
}

TEST_CASE("HERALD_PAGEFIND=none builds without an index and without a warning") {
  TempSite site;
  write_site(site);
  auto r = run_command("cd " + site.dir() + " && HERALD_PAGEFIND=none '" HERALD_BINARY "' build " + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "warning"));
  CHECK_FALSE(site.exists("public/pagefind"));
}

TEST_CASE("a Pagefind that fails stops the publication: the previous site stays") {
  TempSite site;
  write_site(site);
  REQUIRE(run_command("cd " + site.dir() + " && HERALD_PAGEFIND=none '" HERALD_BINARY "' build " + kNow).exit_code == 0);
  auto before = herald::test::read_tree(site.dir() + "/public");
  site.write("fake-pagefind", "#!/bin/sh\necho 'Error: something broke' >&2\nexit 3\n");
  run_command("chmod +x " + site.dir() + "/fake-pagefind");
  auto r = run_command("cd " + site.dir() + " && HERALD_PAGEFIND=" + site.dir() + "/fake-pagefind '" HERALD_BINARY
                       "' build " + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "error: search index not built, so nothing was published: '" + site.dir() +
                            "/fake-pagefind' failed: Error: something broke\n"));
  CHECK(herald::test::read_tree(site.dir() + "/public") == before);
}

TEST_CASE("a Pagefind that never ends is stopped at its time limit, with what it started") {
  TempSite site;
  write_site(site);
  // It starts a process of its own, as a hung indexer might, and never exits.
  site.write("hung-pagefind", "#!/bin/sh\nsleep 1000 &\necho $! > \"$(dirname \"$0\")/child-pid\"\nsleep 1000\n");
  run_command("chmod +x " + site.dir() + "/hung-pagefind");
  auto r = run_command("cd " + site.dir() + " && HERALD_PAGEFIND_TIMEOUT=1 HERALD_PAGEFIND=" + site.dir() +
                       "/hung-pagefind '" HERALD_BINARY "' build " + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "error: search index not built, so nothing was published: '" + site.dir() +
                            "/hung-pagefind' did not finish within 1 seconds and was stopped (a site this size may "
                            "need longer: set HERALD_PAGEFIND_TIMEOUT to the seconds it may take)\n"));
  CHECK_FALSE(site.exists("public"));
  std::string child = site.read("child-pid");
  REQUIRE_FALSE(child.empty());
  child.erase(child.find_last_not_of("\n") + 1);
  // Stopped with it: gone, or dead and waiting to be reaped by init.
  CHECK(run_command("test ! -e /proc/" + child + " || grep -q ') Z' /proc/" + child + "/stat").exit_code == 0);
}

TEST_CASE("an installed herald runs the Pagefind installed with it, before one on the PATH") {
  TempSite site;
  write_site(site);
  // The Debian package's layout under <site>/usr: herald, its PDF module, and a
  // stand-in Pagefind that says which one ran; another stand-in on the PATH.
  fs::create_directories(site.dir() + "/usr/bin");
  fs::create_directories(site.dir() + "/usr/lib/herald");
  fs::create_directories(site.dir() + "/path");
  fs::copy_file(HERALD_BINARY, site.dir() + "/usr/bin/herald");
#ifndef HERALD_PDF_LINKED  // the sanitizers' herald draws PDFs itself, and has no module
  fs::copy_file(fs::path(HERALD_BINARY).parent_path() / "herald-pdf.so", site.dir() + "/usr/lib/herald/herald-pdf.so");
#endif
  auto stand_in = [&](const std::string& path, const std::string& name) {
    site.write(path, "#!/bin/sh\n# --site DIR --silent\nmkdir -p \"$2/pagefind\" && echo " + name + " > \"$2/pagefind/which\"\n");
    run_command("chmod +x " + site.dir() + "/" + path);
  };
  stand_in("usr/lib/herald/pagefind", "installed");
  stand_in("path/pagefind", "on-the-path");
  std::string herald = site.dir() + "/usr/bin/herald";
  auto r = run_command("cd " + site.dir() + " && env -u HERALD_PAGEFIND PATH=" + site.dir() + "/path:$PATH '" + herald +
                       "' build " + kNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(site.read("public/pagefind/which") == "installed\n");
  CHECK(site.read("public/briefings/neglect/neglect.pdf").starts_with("%PDF-"));

  // HERALD_PAGEFIND still comes first.
  r = run_command("cd " + site.dir() + " && HERALD_PAGEFIND=" + site.dir() + "/path/pagefind '" + herald + "' build " + kNow);
  REQUIRE(r.exit_code == 0);
  CHECK(site.read("public/pagefind/which") == "on-the-path\n");

  // Without the installed one, the one on the PATH.
  fs::remove(site.dir() + "/usr/lib/herald/pagefind");
  r = run_command("cd " + site.dir() + " && env -u HERALD_PAGEFIND PATH=" + site.dir() + "/path:$PATH '" + herald +
                  "' build " + kNow);
  REQUIRE(r.exit_code == 0);
  CHECK(site.read("public/pagefind/which") == "on-the-path\n");
}
