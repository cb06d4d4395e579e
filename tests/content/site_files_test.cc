// Tests for content/site_files: herald's own list of its files is what a build writes.
#include "content/site_files.h"

#include <doctest/doctest.h>

#include <set>

#include "commands/pipeline.h"
#include "support/site_builder.h"

using namespace herald;
using herald::test::TempSite;

TEST_CASE("site files: where PDFs and redirects go") {
  Page p;
  p.url = "/briefings/sudi/";
  p.slug = "sudi";
  CHECK(pdf_output_path(p) == "briefings/sudi/sudi.pdf");
  CHECK(alias_output_path("/old/") == "old/index.html");
  CHECK(alias_output_path("/old") == "old/index.html");
  CHECK(alias_output_path("/old.html") == "old.html");
  CHECK(alias_output_path("/") == "index.html");
  CHECK(herald_folder_of("pagefind/pagefind.js")->path == "pagefind/");
  CHECK(herald_folder_of("pagefind/index.html"));
  CHECK(herald_folder_of("assets"));
  CHECK_FALSE(herald_folder_of("pagefinder/index.html"));
  CHECK_FALSE(herald_folder_of("about/assets/x.png"));
}

TEST_CASE("site files: every file a build writes is herald's own (listed), a page's, a PDF, a file or a redirect") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/about.md", "---\ntitle: About us\naliases: [/who-we-are/, /old.html]\npdf: true\n---\n\nWho.\n");
  site.write("content/newsletters/summer/index.md",
             "---\ntitle: Summer\ndate: 2024-06-01\ntopics: [neglect]\naudience: [adults]\n---\n\n![A meeting](photo.png)\n");
  site.write("content/newsletters/summer/photo.png", "PNGDATA");
  site.write("static/images/logo.png", "LOGODATA");
  site.commit("the site");
  BuildOptions options;
  options.repo = site.dir();
  options.now = "2024-07-01T12:00:00";
  options.write = false;
  Diagnostics diags;
  BuildResult result = run_pipeline(options, diags);
  INFO(diags.format_all());
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(result.library);
  const Library& lib = *result.library;

  std::set<std::string> written;
  for (const OutputFile& f : result.files) written.insert(f.path);
  std::set<std::string> listed;
  list_herald_files(lib, [&](std::string path, std::string what) {
    CHECK_FALSE(what.empty());
    listed.insert(path);
  });
  for (const std::string& path : listed) {
    CAPTURE(path);
    CHECK(written.count(path));
  }
  std::set<std::string> others;
  for (const Page& p : lib.pages) {
    if (!p.published) continue;
    if (p.kind != Kind::home && p.kind != Kind::section) others.insert(p.url.substr(1) + "index.html");
    if (p.pdf && p.kind != Kind::home && p.kind != Kind::section) others.insert(pdf_output_path(p));
    for (const std::string& alias : p.aliases) others.insert(alias_output_path(alias));
  }
  for (const StaticFile& f : lib.static_files) others.insert(f.output_path);
  CHECK(others.count("who-we-are/index.html"));
  CHECK(others.count("about/about.pdf"));
  CHECK(others.count("newsletters/summer/photo.png"));
  for (const std::string& path : written) {
    CAPTURE(path);
    CHECK((listed.count(path) || others.count(path) || herald_folder_of(path)));
  }
  CHECK(listed.count("topics/neglect/feed.json"));
  CHECK(listed.count("audience/adults/index.html"));
  CHECK(listed.count("contacts/front-door.vcf"));
  CHECK(listed.count("events/conference/conference.ics"));
}
