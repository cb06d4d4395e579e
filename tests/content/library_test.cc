// Tests for content/library: publication decisions, URL clashes, manuals and taxonomies.
#include <doctest/doctest.h>

#include "content/library.h"
#include "git/repository.h"

using namespace herald;

namespace {

Page page(Kind kind, const std::string& slug, const std::string& path, int64_t date = 0) {
  Page p;
  p.kind = kind;
  p.slug = slug;
  p.source_path = path;
  p.title = slug;
  if (date) p.date = DateTime{date, 0, false};
  p.first_commit = date ? date : 1000;
  return p;
}

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(format_location(d.where) + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("drafts, scheduled and expired pages are withheld") {
  Page p = page(Kind::page, "a", "content/pages/a.md", 2000);
  decide_publication(p, 3000, false);
  CHECK(p.published);
  p.draft = true;
  decide_publication(p, 3000, false);
  CHECK_FALSE(p.published);
  CHECK(p.withheld_reason == "draft");
  decide_publication(p, 3000, true);
  CHECK(p.published);
  p.draft = false;
  decide_publication(p, 1500, false);
  CHECK(p.withheld_reason == "scheduled");
  p.expires = DateTime{2500, 0, false};
  decide_publication(p, 2500, false);
  CHECK(p.withheld_reason == "expired");
}

TEST_CASE("lists are newest first; topics group pages across kinds") {
  Library lib;
  lib.config.review_types = builtin_review_types();
  lib.pages.push_back(page(Kind::briefing, "old", "content/briefings/old.md", 1000));
  lib.pages.push_back(page(Kind::briefing, "new", "content/briefings/new.md", 5000));
  lib.pages.push_back(page(Kind::newsletter, "news", "content/newsletters/news.md", 3000));
  lib.pages[0].topics = {"Domestic abuse"};
  lib.pages[1].topics = {"domestic-abuse", "Neglect"};
  lib.pages[2].topics = {"Domestic abuse"};
  lib.pages[0].review_type = lib.pages[1].review_type = "sar";
  Diagnostics diags;
  assemble(lib, {}, diags);
  CHECK(messages(diags).empty());
  REQUIRE(lib.briefings.size() == 2);
  CHECK(lib.briefings[0]->slug == "new");
  REQUIRE(lib.topics.size() == 2);
  CHECK(lib.topics[0].key == "domestic-abuse");
  CHECK(lib.topics[0].pages.size() == 3);
  CHECK(lib.topics[0].pages[0]->slug == "new");
  REQUIRE(lib.review_types.size() == 1);
  CHECK(lib.review_types[0].name == "Safeguarding Adults Review");
  CHECK(lib.find_page("/briefings/new/") == &lib.pages[1]);
}

TEST_CASE("a page that names a topic twice, spelled two ways, is listed once under it") {
  Library lib;
  lib.pages.push_back(page(Kind::briefing, "one", "content/briefings/one.md", 1000));
  lib.pages.push_back(page(Kind::briefing, "two", "content/briefings/two.md", 2000));
  lib.pages[0].topics = {"Self-neglect", "self neglect", "Hoarding"};
  lib.pages[1].topics = {"self neglect"};
  lib.pages[0].audience = {"practitioners", "practitioners"};
  Diagnostics diags;
  assemble(lib, {}, diags);
  REQUIRE(lib.topics.size() == 2);
  CHECK(lib.topics[0].key == "hoarding");
  CHECK(lib.topics[1].key == "self-neglect");
  CHECK(lib.topics[1].name == "self neglect");  // as the newest page writes it
  REQUIRE(lib.topics[1].pages.size() == 2);
  CHECK(lib.topics[1].pages[0]->slug == "two");
  CHECK(lib.topics[1].pages[1]->slug == "one");
  REQUIRE(lib.audiences.size() == 1);
  CHECK(lib.audiences[0].pages.size() == 1);
}

TEST_CASE("a page may not take a URL herald writes, nor one another page has") {
  Library lib;
  lib.pages.push_back(page(Kind::page, "contacts", "content/pages/contacts.md"));
  lib.pages.push_back(page(Kind::page, "newsletters", "content/pages/newsletters.md"));
  lib.pages.push_back(page(Kind::page, "pagefind", "content/pages/pagefind.md"));
  lib.pages.push_back(page(Kind::page, "about", "content/pages/about.md"));
  lib.pages.push_back(page(Kind::page, "about", "content/pages/team.md"));
  Diagnostics diags;
  assemble(lib, {}, diags);
  CHECK(messages(diags) == std::vector<std::string>{
            "content/pages/contacts.md:1:1: the page would replace herald's own '/contacts/' page: choose another "
            "file name or slug",
            "content/pages/newsletters.md:1:1: the page would replace herald's own '/newsletters/' page: choose "
            "another file name or slug",
            "content/pages/pagefind.md:1:1: the page would replace a page inside '/pagefind/', herald's folder of "
            "the search index: choose another file name or slug",
            "content/pages/team.md:1:1: two sources write the same URL '/about/': content/pages/about.md and "
            "content/pages/team.md"});
}

TEST_CASE("an alias may not take anything a build writes: an error at the alias, which is not written") {
  Library lib;
  lib.config.review_types = builtin_review_types();
  Page about = page(Kind::page, "about", "content/pages/about.md");
  about.pdf = true;
  lib.pages.push_back(about);
  Page team = page(Kind::page, "team", "content/pages/team.md");
  const std::vector<std::string> aliases = {
      "/about/",      "/feed.xml",  "/robots.txt", "/sitemap.xml", "/pagefind/pagefind.js", "/pagefind/",
      "/assets/herald.css", "/contacts/front-door.vcf", "/about/about.pdf", "/images/logo.png", "/topics/neglect/",
      "/",            "/old/team/", "/old/team",   "/briefings/feed.json", "/embed/", "/old/ok.html"};
  for (size_t i = 0; i < aliases.size(); ++i) {
    team.aliases.push_back(aliases[i]);
    team.aliases_at.push_back({team.source_path, static_cast<int>(i + 3), 3});
  }
  team.topics = {"neglect"};
  lib.pages.push_back(team);
  Diagnostics contacts_diags;
  lib.contacts = std::make_shared<ContactDirectory>(ContactDirectory::parse(
      "- id: front-door\n  name: Front door\n  phones: [\"0116 496 0000\"]\n", "data/contacts.yaml",
      TimeZone("Europe/London"), contacts_diags));
  std::vector<SourceFile> files(1);
  files[0].path = "static/images/logo.png";
  files[0].content = "PNG";
  Diagnostics diags;
  AssembleInput input;
  input.files = &files;
  assemble(lib, input, diags);
  const std::string taken = ": an alias cannot take an address the site already uses";
  CHECK(messages(diags) == std::vector<std::string>{
            "content/pages/team.md:3:3: alias '/about/' would replace the page content/pages/about.md" + taken,
            "content/pages/team.md:4:3: alias '/feed.xml' would replace herald's RSS feed '/feed.xml'" + taken,
            "content/pages/team.md:5:3: alias '/robots.txt' would replace herald's '/robots.txt' for search engines" +
                taken,
            "content/pages/team.md:6:3: alias '/sitemap.xml' would replace herald's site map '/sitemap.xml'" + taken,
            "content/pages/team.md:7:3: alias '/pagefind/pagefind.js' is inside '/pagefind/', herald's folder of the "
            "search index: an alias cannot be there",
            "content/pages/team.md:8:3: alias '/pagefind/' is inside '/pagefind/', herald's folder of the search "
            "index: an alias cannot be there",
            "content/pages/team.md:9:3: alias '/assets/herald.css' is inside '/assets/', herald's folder of the "
            "theme's styles and scripts: an alias cannot be there",
            "content/pages/team.md:10:3: alias '/contacts/front-door.vcf' would replace the vCard of contact "
            "'front-door'" + taken,
            "content/pages/team.md:11:3: alias '/about/about.pdf' would replace the PDF of content/pages/about.md" +
                taken,
            "content/pages/team.md:12:3: alias '/images/logo.png' would replace the file static/images/logo.png" +
                taken,
            "content/pages/team.md:13:3: alias '/topics/neglect/' would replace herald's own '/topics/neglect/' page" +
                taken,
            "content/pages/team.md:14:3: alias '/' would replace herald's own '/' page" + taken,
            "content/pages/team.md:16:3: alias '/old/team' would replace an alias of content/pages/team.md" + taken,
            "content/pages/team.md:17:3: alias '/briefings/feed.json' would replace herald's JSON feed "
            "'/briefings/feed.json'" + taken,
            "content/pages/team.md:18:3: alias '/embed/' is inside '/embed/', herald's folder of pages for "
            "partners' sites: an alias cannot be there",
        });
  CHECK(lib.pages[1].aliases == std::vector<std::string>{"/old/team/", "/old/ok.html"});
  CHECK(lib.pages[1].aliases_at.size() == 2);
  CHECK(lib.pages[1].aliases_at[1].line == 19);
}

TEST_CASE("chapters without a manual index are an error; chapters sort by order") {
  Library lib;
  Page index = page(Kind::manual, "children", "content/procedures/children/_index.md");
  index.manual = "children";
  lib.pages.push_back(index);
  for (auto [slug, order] : {std::pair{"b", 2}, std::pair{"a", 1}}) {
    Page c = page(Kind::chapter, slug, std::string("content/procedures/children/") + slug + ".md");
    c.manual = "children";
    c.order = order;
    lib.pages.push_back(c);
  }
  Page orphan = page(Kind::chapter, "x", "content/procedures/adults/x.md");
  orphan.manual = "adults";
  lib.pages.push_back(orphan);
  Diagnostics diags;
  assemble(lib, {}, diags);
  REQUIRE(lib.manuals.size() == 1);
  CHECK(lib.manuals[0].chapters[0]->slug == "a");
  CHECK(messages(diags) == std::vector<std::string>{
            "content/procedures/adults/x.md:1:1: manual 'adults' has no content/procedures/adults/_index.md giving its title"});
}

TEST_CASE("logo must be a published file of static/ in the commit") {
  auto check = [](const std::string& logo) {
    Library lib;
    lib.config.logo = logo;
    lib.config.logo_at = {"herald.yaml", 6, 7};
    std::vector<SourceFile> files(2);
    files[0].path = "static/logo.svg";
    files[1].path = "static/.logo.svg";
    Diagnostics diags;
    AssembleInput input;
    input.files = &files;
    assemble(lib, input, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.sorted())
      if (d.severity == Severity::error) out.push_back(format_location(d.where) + ": " + d.message);
    return out;
  };
  CHECK(check("static/logo.svg").empty());
  CHECK(check("").empty());
  CHECK(check("../x.svg") == std::vector<std::string>{"herald.yaml:6:7: logo '../x.svg' must be a file of the "
                                                      "site's static/ folder, written like static/logo.svg"});
  CHECK(check("logo.svg") == std::vector<std::string>{"herald.yaml:6:7: logo 'logo.svg' must be a file of the "
                                                      "site's static/ folder, written like static/logo.svg"});
  CHECK(check("static/../herald.yaml") ==
        std::vector<std::string>{"herald.yaml:6:7: logo 'static/../herald.yaml' is not a file of this commit: add "
                                 "and commit it, or correct the name"});
  CHECK(check("static/.logo.svg") ==
        std::vector<std::string>{"herald.yaml:6:7: logo 'static/.logo.svg' is not published (see the message at "
                                 "that file): choose another file"});
}
