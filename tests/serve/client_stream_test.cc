// Tests for serve/client_stream: limits on each request head and response, over a real socket pair.
#include "serve/client_stream.h"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using herald::ClientLimits;
using herald::ClientStream;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

/// Two connected sockets: the server's end and the client's.
struct SocketPair {
  int server = -1, client = -1;
  SocketPair() {
    int fds[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
    server = fds[0];
    client = fds[1];
  }
  ~SocketPair() {
    close(server);
    if (client >= 0) close(client);
  }
  void send_text(const std::string& text) const {
    REQUIRE(::send(client, text.data(), text.size(), 0) == ssize_t(text.size()));
  }
  void close_client() {
    close(client);
    client = -1;
  }
};

ClientLimits short_limits() {
  ClientLimits limits;
  limits.idle = 300ms;
  limits.head_time = 400ms;
  limits.head_bytes = 64;
  limits.write_stall = 300ms;
  limits.response_time = 500ms;
  return limits;
}

/// Reads what `stream` gives until `size` bytes, the end or a failure; false on failure.
bool read_bytes(ClientStream& stream, size_t size, std::string* out) {
  char buf[16];
  while (out->size() < size) {
    ssize_t n = stream.read(buf, std::min(sizeof buf, size - out->size()));
    if (n <= 0) return false;
    out->append(buf, static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

TEST_CASE("a request's head is read as it arrives, and the next request after it") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  pair.send_text("GET / HTTP/1.1\r\n");
  REQUIRE(stream.next_request());
  std::thread later([&] {
    std::this_thread::sleep_for(100ms);
    pair.send_text("Host: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
  });
  std::string head;
  CHECK(read_bytes(stream, 27, &head));
  later.join();
  CHECK(head == "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  stream.head_read();
  // The second request was sent with the first: it is there at once.
  REQUIRE(stream.next_request());
  std::string second;
  CHECK(read_bytes(stream, 19, &second));
  CHECK(second == "GET /b HTTP/1.1\r\n\r\n");
  CHECK_FALSE(stream.head_refused());
}

TEST_CASE("an idle connection gets no request after the idle time") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  auto start = Clock::now();
  CHECK_FALSE(stream.next_request());
  CHECK(Clock::now() - start >= 300ms);
}

TEST_CASE("a head sent one byte at a time fails once its time is up, though each byte comes in time") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  std::atomic<bool> stop{false};
  std::thread drip([&] {
    while (!stop) {
      if (::send(pair.client, "a", 1, MSG_NOSIGNAL) != 1) return;
      std::this_thread::sleep_for(50ms);
    }
  });
  REQUIRE(stream.next_request());
  auto start = Clock::now();
  std::string head;
  CHECK_FALSE(read_bytes(stream, 1000, &head));
  auto took = Clock::now() - start;
  stop = true;
  drip.join();
  CHECK(stream.head_refused());
  CHECK(took >= 350ms);
  CHECK(took < 3s);
  CHECK(head.size() < 20);
}

TEST_CASE("a head longer than the limit fails, the bytes before it read") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  pair.send_text(std::string(100, 'a'));
  REQUIRE(stream.next_request());
  std::string head;
  CHECK_FALSE(read_bytes(stream, 100, &head));
  CHECK(head.size() <= 64);
  CHECK(stream.head_refused());
}

TEST_CASE("a response to a client that reads nothing fails after the stall time") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  pair.send_text("GET / HTTP/1.1\r\n\r\n");
  REQUIRE(stream.next_request());
  stream.head_read();
  std::string chunk(64 * 1024, 'x');
  auto start = Clock::now();
  ssize_t n = 0;
  size_t sent = 0;
  while ((n = stream.write(chunk.data(), chunk.size())) > 0) {
    sent += static_cast<size_t>(n);
    REQUIRE(Clock::now() - start < 5s);
  }
  CHECK(n == -1);
  CHECK(sent > 0);
  CHECK(Clock::now() - start >= 300ms);
}

TEST_CASE("a response must be sent within its time, unless it is let run long") {
  SocketPair pair;
  pair.send_text("GET / HTTP/1.1\r\n\r\nGET /events HTTP/1.1\r\n\r\n");
  ClientStream stream(pair.server, short_limits(), nullptr);
  REQUIRE(stream.next_request());
  std::string head;
  REQUIRE(read_bytes(stream, 18, &head));
  stream.head_read();
  CHECK(stream.write("a", 1) == 1);
  std::this_thread::sleep_for(600ms);
  // The client reads, but the response's time is up.
  CHECK(stream.write("b", 1) == -1);

  REQUIRE(stream.next_request());
  head.clear();
  REQUIRE(read_bytes(stream, 24, &head));
  stream.head_read();
  stream.allow_long_response();
  CHECK(stream.write("c", 1) == 1);
  std::this_thread::sleep_for(600ms);
  CHECK(stream.write("d", 1) == 1);
  char got[3] = {};
  CHECK(::recv(pair.client, got, 3, 0) == 3);
  CHECK(std::string(got, 3) == "acd");
}

TEST_CASE("a client that has gone is noticed without a write") {
  SocketPair pair;
  ClientStream stream(pair.server, short_limits(), nullptr);
  CHECK_FALSE(stream.peer_closed());
  CHECK(stream.is_writable());
  pair.close_client();
  CHECK(stream.peer_closed());
  CHECK_FALSE(stream.is_writable());
}

TEST_CASE("a wait ends soon after the server starts stopping") {
  SocketPair pair;
  std::atomic<bool> stopping{false};
  ClientLimits limits = short_limits();
  limits.idle = 30s;
  ClientStream stream(pair.server, limits, [&] { return stopping.load(); });
  std::thread stop([&] {
    std::this_thread::sleep_for(100ms);
    stopping = true;
  });
  auto start = Clock::now();
  CHECK_FALSE(stream.next_request());
  stop.join();
  CHECK(Clock::now() - start < 2s);
}
