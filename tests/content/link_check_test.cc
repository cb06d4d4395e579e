// Tests for content/link_check: links resolved as a browser does.
#include <doctest/doctest.h>

#include "content/link_check.h"

using herald::resolve_site_link;

TEST_CASE("a link is resolved from the page's folder, as a browser resolves it") {
  std::string fragment;
  CHECK(resolve_site_link("/briefings/sudi/", "photo.jpg") == "/briefings/sudi/photo.jpg");
  CHECK(resolve_site_link("/briefings/sudi/", "../neglect/") == "/briefings/neglect/");
  CHECK(resolve_site_link("/briefings/sudi/", "../../../../about/") == "/about/");
  CHECK(resolve_site_link("/briefings/sudi/", "./") == "/briefings/sudi/");
  CHECK(resolve_site_link("/briefings/sudi/", "..") == "/briefings/");
  CHECK(resolve_site_link("/", "about") == "/about");
  CHECK(resolve_site_link("/a/", "/contacts/?q=1#front-door", &fragment) == "/contacts/");
  CHECK(fragment == "front-door");
  CHECK(resolve_site_link("/a/", "#part", &fragment) == "/a/");
  CHECK(fragment == "part");
  CHECK(resolve_site_link("/a/", "My%20Report.pdf") == "/a/My Report.pdf");
  CHECK(resolve_site_link("/a/", "100%-sure") == "/a/100%-sure");
  CHECK_FALSE(resolve_site_link("/a/", "https://x.example/"));
  CHECK_FALSE(resolve_site_link("/a/", "//x.example/a"));
  CHECK_FALSE(resolve_site_link("/a/", "mailto:a@x.example"));
}
