// Tests for serve/request_path: request paths to files of the built site, refusing anything outside it.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "serve/request_path.h"

using namespace herald;

TEST_CASE("a request path maps to the output file it asks for") {
  CHECK(site_file_for("/") == std::optional<std::string>("index.html"));
  CHECK(site_file_for("/feed.xml") == std::optional<std::string>("feed.xml"));
  CHECK(site_file_for("/assets/herald.css") == std::optional<std::string>("assets/herald.css"));
  CHECK(site_file_for("/briefings/sudi/index.html") == std::optional<std::string>("briefings/sudi/index.html"));
  // Names with dots that are not "." or ".." are ordinary files.
  CHECK(site_file_for("/.well-known/security.txt") == std::optional<std::string>(".well-known/security.txt"));
  CHECK(site_file_for("/a..b/c.") == std::optional<std::string>("a..b/c."));
  CHECK(site_file_for("/...") == std::optional<std::string>("..."));
  CHECK(site_file_for("/.gitignore") == std::optional<std::string>(".gitignore"));
  CHECK(site_file_for("/git/x") == std::optional<std::string>("git/x"));
}

TEST_CASE("a folder is its index.html; without the slash it is the folder's name") {
  CHECK(site_file_for("/briefings/") == std::optional<std::string>("briefings/index.html"));
  CHECK(site_file_for("/procedures/children/") == std::optional<std::string>("procedures/children/index.html"));
  // The server redirects "/briefings" to "/briefings/": the name itself is a
  // plain (usually missing) file here, not the folder's index.
  CHECK(site_file_for("/briefings") == std::optional<std::string>("briefings"));
}

TEST_CASE("paths that could leave the site are refused") {
  for (const char* path : {"/..", "/../", "/../etc/passwd", "/a/../b", "/a/..", "/a/../../etc/passwd",
                           "/.", "/./", "/./index.html", "/a/./b", "/a/.",
                           // empty segments
                           "//", "//etc/passwd", "/a//b", "/a//",
                           // backslashes, as Windows paths
                           "/a\\b", "/..\\..\\etc\\passwd", "/\\",
                           // the repository
                           "/.git", "/.git/", "/.git/config", "/a/.git/HEAD", "/a/.git"}) {
    CAPTURE(path);
    CHECK_FALSE(site_file_for(path).has_value());
  }
}

TEST_CASE("a request path must be absolute and free of control characters") {
  CHECK_FALSE(site_file_for("").has_value());
  CHECK_FALSE(site_file_for("index.html").has_value());
  CHECK_FALSE(site_file_for("../etc/passwd").has_value());
  CHECK_FALSE(site_file_for(std::string("/index.html\0.png", 16)).has_value());
  CHECK_FALSE(site_file_for(std::string("/\0", 2)).has_value());
  CHECK_FALSE(site_file_for("/a\nb").has_value());
  CHECK_FALSE(site_file_for("/a\rb").has_value());
  CHECK_FALSE(site_file_for("/a\tb").has_value());
  CHECK_FALSE(site_file_for("/a\x7f").has_value());
  CHECK_FALSE(site_file_for("/\x1b[31m").has_value());
  // UTF-8 (bytes above 0x7f) is allowed: page names may be non-ASCII.
  CHECK(site_file_for("/caf\xC3\xA9/") == std::optional<std::string>("caf\xC3\xA9/index.html"));
}

TEST_CASE("the path is decoded once by the server, never again here") {
  // "%2e%2e%2f" sent encoded twice arrives as "%2e%2e%2f" after the server's
  // one decoding: it stays a file name that no build writes.
  CHECK(site_file_for("/%2e%2e%2fetc%2fpasswd") == std::optional<std::string>("%2e%2e%2fetc%2fpasswd"));
  CHECK(site_file_for("/%2E%2E/x") == std::optional<std::string>("%2E%2E/x"));
  CHECK(site_file_for("/a%5cb") == std::optional<std::string>("a%5cb"));
  CHECK(site_file_for("/%00") == std::optional<std::string>("%00"));
  // Once decoded, the same requests are refused.
  CHECK_FALSE(site_file_for("/../etc/passwd").has_value());
  CHECK_FALSE(site_file_for("/a\\b").has_value());
}

TEST_CASE("the query string is the server's business: only the path is looked up") {
  // The server passes the path without "?…"; were a query ever passed, it
  // would be part of a (missing) file name, never a way out of the site.
  CHECK(site_file_for("/index.html?x=1") == std::optional<std::string>("index.html?x=1"));
  CHECK_FALSE(site_file_for("/../?x=1").has_value());
  CHECK_FALSE(site_file_for("/?x=/../../etc/passwd").has_value());
}

TEST_CASE("the Content-Type comes from the extension") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("briefings/sudi/index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("INDEX.HTML") == "text/html; charset=utf-8");
  CHECK(content_type_for("assets/herald.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("assets/app.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("assets/app.mjs") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("search/index.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("feed.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("events/conference.ics") == "text/calendar; charset=utf-8");
  CHECK(content_type_for("contacts/front-door.vcf") == "text/vcard; charset=utf-8");
  CHECK(content_type_for("logo.svg") == "image/svg+xml");
  CHECK(content_type_for("logo.PNG") == "image/png");
  CHECK(content_type_for("photo.jpg") == "image/jpeg");
  CHECK(content_type_for("photo.jpeg") == "image/jpeg");
  CHECK(content_type_for("favicon.ico") == "image/x-icon");
  CHECK(content_type_for("briefings/sudi/sudi.pdf") == "application/pdf");
  CHECK(content_type_for("fonts/a.woff2") == "font/woff2");
  CHECK(content_type_for("fonts/a.woff") == "font/woff");
  CHECK(content_type_for("manifest.webmanifest") == "application/manifest+json");
  CHECK(content_type_for("data.csv") == "text/csv; charset=utf-8");
  // Nothing the browser could be talked into running or rendering as a page.
  CHECK(content_type_for("README") == "application/octet-stream");
  CHECK(content_type_for("archive.tar.gz") == "application/octet-stream");
  CHECK(content_type_for("page.html.bak") == "application/octet-stream");
  CHECK(content_type_for("html") == "application/octet-stream");
  CHECK(content_type_for("") == "application/octet-stream");
}
