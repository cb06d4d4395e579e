// Tests for content/library: publication decisions, URL clashes, manuals and taxonomies.
#include <doctest/doctest.h>

#include "content/library.h"

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

TEST_CASE("a page may not take a URL herald writes, nor one another page or alias has") {
  Library lib;
  lib.pages.push_back(page(Kind::page, "contacts", "content/pages/contacts.md"));
  lib.pages.push_back(page(Kind::page, "about", "content/pages/about.md"));
  lib.pages.push_back(page(Kind::page, "team", "content/pages/team.md"));
  lib.pages[2].aliases = {"/about/"};
  Diagnostics diags;
  assemble(lib, {}, diags);
  CHECK(messages(diags) == std::vector<std::string>{
            "content/pages/contacts.md:1:1: the page would replace herald's own '/contacts/' page: choose another "
            "file name or slug",
            "content/pages/team.md:1:1: two sources write the same URL '/about/': content/pages/about.md and "
            "content/pages/team.md"});
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
