// Tests for serve/limited_server: a real server on a free port, with small limits, and raw client sockets.
#include "serve/limited_server.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "serve/raw_connection.h"
#include "support/site_builder.h"

using herald::ClientLimits;
using herald::LimitedServer;
using herald::test::Connection;
using herald::test::contains;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

/// A LimitedServer on 127.0.0.1 answering "/" with "hello" and "/close"
/// with "bye" and a closed connection; stopped when the object dies.
class TestServer {
 public:
  TestServer(size_t threads, size_t max_connections, const ClientLimits& limits)
      : server_(threads, max_connections, limits) {
    server_.Get(
        "/", [](const httplib::Request&, httplib::Response& res) { res.set_content("hello", "text/plain"); });
    server_.Get("/close", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("bye", "text/plain");
      LimitedServer::close_after_response(res);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) std::this_thread::sleep_for(2ms);
    REQUIRE(server_.is_running());
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  LimitedServer server_;
  int port_ = 0;
  std::thread thread_;
};

ClientLimits small_limits() {
  ClientLimits limits;
  limits.idle = 5s;
  limits.head_time = 500ms;
  limits.head_bytes = 1024;
  limits.write_stall = 1s;
  limits.response_time = 2s;
  return limits;
}

const std::string kGet = "GET / HTTP/1.1\r\nHost: test\r\n\r\n";

}  // namespace

TEST_CASE("a connection is kept for further requests, and closed after one whose handler asks") {
  TestServer server(2, 8, small_limits());
  Connection c(server.port());
  REQUIRE(c.send_text(kGet));
  CHECK(contains(c.receive("hello", 5s), "HTTP/1.1 200 OK\r\n"));
  REQUIRE(c.send_text(kGet + "GET /close HTTP/1.1\r\nHost: test\r\n\r\n"));
  std::string got = c.receive("", 3s);
  CHECK(c.closed);
  CHECK(contains(got, "bye"));
  CHECK(contains(got, "Connection: close\r\n"));
}

TEST_CASE("a connection beyond the limit is closed at once, and the ones held are still served") {
  // One thread: the first connection is served, the second waits for it.
  TestServer server(1, 2, small_limits());
  Connection first(server.port()), second(server.port());
  std::this_thread::sleep_for(200ms);
  Connection third(server.port());
  third.receive("", 2s);
  CHECK(third.closed);
  REQUIRE(first.send_text("GET /close HTTP/1.1\r\nHost: test\r\n\r\n"));
  CHECK(contains(first.receive("bye", 5s), "bye"));
  REQUIRE(second.send_text(kGet));
  CHECK(contains(second.receive("hello", 5s), "hello"));
}

TEST_CASE("a client sending its request one byte at a time is dropped when its time is up") {
  TestServer server(1, 8, small_limits());
  Connection slow(server.port());
  std::atomic<bool> stop{false};
  std::thread drip([&] {
    std::string request = "GET / HTTP/1.1\r\nX-Slow: " + std::string(200, 'a');
    for (char byte : request) {
      if (stop || !slow.send_text(std::string(1, byte))) return;
      std::this_thread::sleep_for(50ms);
    }
  });
  std::this_thread::sleep_for(100ms);
  // Behind it, on the only thread: answered once the slow one has gone.
  Connection next(server.port());
  REQUIRE(next.send_text(kGet));
  auto start = Clock::now();
  std::string got = next.receive("hello", 8s);
  stop = true;
  drip.join();
  CHECK(contains(got, "hello"));
  CHECK(Clock::now() - start < 5s);
  CHECK(slow.receive("", 1s).find("hello") == std::string::npos);
  CHECK(slow.closed);
}

TEST_CASE("a request head over the size limit is refused and its connection closed") {
  TestServer server(1, 8, small_limits());
  Connection c(server.port());
  REQUIRE(c.send_text("GET / HTTP/1.1\r\nHost: test\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n"));
  std::string got = c.receive("", 3s);
  CHECK(c.closed);
  CHECK(contains(got, "HTTP/1.1 400 Bad Request\r\n"));
  CHECK_FALSE(contains(got, "hello"));
}
