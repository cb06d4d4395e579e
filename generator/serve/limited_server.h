// cpp-httplib's Server with limits: each connection through a ClientStream, a bounded number held.
#pragma once

#include <httplib.h>

#include <cstddef>

#include "serve/client_stream.h"

namespace herald {

/// An httplib::Server whose connections are served differently from
/// cpp-httplib 0.11's own loop:
/// - each is read and written through a ClientStream with `limits`, so a
///   client sending half a request, or one byte a second, is dropped once
///   its head is late (cpp-httplib's read timeout counts per read only);
/// - at most `max_connections` are held (served or waiting for one of the
///   `threads` threads); any further one is closed at once instead of
///   waiting without bound and using up the process's file descriptors;
/// - a handler can have its connection closed after its response.
/// Each connection occupies one thread for as long as it is open, as in
/// cpp-httplib's own ThreadPool, which this uses.
class LimitedServer : public httplib::Server {
 public:
  LimitedServer(size_t threads, size_t max_connections, const ClientLimits& limits);

  /// Lets up to `backlog` connections wait to be accepted; call it after
  /// binding. cpp-httplib listens with a backlog of 5, so a burst of a few
  /// more connections has some dropped by the system, and those clients
  /// try again only after a second or more.
  bool set_backlog(int backlog);

  /// For a handler (which runs on its connection's thread): close the
  /// connection once `res` is sent (and say so in its headers).
  static void close_after_response(httplib::Response& res);
  /// For a handler: this response (an event stream) may go on for as long
  /// as it needs.
  static void allow_long_response();

 private:
  bool process_and_close_socket(socket_t sock) override;

  ClientLimits limits_;
};

}  // namespace herald
