// Tests for external/url_checker: real requests to HTTP servers the test starts on this machine.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "external/url_checker.h"
#include "support/local_server.h"

using namespace herald;
using herald::test::LocalServer;

namespace {

/// A port nothing listens on.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace

TEST_CASE("each URL's status, after redirects; network errors said; HEAD refused is asked again with GET") {
  LocalServer server;
  UrlCheckLimits limits;
  limits.timeout_ms = 1000;
  std::string refused = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
  auto results = check_urls({server.url("/ok"), server.url("/moved"), server.url("/gone"), server.url("/broken"),
                             server.url("/loop"), server.url("/slow"), server.url("/get-only"), refused},
                            limits);
  REQUIRE(results.size() == 8);
  CHECK(results[0].url == server.url("/ok"));
  CHECK(results[0].ok());
  CHECK(results[0].status == 200);
  CHECK(results[1].ok());  // 301 to /ok
  CHECK(results[2].status == 404);
  CHECK_FALSE(results[2].ok());
  CHECK(results[2].error.empty());
  CHECK(results[3].status == 500);
  CHECK_FALSE(results[4].ok());
  CHECK(results[4].error == "Maximum (5) redirects followed");
  CHECK_FALSE(results[5].ok());
  CHECK(results[5].status == 0);
  CHECK(results[5].error.find("Operation timed out") == 0);
  CHECK(results[6].ok());
  CHECK(server.gets() == 1);
  CHECK_FALSE(results[7].ok());
  CHECK(results[7].error.find("Failed to connect") == 0);
}

TEST_CASE("at most so many requests at once to one host") {
  LocalServer server;
  std::vector<std::string> urls;
  for (int i = 0; i < 8; ++i) urls.push_back(server.url("/count?n=" + std::to_string(i)));
  UrlCheckLimits limits;
  auto results = check_urls(urls, limits);
  for (const UrlStatus& r : results) CHECK(r.ok());
  CHECK(server.most_at_once() == 2);
  limits.per_host = 1;
  LocalServer one;
  urls.clear();
  for (int i = 0; i < 4; ++i) urls.push_back(one.url("/count?n=" + std::to_string(i)));
  check_urls(urls, limits);
  CHECK(one.most_at_once() == 1);
}

TEST_CASE("only http and https are asked for") {
  auto results = check_urls({"file:///etc/passwd", "ftp://127.0.0.1/x"}, UrlCheckLimits{});
  CHECK_FALSE(results[0].ok());
  CHECK_FALSE(results[1].ok());
  CHECK(results[0].status == 0);
}
