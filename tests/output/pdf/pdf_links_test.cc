// Link and image URLs of a page, resolved for its printed copy.
#include "output/pdf/pdf_links.h"

#include <doctest/doctest.h>

using herald::Config;
using herald::pdf::resolve_link;
using herald::pdf::site_file_path;

namespace {
Config site() {
  Config c;
  c.base_url = "https://safeguarding.northbrook.example/";
  return c;
}
}  // namespace

TEST_CASE("links become absolute addresses; anchors in the PDF become destinations") {
  Config c = site();
  const std::string page = "/newsletters/spring/";
  std::set<std::string> anchors = {"training-dates"};
  auto link = [&](const char* url) { return resolve_link(url, c, page, anchors); };
  CHECK(link("#training-dates")->destination == "training-dates");
  CHECK(link("#training-dates")->uri.empty());
  CHECK(link("#elsewhere")->uri == "https://safeguarding.northbrook.example/newsletters/spring/#elsewhere");
  CHECK(link("/about/")->uri == "https://safeguarding.northbrook.example/about/");
  CHECK(link("../summer/")->uri == "https://safeguarding.northbrook.example/newsletters/summer/");
  CHECK(link("form.docx?v=2#top")->uri ==
        "https://safeguarding.northbrook.example/newsletters/spring/form.docx?v=2#top");
  CHECK(link("https://example.org/a")->uri == "https://example.org/a");
  CHECK(link("mailto:office@northbrook.example")->uri == "mailto:office@northbrook.example");
  CHECK(link("tel:+441164960000")->uri == "tel:+441164960000");
  CHECK(link("//cdn.example/x")->uri == "https://cdn.example/x");
  CHECK_FALSE(link("").has_value());
  CHECK_FALSE(link("  ").has_value());
}

TEST_CASE("a URL a page may not link to is no link in the PDF") {
  Config c = site();
  std::set<std::string> anchors;
  for (const char* url : {"javascript:alert(1)", "file:///etc/passwd", "smb://server/share", "data:text/html,x",
                          "intent://x#Intent;end", "JAVASCRIPT:x", "java\tscript:x", "a:b"}) {
    CAPTURE(url);
    CHECK_FALSE(resolve_link(url, c, "/about/", anchors).has_value());
  }
}

TEST_CASE("image URLs map to the site's output paths, and only into the site") {
  Config c = site();
  const std::string page = "/newsletters/spring/";
  CHECK(site_file_path("/images/a.png", c, page) == "images/a.png");
  CHECK(site_file_path("photo.jpg", c, page) == "newsletters/spring/photo.jpg");
  CHECK(site_file_path("./photo%20one.jpg?x=1", c, page) == "newsletters/spring/photo one.jpg");
  CHECK(site_file_path("https://safeguarding.northbrook.example/images/b.png", c, page) == "images/b.png");
  CHECK(site_file_path("../../../../etc/passwd", c, page) == "etc/passwd");
  CHECK_FALSE(site_file_path("https://other.example/a.png", c, page).has_value());
  CHECK_FALSE(site_file_path("/images/", c, page).has_value());
  CHECK_FALSE(site_file_path("", c, page).has_value());
}
