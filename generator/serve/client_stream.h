// A client connection as cpp-httplib reads and writes it, with time and size limits on each request.
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>

namespace herald {

/// How long and how much a client may take. cpp-httplib's own read timeout
/// applies to each read alone, so a client sending one byte a second holds
/// its thread for ever; these limits are for a whole request or response.
struct ClientLimits {
  /// An idle connection is closed when no request starts within this.
  std::chrono::milliseconds idle{2000};
  /// A request's head (request line and headers) must have arrived whole
  /// this long after its first byte.
  std::chrono::milliseconds head_time{5000};
  /// ... and be no longer than this.
  size_t head_bytes = 32 * 1024;
  /// A write that cannot send a byte for this long fails.
  std::chrono::milliseconds write_stall{5000};
  /// A whole response must have been sent within this, unless it is let
  /// run for long (an event stream).
  std::chrono::milliseconds response_time{60000};
};

/// A connected socket as an httplib::Stream, for one connection's requests
/// in turn: next_request() waits for one to start, head_read() marks its
/// head as read. Every wait (for a request, its bytes, or room to write)
/// is in short steps and ends once `stopping` returns true, so the server
/// stops promptly.
class ClientStream final : public httplib::Stream {
 public:
  /// Takes no ownership of `fd`.
  ClientStream(int fd, const ClientLimits& limits, std::function<bool()> stopping);

  /// Waits, `limits.idle` at most, for the next request to start; false
  /// when none does. Starts that request's clock and byte count.
  bool next_request();
  /// The request's head has been read: the response's clock starts.
  void head_read();
  /// This response may take as long as it needs (its writes still may not
  /// stall): an event stream.
  void allow_long_response() { long_response_ = true; }
  /// The request's head took too long or was too large.
  bool head_refused() const { return head_refused_; }
  /// The client has closed the connection (or it failed).
  bool peer_closed() const;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  using Clock = std::chrono::steady_clock;
  enum class Phase { idle, head, response };

  /// Waits until `events` are ready on the socket or `deadline` passes;
  /// false on timeout, stopping or a failed socket.
  bool wait_for(short events, Clock::time_point deadline) const;
  /// Reads what has arrived into the buffer: its size, 0 at the end of
  /// the connection, -1 on timeout or error.
  ssize_t fill();

  int fd_;
  ClientLimits limits_;
  std::function<bool()> stopping_;
  Phase phase_ = Phase::idle;
  Clock::time_point head_deadline_{};
  Clock::time_point response_deadline_{};
  size_t head_used_ = 0;
  bool head_refused_ = false;
  bool long_response_ = false;
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0, end_ = 0;  ///< the bytes of `buffer_` not read yet
};

}  // namespace herald
