// Test helper: an HTTP server on this machine, answering as a web server on the internet might.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace herald::test {

/// An HTTP server on a free port of 127.0.0.1, answering as each route says.
/// Routes: /ok (200), /moved (301 to /ok), /gone (404), /broken (500),
/// /loop (redirects to itself), /slow (answers after 2.5 s), /get-only (405
/// to HEAD, 200 to GET), /count (counts requests in flight).
class LocalServer {
 public:
  LocalServer() {
    server_.Get("/ok", [](const httplib::Request&, httplib::Response& res) { res.set_content("fine", "text/plain"); });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ok", 301); });
    server_.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    server_.Get("/broken", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    server_.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop", 302); });
    server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));
      res.set_content("late", "text/plain");
    });
    // A server that refuses HEAD but answers GET.
    server_.Get("/get-only", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.method == "HEAD") {
        res.status = 405;
        return;
      }
      ++gets_;
      res.set_content("body", "text/plain");
    });
    server_.Get("/count", [this](const httplib::Request&, httplib::Response& res) {
      int now = ++in_flight_;
      int seen = most_;
      while (now > seen && !most_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      --in_flight_;
      res.set_content("x", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int most_at_once() const { return most_; }
  int gets() const { return gets_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> in_flight_{0}, most_{0}, gets_{0};
};

}  // namespace herald::test
