// A client connection for cpp-httplib: buffered reads, non-blocking writes, deadlines, a head size cap.
#include "serve/client_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace herald {
namespace {

/// How often a wait looks whether the server is stopping.
constexpr std::chrono::milliseconds kStep{100};

bool try_again(int error) { return error == EAGAIN || error == EWOULDBLOCK || error == EINTR; }

void ip_and_port(const sockaddr_storage& addr, socklen_t size, std::string& ip, int& port) {
  if (addr.ss_family == AF_INET)
    port = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
  else if (addr.ss_family == AF_INET6)
    port = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  else
    return;
  char host[NI_MAXHOST] = {};
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), size, host, sizeof host, nullptr, 0,
                  NI_NUMERICHOST) == 0)
    ip = host;
}

}  // namespace

ClientStream::ClientStream(int fd, const ClientLimits& limits, std::function<bool()> stopping)
    : fd_(fd), limits_(limits), stopping_(std::move(stopping)) {}

bool ClientStream::wait_for(short events, Clock::time_point deadline) const {
  for (;;) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    int timeout = static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), kStep).count());
    pollfd p{fd_, events, 0};
    int ready = ::poll(&p, 1, timeout);
    if (ready > 0) return (p.revents & POLLNVAL) == 0;
    if (ready < 0 && errno != EINTR) return false;
    if (ready == 0 && ((stopping_ && stopping_()) || Clock::now() >= deadline)) return false;
  }
}

bool ClientStream::next_request() {
  phase_ = Phase::idle;
  head_used_ = 0;
  head_refused_ = false;
  long_response_ = false;
  // A request sent right behind the last one is in the buffer already.
  if (begin_ == end_ && !wait_for(POLLIN, Clock::now() + limits_.idle)) return false;
  phase_ = Phase::head;
  head_deadline_ = Clock::now() + limits_.head_time;
  return true;
}

void ClientStream::head_read() {
  phase_ = Phase::response;
  response_deadline_ = Clock::now() + limits_.response_time;
}

bool ClientStream::peer_closed() const {
  pollfd p{fd_, POLLIN, 0};
  int ready = ::poll(&p, 1, 0);
  if (ready <= 0) return ready < 0 && errno != EINTR;
  if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return true;
  // Readable: either more requests, or the end of the connection.
  char byte;
  ssize_t n = ::recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0 || (n < 0 && !try_again(errno));
}

bool ClientStream::is_readable() const {
  return begin_ < end_ || wait_for(POLLIN, Clock::now() + limits_.head_time);
}

bool ClientStream::is_writable() const {
  return !peer_closed() && wait_for(POLLOUT, Clock::now() + limits_.write_stall);
}

ssize_t ClientStream::fill() {
  // Only a head is expected; anything read after it gets as long as one.
  Clock::time_point deadline = phase_ == Phase::head ? head_deadline_ : Clock::now() + limits_.head_time;
  for (;;) {
    if (Clock::now() >= deadline || !wait_for(POLLIN, deadline)) {
      if (phase_ == Phase::head) head_refused_ = true;
      return -1;
    }
    ssize_t n = ::recv(fd_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
    if (n >= 0) {
      begin_ = 0;
      end_ = static_cast<size_t>(n);
      return n;
    }
    if (!try_again(errno)) return -1;
  }
}

ssize_t ClientStream::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  if (begin_ == end_) {
    ssize_t got = fill();
    if (got <= 0) return got;
  }
  size_t n = std::min(size, end_ - begin_);
  if (phase_ == Phase::head) {
    if (head_used_ + n > limits_.head_bytes) {
      head_refused_ = true;
      return -1;
    }
    head_used_ += n;
  }
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ClientStream::write(const char* ptr, size_t size) {
  if (size == 0) return 0;
  Clock::time_point deadline = Clock::now() + limits_.write_stall;
  if (phase_ == Phase::response && !long_response_) deadline = std::min(deadline, response_deadline_);
  // cpp-httplib writes again until everything is sent: never return 0.
  for (;;) {
    if (Clock::now() >= deadline || !wait_for(POLLOUT, deadline)) return -1;
    ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) return n;
    if (n == 0 || !try_again(errno)) return -1;
  }
}

void ClientStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t size = sizeof addr;
  if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &size) == 0) ip_and_port(addr, size, ip, port);
}

void ClientStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t size = sizeof addr;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) == 0) ip_and_port(addr, size, ip, port);
}

}  // namespace herald
