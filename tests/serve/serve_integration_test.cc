// Integration: the real `herald serve` on a temporary site, driven over HTTP by cpp-httplib's client.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <optional>
#include <string>

#include "serve/serve_process.h"

using namespace herald::test;
using namespace std::chrono_literals;

namespace {

const char* const kBanner = "<strong>Preview — not published.</strong>";
const char* const kOverlay = "id=\"herald-error-overlay\"";

std::string about(const std::string& text) { return "---\ntitle: About us\n---\n\n" + text + "\n"; }

}  // namespace

TEST_CASE("herald serve previews the working tree, reloads on save, shows errors over the last good build and stops") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  // Uncommitted: only the working tree has it.
  site.write("content/pages/about.md", about("We are a partnership of the council, police and health."));

  // Declared before the server, so it is ended after the server has gone.
  std::optional<EventStream> events;
  ServeProcess serve(site.dir());
  int port = serve.wait_for_port();
  INFO("stderr of herald serve: " << serve.err());
  REQUIRE(port > 0);

  // A page: the working tree's text, the theme's banner, the preview's script.
  Reply page = get(port, "/about/");
  REQUIRE(page.status == 200);
  CHECK(page.type == "text/html; charset=utf-8");
  CHECK(page.cache == "no-store");
  CHECK(contains(page.body, "We are a partnership of the council, police and health."));
  CHECK(contains(page.body, kBanner));
  CHECK(contains(page.body, "<script src=\"/__herald/reload.js\" data-generation=\"1\" defer></script>"));
  CHECK(contains(page.body, "<link rel=\"stylesheet\" href=\"/__herald/preview.css\">"));
  CHECK(page.body.find("/__herald/reload.js") < page.body.find("</head>"));
  CHECK_FALSE(contains(page.body, kOverlay));

  Reply home = get(port, "/");
  CHECK(home.status == 200);
  CHECK(contains(home.body, "Welcome to the partnership."));
  CHECK(contains(home.body, kBanner));
  // A query string does not change which file is served.
  Reply with_query = get(port, "/?utm_source=newsletter&x=../../etc/passwd");
  CHECK(with_query.status == 200);
  CHECK(with_query.body == home.body);
  CHECK(get(port, "/index.html").body == home.body);

  // Files that are not HTML are served as built, with nothing added.
  Reply feed = get(port, "/feed.xml");
  CHECK(feed.status == 200);
  CHECK(feed.type == "application/xml; charset=utf-8");
  CHECK(contains(feed.body, "<rss version=\"2.0\""));
  CHECK_FALSE(contains(feed.body, "__herald"));
  CHECK_FALSE(contains(feed.body, "Preview"));
  Reply script = get(port, "/__herald/reload.js");
  CHECK(script.status == 200);
  CHECK(script.type == "text/javascript; charset=utf-8");
  CHECK(contains(script.body, "new EventSource("));
  Reply style = get(port, "/__herald/preview.css");
  CHECK(style.status == 200);
  CHECK(style.type == "text/css; charset=utf-8");
  CHECK(get(port, "/__herald/nothing").status == 404);

  // A folder without its slash is sent to the slash form.
  Reply folder = get(port, "/about");
  CHECK(folder.status == 301);
  CHECK(folder.location == "/about/");
  // Never to another site: "//host/…" is no folder of this one.
  Reply elsewhere = get(port, "//evil.example/about");
  CHECK(elsewhere.status == 404);
  CHECK(elsewhere.location.empty());
  Reply briefings = get(port, "/briefings");
  CHECK(briefings.status == 301);
  CHECK(briefings.location == "/briefings/");

  // Unknown paths and every way out of the site are the site's 404 page.
  site.write("secret.txt", "not for the web\n");
  for (const char* path : {"/no-such-page/", "/no-such-file.html", "/../etc/passwd", "/../../../../etc/passwd",
                           "/about/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                           "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/about/%2e%2e/%2e%2e/secret.txt",
                           "/%252e%252e%252fsecret.txt", "/..%5c..%5csecret.txt", "/.git/config", "/.git/HEAD",
                           "/%2egit/config", "//etc/passwd", "/./index.html", "/secret.txt", "/herald.yaml",
                           "/content/pages/about.md", "/index.html%00.png"}) {
    CAPTURE(path);
    Reply r = get(port, path);
    CHECK(r.status == 404);
    CHECK_FALSE(contains(r.body, "root:"));
    CHECK_FALSE(contains(r.body, "[core]"));
    CHECK_FALSE(contains(r.body, "refs/heads"));
    CHECK_FALSE(contains(r.body, "not for the web"));
    CHECK_FALSE(contains(r.body, "title: Testshire"));
  }
  Reply missing = get(port, "/no-such-page/");
  CHECK(missing.type == "text/html; charset=utf-8");
  CHECK(contains(missing.body, kBanner));
  CHECK(contains(missing.body, "/__herald/reload.js"));

  Status first = status(port);
  CHECK(first.generation == 1);
  CHECK(first.ok);
  CHECK(contains(first.json, "\"errors\": []"));

  // An open page's event stream: greeted, then told to reload after a save.
  events.emplace(port, 1);
  REQUIRE(wait_until([&] { return contains(events->text(), "event: hello\ndata: 1\n\n"); }));
  CHECK_FALSE(contains(events->text(), "event: reload"));

  site.write("content/pages/about.md", about("We are a partnership of six organisations."));
  REQUIRE(wait_until([&] { return contains(events->text(), "event: reload\ndata: "); }));
  Status edited = status(port);
  CHECK(edited.generation >= 2);
  CHECK(edited.ok);
  page = get(port, "/about/");
  CHECK(page.status == 200);
  CHECK(contains(page.body, "We are a partnership of six organisations."));
  CHECK_FALSE(contains(page.body, "council, police and health"));
  CHECK(contains(page.body, "data-generation=\"" + std::to_string(edited.generation) + "\""));
  CHECK_FALSE(contains(page.body, kOverlay));
  // A page served before the save connects and is told to reload at once.
  {
    auto c = client(port);
    std::string got;
    c.Get("/__herald/events?since=1", [&](const char* data, size_t size) {
      got.append(data, size);
      return !contains(got, "event: reload\n");
    });
    CHECK(contains(got, "event: hello\ndata: " + std::to_string(edited.generation) + "\n\n"));
    CHECK(contains(got, "event: reload\ndata: " + std::to_string(edited.generation) + "\n"));
  }

  // Broken front matter: the overlay with place and message, over the last good page.
  site.write("content/pages/about.md", "---\ntitle: About us\ntopics: [neglect\n---\n\nHalf-written.\n");
  Status broken;
  REQUIRE(wait_until([&] {
    broken = status(port);
    return !broken.ok && broken.generation > edited.generation;
  }));
  CHECK(contains(broken.json, "\"where\": \"content/pages/about.md:4:1\""));
  CHECK(contains(broken.json, "\"message\": \"error: invalid front matter: a list in [ ] is not closed: add the ] at its end, or put quotes around a value with a comma in it\""));
  CHECK(contains(broken.json, "\"site\": true"));
  REQUIRE(wait_until([&] { return contains(events->text(), "data: " + std::to_string(broken.generation) + "\n"); }));
  page = get(port, "/about/");
  CHECK(page.status == 200);
  CHECK(contains(page.body, kOverlay));
  CHECK(contains(page.body, "The preview could not be rebuilt: 1 error"));
  CHECK(contains(page.body, "<code class=\"herald-error-overlay__where\">content/pages/about.md:4:1</code>"));
  CHECK(contains(page.body,
                 "<p class=\"herald-error-overlay__message\">error: invalid front matter: a list in [ ] is not closed: "
                 "add the ] at its end, or put quotes around a value with a comma in it</p>"));
  CHECK(contains(page.body, "<pre class=\"herald-error-overlay__excerpt\">  ---\n  ^\n</pre>"));
  CHECK(contains(page.body, "We are a partnership of six organisations."));
  CHECK_FALSE(contains(page.body, "Half-written."));
  CHECK(contains(page.body, kBanner));
  // Every page shows it, not only the broken one.
  home = get(port, "/");
  CHECK(home.status == 200);
  CHECK(contains(home.body, kOverlay));
  CHECK(contains(home.body, "content/pages/about.md:4:1"));
  // The terminal says so too.
  CHECK(wait_until([&] {
    return contains(serve.err(), "content/pages/about.md:4:1: error: invalid front matter: a list in [ ] is not closed: add the ] at its end, or put quotes around a value with a comma in it");
  }));

  // Fixed: the overlay goes and the new text is there.
  site.write("content/pages/about.md", about("We are a partnership of seven organisations."));
  Status fixed;
  REQUIRE(wait_until([&] {
    fixed = status(port);
    return fixed.ok && fixed.generation > broken.generation;
  }));
  CHECK(contains(fixed.json, "\"errors\": []"));
  REQUIRE(wait_until([&] { return contains(events->text(), "data: " + std::to_string(fixed.generation) + "\n"); }));
  page = get(port, "/about/");
  CHECK(page.status == 200);
  CHECK(contains(page.body, "We are a partnership of seven organisations."));
  CHECK_FALSE(contains(page.body, kOverlay));
  CHECK_FALSE(contains(get(port, "/").body, kOverlay));

  // A new page appears; a removed one is gone.
  site.write("content/pages/contact.md", "---\ntitle: Contact us\n---\n\nWrite to us.\n");
  REQUIRE(wait_until([&] { return get(port, "/contact/").status == 200; }));
  CHECK(contains(get(port, "/contact/").body, "Write to us."));
  site.remove("content/pages/contact.md");
  REQUIRE(wait_until([&] { return get(port, "/contact/").status == 404; }));

  // The preview never writes public/.
  CHECK_FALSE(site.exists("public"));

  // SIGTERM with a page still open: a prompt, clean exit.
  CHECK_FALSE(events->ended());
  auto asked = Clock::now();
  REQUIRE(serve.signal(SIGTERM));
  std::optional<int> exit_status = serve.wait_exit(10s);
  REQUIRE(exit_status.has_value());
  CHECK(WIFEXITED(*exit_status));
  CHECK(WEXITSTATUS(*exit_status) == 0);
  CHECK(Clock::now() - asked < 5s);
  CHECK(contains(serve.err(), "herald: terminated: stopping the preview\n"));
  // The open event stream was ended by the server.
  CHECK(wait_until([&] { return events->ended(); }, 10s));
  CHECK(get(port, "/").status == 0);
}

TEST_CASE("herald serve before any good build: every page is the overlay until the error is fixed") {
  TempSite site;
  site.write_minimal_site();
  site.commit("site");
  site.write("content/pages/about.md", "---\ntitle: About us\ntopics: [neglect\n---\n\n<b>Half</b>-written.\n");
  ServeProcess serve(site.dir());
  int port = serve.wait_for_port();
  INFO("stderr of herald serve: " << serve.err());
  REQUIRE(port > 0);

  for (const char* path : {"/", "/about/", "/no-such-page/"}) {
    CAPTURE(path);
    Reply r = get(port, path);
    CHECK(r.status == 503);
    CHECK(r.type == "text/html; charset=utf-8");
    CHECK(contains(r.body, "<title>Preview – the site could not be built</title>"));
    CHECK(contains(r.body, "<code class=\"herald-error-overlay__where\">content/pages/about.md:4:1</code>"));
    CHECK(contains(r.body, "error: invalid front matter: a list in [ ] is not closed: add the ] at its end, or put quotes around a value with a comma in it"));
    CHECK(contains(r.body, "<script src=\"/__herald/reload.js\" data-generation=\"1\" defer></script>"));
  }
  Status before = status(port);
  CHECK(before.generation == 1);
  CHECK_FALSE(before.ok);
  CHECK(contains(before.json, "\"site\": false"));

  site.write("content/pages/about.md", about("Now complete."));
  REQUIRE(wait_until([&] { return status(port).ok; }));
  Reply page = get(port, "/about/");
  CHECK(page.status == 200);
  CHECK(contains(page.body, "Now complete."));
  CHECK(contains(page.body, kBanner));
  CHECK_FALSE(contains(page.body, kOverlay));

  REQUIRE(serve.signal(SIGINT));
  std::optional<int> exit_status = serve.wait_exit(10s);
  REQUIRE(exit_status.has_value());
  CHECK(WIFEXITED(*exit_status));
  CHECK(WEXITSTATUS(*exit_status) == 0);
  CHECK(contains(serve.err(), "herald: interrupted: stopping the preview\n"));
}

TEST_CASE("herald serve shows drafts only with --drafts, and says when its port is taken") {
  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/plans.md", "---\ntitle: Our plans\ndraft: true\n---\n\nNot yet agreed.\n");
  site.commit("site");
  {
    ServeProcess serve(site.dir());
    int port = serve.wait_for_port();
    INFO(serve.err());
    REQUIRE(port > 0);
    CHECK(get(port, "/plans/").status == 404);
    CHECK(get(port, "/about/").status == 200);
    // A second preview on a port in use says so and ends.
    auto taken = herald::test::run_command(std::string("timeout 20 '") + HERALD_BINARY + "' serve --repo '" +
                                           site.dir() + "' --port " + std::to_string(port));
    CHECK(taken.exit_code == 2);
    CHECK(contains(taken.err, "error: cannot listen on 127.0.0.1:" + std::to_string(port) + " ("));
    CHECK(taken.out.empty());
  }
  ServeProcess serve(site.dir(), {"--drafts"});
  int port = serve.wait_for_port();
  INFO(serve.err());
  REQUIRE(port > 0);
  Reply plans = get(port, "/plans/");
  CHECK(plans.status == 200);
  CHECK(contains(plans.body, "Not yet agreed."));
}

TEST_CASE("herald serve refuses what it cannot preview, with status 2") {
  // Bounded by timeout(1), in case it started serving after all.
  std::string herald = std::string("timeout 20 '") + HERALD_BINARY + "' serve";
  auto not_repo = herald::test::run_command(herald + " --repo /nonexistent/herald-serve-test --port 0");
  CHECK(not_repo.exit_code == 2);
  CHECK(contains(not_repo.err, "error: "));
  CHECK(not_repo.out.empty());
  auto bad_port = herald::test::run_command(herald + " --port 70000");
  CHECK(bad_port.exit_code == 2);
  CHECK(bad_port.out.empty());
}

TEST_CASE("herald serve previews every language: /cy/ pages, rebuilt and reloaded on a save of a .cy.md file") {
  TempSite site;
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, "languages: [en-GB, cy]\n");
  site.write("herald.yaml", config);
  site.write("content/_index.cy.md", "---\ntitle: Croeso\n---\n\nCroeso i'r bartneriaeth.\n");
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPartneriaeth o chwe sefydliad.\n");
  site.commit("bilingual");

  std::optional<EventStream> events;
  ServeProcess serve(site.dir());
  int port = serve.wait_for_port();
  INFO("stderr of herald serve: " << serve.err());
  REQUIRE(port > 0);

  // The Welsh pages, with the preview's banner and script like any other.
  Reply amdanom = get(port, "/cy/amdanom/");
  REQUIRE(amdanom.status == 200);
  CHECK(amdanom.type == "text/html; charset=utf-8");
  CHECK(contains(amdanom.body, "<html lang=\"cy\""));
  CHECK(contains(amdanom.body, "Partneriaeth o chwe sefydliad."));
  CHECK(contains(amdanom.body, "<strong>Rhagolwg — heb ei gyhoeddi.</strong>"));  // the banner, in Welsh
  CHECK(contains(amdanom.body, "<script src=\"/__herald/reload.js\" data-generation=\"1\" defer></script>"));
  // Its language switch leads to the English page, which the preview serves too.
  CHECK(contains(amdanom.body, "href=\"../../about/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"));
  CHECK(contains(get(port, "/about/").body, "href=\"../cy/amdanom/\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"));
  Reply home = get(port, "/cy/");
  CHECK(home.status == 200);
  CHECK(contains(home.body, "bartneriaeth."));
  CHECK(contains(home.body, "/__herald/reload.js"));
  CHECK(get(port, "/cy/newsletters/").status == 200);
  Reply folder = get(port, "/cy/amdanom");
  CHECK(folder.status == 301);
  CHECK(folder.location == "/cy/amdanom/");
  Reply cy = get(port, "/cy");
  CHECK(cy.status == 301);
  CHECK(cy.location == "/cy/");
  CHECK(get(port, "/cy/no-such-page/").status == 404);
  CHECK(get(port, "/cy/feed.xml").status == 200);

  // A save of the Welsh file: rebuilt, the open page told to reload, the new text served.
  events.emplace(port, 1);
  REQUIRE(wait_until([&] { return contains(events->text(), "event: hello\ndata: 1\n\n"); }));
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nPartneriaeth o saith sefydliad.\n");
  REQUIRE(wait_until([&] { return contains(events->text(), "event: reload\ndata: "); }));
  Status edited = status(port);
  CHECK(edited.generation >= 2);
  CHECK(edited.ok);
  amdanom = get(port, "/cy/amdanom/");
  CHECK(contains(amdanom.body, "Partneriaeth o saith sefydliad."));
  CHECK_FALSE(contains(amdanom.body, "chwe sefydliad"));
  CHECK(contains(amdanom.body, "data-generation=\"" + std::to_string(edited.generation) + "\""));

  // A Welsh file's error: the overlay on the Welsh pages and the English, over the last good build.
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\ntopics: [esgeulustod\n---\n\nHanner.\n");
  Status broken;
  REQUIRE(wait_until([&] {
    broken = status(port);
    return !broken.ok && broken.generation > edited.generation;
  }));
  CHECK(contains(broken.json, "\"where\": \"content/pages/about.cy.md:4:1\""));
  amdanom = get(port, "/cy/amdanom/");
  CHECK(contains(amdanom.body, kOverlay));
  CHECK(contains(amdanom.body, "Partneriaeth o saith sefydliad."));
  CHECK(contains(get(port, "/about/").body, kOverlay));

  // A new Welsh page appears; a slug changed moves it.
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: pwy-ydym-ni\n---\n\nPartneriaeth.\n");
  REQUIRE(wait_until([&] { return get(port, "/cy/pwy-ydym-ni/").status == 200; }));
  CHECK(get(port, "/cy/amdanom/").status == 404);
  CHECK(contains(get(port, "/about/").body, "href=\"../cy/pwy-ydym-ni/\" hreflang=\"cy\""));
  CHECK_FALSE(site.exists("public"));
}
