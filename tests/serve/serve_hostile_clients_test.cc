// Integration: the real `herald serve` against other websites, refused methods and slow clients.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "serve/raw_connection.h"
#include "serve/serve_process.h"

using namespace herald::test;
using namespace std::chrono_literals;

namespace {

const char* const kHome = "Welcome to the partnership.";
const char* const kBanner = "Preview — not published.";

/// A GET of `path` with `host` as its Host header; no answer (0) after 5 s
/// without a byte, such as an event stream opened.
Reply get_for_host(int port, const std::string& path, const std::string& host) {
  auto c = client(port);
  c.set_read_timeout(5, 0);
  auto res = c.Get(path.c_str(), httplib::Headers{{"Host", host}});
  Reply r;
  if (!res) return r;
  r.status = res->status;
  r.body = res->body;
  r.type = res->get_header_value("Content-Type");
  r.location = res->get_header_value("Location");
  r.cache = res->get_header_value("Cache-Control");
  return r;
}

/// Whether `text` (a refusal) gives away anything of the preview.
bool has_site(const std::string& text) {
  return contains(text, kHome) || contains(text, kBanner) || contains(text, "__herald") ||
         contains(text, "generation") || contains(text, "event:") || contains(text, "<html");
}

/// The first line of a raw response, "HTTP/1.1 200 OK" and the like.
std::string status_line(const std::string& response) { return response.substr(0, response.find("\r\n")); }

/// The request an open page's script sends for its event stream.
std::string events_request(int port) {
  return "GET /__herald/events?since=1 HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
         "\r\nAccept: text/event-stream\r\n\r\n";
}

/// A ServeProcess on a minimal committed site, with its port.
struct Preview {
  TempSite site;
  std::unique_ptr<ServeProcess> serve;
  int port = 0;
  Preview() {
    site.write_minimal_site();
    site.commit("site");
    serve = std::make_unique<ServeProcess>(site.dir());
    port = serve->wait_for_port();
    REQUIRE(port > 0);
  }
  std::string host() const { return "127.0.0.1:" + std::to_string(port); }
};

}  // namespace

TEST_CASE("herald serve answers only requests for its own address, so that no other website can read it") {
  Preview preview;
  int port = preview.port;
  std::string p = std::to_string(port);
  INFO("stderr of herald serve: " << preview.serve->err());

  // A page elsewhere whose domain name points at 127.0.0.1 (DNS rebinding):
  // every route is refused, the event stream too, with nothing of the site.
  for (std::string path : {"/", "/about/", "/about", "/feed.xml", "/no-such-page/", "/__herald/status",
                           "/__herald/events?since=1", "/__herald/reload.js"}) {
    for (std::string host : {std::string("evil.example"), "evil.example:" + p, "localhost.evil.example:" + p,
                             "127.0.0.1.evil.example:" + p, std::string("localhost:1"), "sams-laptop:" + p}) {
      CAPTURE(path);
      CAPTURE(host);
      Reply r = get_for_host(port, path, host);
      CHECK(r.status == 403);
      CHECK(r.type == "text/plain; charset=utf-8");
      CHECK(
          contains(r.body, "open the preview at http://127.0.0.1:" + p + "/ or http://localhost:" + p + "/"));
      CHECK_FALSE(has_site(r.body));
      CHECK(r.location.empty());
    }
  }

  // Its own addresses, with or without the port, in any case.
  for (std::string host : {"127.0.0.1:" + p, "localhost:" + p, "LocalHost:" + p, std::string("127.0.0.1"),
                           std::string("localhost"), "[::1]:" + p}) {
    CAPTURE(host);
    Reply r = get_for_host(port, "/", host);
    CHECK(r.status == 200);
    CHECK(contains(r.body, kHome));
  }
  CHECK(contains(get_for_host(port, "/__herald/status", "localhost:" + p).body, "\"generation\": 1"));

  // No Host header (an HTTP/1.0 request), or two: refused as well.
  for (std::string request : {std::string("GET / HTTP/1.0\r\n\r\n"),
                              "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + p + "\r\nHost: evil.example\r\n\r\n"}) {
    CAPTURE(request);
    Connection c(port);
    REQUIRE(c.send_text(request));
    std::string got = c.receive("", 5s);
    CHECK(status_line(got) == "HTTP/1.1 400 Bad Request");
    CHECK(contains(got, "it needs one Host header"));
    CHECK_FALSE(has_site(got));
    CHECK(c.closed);
  }
}

TEST_CASE("herald serve answers GET and HEAD only, and takes no request body") {
  Preview preview;
  int port = preview.port;
  INFO("stderr of herald serve: " << preview.serve->err());
  auto c = client(port);
  std::vector<std::function<httplib::Result()>> requests{
      [&] { return c.Post("/", "x=1", "application/x-www-form-urlencoded"); },
      [&] { return c.Post("/__herald/status"); },
      [&] { return c.Put("/about/", "changed", "text/plain"); },
      [&] { return c.Delete("/about/"); },
      [&] { return c.Options("/"); },
      [&] { return c.Patch("/", "x", "text/plain"); }};
  for (auto& request : requests) {
    auto res = request();
    REQUIRE(res);
    CHECK(res->status == 405);
    CHECK(res->get_header_value("Allow") == "GET, HEAD");
    CHECK(contains(res->body, "the preview only shows pages (GET and HEAD requests)"));
    CHECK_FALSE(has_site(res->body));
  }
  auto head = c.Head("/");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(get(port, "/").status == 200);

  std::string host = preview.host();
  // A body, even on a GET, is refused: left unread it would be taken for
  // the connection's next request.
  std::string smuggled = "GET /about/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
  for (std::string method : {"GET", "POST"}) {
    CAPTURE(method);
    Connection raw(port);
    REQUIRE(raw.send_text(method + " / HTTP/1.1\r\nHost: " + host +
                          "\r\nContent-Type: text/plain\r\nContent-Length: " +
                          std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled));
    std::string got = raw.receive("", 5s);
    CHECK(status_line(got) ==
          (method == "GET" ? "HTTP/1.1 413 Payload Too Large" : "HTTP/1.1 405 Method Not Allowed"));
    CHECK_FALSE(contains(got, "200 OK"));
    CHECK_FALSE(has_site(got));
    CHECK(raw.closed);
  }

  // A head larger than 32 KiB is refused.
  Connection big(port);
  std::string filler;
  for (int i = 0; i < 6; ++i)
    filler += "X-Filler-" + std::to_string(i) + ": " + std::string(6000, 'a') + "\r\n";
  REQUIRE(big.send_text("GET / HTTP/1.1\r\nHost: " + host + "\r\n" + filler + "\r\n"));
  std::string got = big.receive("", 5s);
  CHECK(status_line(got) == "HTTP/1.1 400 Bad Request");
  CHECK_FALSE(has_site(got));
  CHECK(big.closed);
}

TEST_CASE(
    "pages are answered while 40 pages hold event streams and 40 clients stall half-way through a request") {
  Preview preview;
  int port = preview.port;
  INFO("stderr of herald serve: " << preview.serve->err());

  // 16 streams are held open; the others are refused at once, and the
  // page's script tries again later.
  std::vector<std::unique_ptr<Connection>> streams;
  int open = 0, refused = 0;
  for (int i = 0; i < 40; ++i) {
    streams.push_back(std::make_unique<Connection>(port));
    Connection& s = *streams.back();
    REQUIRE(s.send_text(events_request(port)));
    std::string head = s.receive("\r\n\r\n", 5s);
    CAPTURE(i);
    CAPTURE(head);
    if (status_line(head) == "HTTP/1.1 200 OK") {
      ++open;
      CHECK(contains(s.receive("event: hello\n", 5s), "retry: 1000\nevent: hello\n"));
    } else {
      ++refused;
      CHECK(status_line(head) == "HTTP/1.1 503 Service Unavailable");
      CHECK(contains(head, "Retry-After: 3\r\n"));
      CHECK(contains(s.receive("", 5s), "16 pages of this preview are listening for changes already"));
      CHECK(s.closed);
    }
  }
  CHECK(open == 16);
  CHECK(refused == 24);

  // 40 clients send half a request each, and stop.
  std::vector<std::unique_ptr<Connection>> stalled;
  for (int i = 0; i < 40; ++i) {
    stalled.push_back(std::make_unique<Connection>(port));
    REQUIRE(stalled.back()->send_text("GET /about/ HTTP/1.1\r\nHost: " + preview.host() + "\r\n"));
  }

  // A page is still answered (within 5 seconds: not a measure of speed).
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5, 0);
  c.set_read_timeout(5, 0);
  auto page = c.Get("/about/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(contains(page->body, kBanner));

  // The stalled clients are dropped; the streams stay open.
  for (auto& s : stalled) {
    s->receive("", 15s);
    CHECK(s->closed);
  }
  for (auto& s : streams) {
    if (status_line(s->receive("", 0ms)) == "HTTP/1.1 200 OK") CHECK_FALSE(s->closed);
  }
}

TEST_CASE("a page closed frees its event stream's place within seconds") {
  Preview preview;
  int port = preview.port;
  INFO("stderr of herald serve: " << preview.serve->err());
  std::vector<std::unique_ptr<Connection>> streams;
  for (int i = 0; i < 16; ++i) {
    streams.push_back(std::make_unique<Connection>(port));
    REQUIRE(streams.back()->send_text(events_request(port)));
    REQUIRE(contains(streams.back()->receive("event: hello\n", 5s), "event: hello\n"));
  }
  Connection one_more(port);
  REQUIRE(one_more.send_text(events_request(port)));
  CHECK(status_line(one_more.receive("\r\n", 5s)) == "HTTP/1.1 503 Service Unavailable");

  // A tab closed: its place is free long before the 15-second keep-alive.
  streams.front()->hang_up();
  auto closed_at = std::chrono::steady_clock::now();
  bool reopened = wait_until(
      [&] {
        Connection again(port);
        return again.send_text(events_request(port)) &&
               status_line(again.receive("\r\n", 5s)) == "HTTP/1.1 200 OK";
      },
      8s);
  CHECK(reopened);
  CHECK(std::chrono::steady_clock::now() - closed_at < 8s);
}

TEST_CASE("clients sending their requests one byte at a time cannot keep pages from being answered") {
  Preview preview;
  int port = preview.port;
  INFO("stderr of herald serve: " << preview.serve->err());
  // More of them than the server has threads, each sending a byte every
  // half second: each read is in time, the request never is.
  std::string request =
      "GET /about/ HTTP/1.1\r\nHost: " + preview.host() + "\r\nX-Slow: " + std::string(500, 'a');
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < 70; ++i) {
    slow.push_back(std::make_unique<Connection>(port));
    REQUIRE(slow.back()->send_text(request.substr(0, 1)));
  }
  std::atomic<bool> stop{false};
  std::thread drip([&] {
    for (size_t at = 1; at < request.size() && !stop; ++at) {
      for (auto& s : slow) s->send_text(request.substr(at, 1));
      for (int i = 0; i < 10 && !stop; ++i) std::this_thread::sleep_for(50ms);
    }
  });
  std::this_thread::sleep_for(500ms);

  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5, 0);
  c.set_read_timeout(15, 0);
  auto page = c.Get("/about/");
  stop = true;
  drip.join();
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(contains(page->body, kBanner));
}
