// `herald check --external`: the site's links to other sites asked for, against HTTP servers the test starts.
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/local_server.h"
#include "support/site_builder.h"

using herald::test::contains;
using herald::test::LocalServer;
using herald::test::TempSite;

TEST_CASE("check --external warns at each place a dead link is used, and keeps the results for a day") {
  LocalServer server;
  // A port nothing listens on.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  std::string refused = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/";

  TempSite site;
  site.write_minimal_site();
  site.write("content/pages/links.md", "---\ntitle: Links\n---\n\n[Fine](" + server.url("/ok") + "),\n[moved](" +
                                           server.url("/moved") + "),\n[gone](" + server.url("/gone") +
                                           "),\n[broken](" + server.url("/broken") + ")\nand [refused](" + refused +
                                           ").\n");
  site.write("content/pages/again.md", "---\ntitle: Again\n---\n\nThe [same gone page](" + server.url("/gone") + ").\n");
  site.write("data/contacts.yaml",
             "- id: front-door\n  name: Children's Front Door\n  urgent: true\n  phones:\n    - number: \"0116 496 0000\"\n"
             "  url: " + server.url("/get-only") + "\n");
  site.commit("links");

  // A build never asks.
  auto build = site.herald("build --now 2024-07-01T12:00:00");
  CHECK(build.exit_code == 0);
  CHECK_FALSE(contains(build.err, "leads nowhere"));

  auto r = site.herald("check --external --now 2024-07-01T12:00:00");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/pages/links.md:7:1: warning: the link to " + server.url("/gone") +
                            " leads nowhere: the server answered 404 (not found)\n"));
  CHECK(contains(r.err, "content/pages/again.md:5:5: warning: the link to " + server.url("/gone") +
                            " leads nowhere: the server answered 404 (not found)\n"));
  CHECK(contains(r.err, "content/pages/links.md:8:1: warning: the link to " + server.url("/broken") +
                            " leads nowhere: the server answered 500 (the server failed)\n"));
  CHECK(contains(r.err, "content/pages/links.md:9:5: warning: the link to " + refused + " leads nowhere: "));
  CHECK_FALSE(contains(r.err, server.url("/ok") + " leads"));
  CHECK_FALSE(contains(r.err, server.url("/moved") + " leads"));
  CHECK_FALSE(contains(r.err, "get-only"));
  CHECK(contains(r.err, "herald: 6 links to other sites checked (6 asked now, the rest from the last day's results): "
                        "3 lead nowhere\n"));
  // Within the day, from the build cache: the same warnings, nothing asked.
  auto again = site.herald("check --external --now 2024-07-01T12:00:00");
  CHECK(contains(again.err, "(0 asked now, the rest from the last day's results): 3 lead nowhere\n"));
  CHECK(contains(again.err, "content/pages/again.md:5:5: warning: the link to " + server.url("/gone")));
  // --strict makes them errors.
  CHECK(site.herald("check --external --strict --now 2024-07-01T12:00:00").exit_code == 1);
}

TEST_CASE("check --external asks for the links of every language's pages") {
  LocalServer server;
  TempSite site;
  site.write_minimal_site();
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, "languages: [en-GB, cy]\n");
  site.write("herald.yaml", config);
  site.write("content/pages/about.md", "---\ntitle: About us\n---\n\nSee [our partners](" + server.url("/ok") + ").\n");
  site.write("content/pages/about.cy.md", "---\ntitle: Amdanom ni\nslug: amdanom\n---\n\nGweler [ein partneriaid](" +
                                              server.url("/gone") + ").\n");
  site.commit("bilingual links");
  auto r = site.herald("check --external --now 2024-07-01T12:00:00");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "content/pages/about.cy.md:6:8: warning: the link to " + server.url("/gone") +
                            " leads nowhere: the server answered 404 (not found)\n"));
  CHECK_FALSE(contains(r.err, server.url("/ok") + " leads"));
  CHECK(contains(r.err, "herald: 2 links to other sites checked (2 asked now, the rest from the last day's results): "
                        "1 lead nowhere\n"));
}
