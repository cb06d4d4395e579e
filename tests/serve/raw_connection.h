// Test helper: a plain client socket, for requests sent byte by byte, half-sent or malformed.
#pragma once

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "support/site_builder.h"

namespace herald::test {

/// A client socket connected to 127.0.0.1:`port`, closed when the object dies.
class Connection {
 public:
  explicit Connection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    REQUIRE(fd_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~Connection() { hang_up(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Sends `text`; false once the server has closed the connection.
  bool send_text(const std::string& text) const {
    return ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }

  /// What arrives until `until` is in it, the server closes the connection
  /// (then `closed` is set) or `limit` passes.
  std::string receive(const std::string& until, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (until.empty() || !contains(got_, until)) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now())
              .count();
      if (left <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      got_.append(buf, static_cast<size_t>(n));
    }
    return got_;
  }

  /// Closes the connection from this end.
  void hang_up() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  bool closed = false;

 private:
  int fd_;
  std::string got_;
};

}  // namespace herald::test
