// The limited server's connection loop and its bounded queue of connections.
#include "serve/limited_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

namespace herald {
namespace {

/// The connection being served on this thread, for the handler running on it.
thread_local ClientStream* t_connection = nullptr;
/// Set by close_after_response() on the connection's thread.
thread_local bool t_close = false;
/// Set while a connection over the limit is handed over, to be closed.
thread_local bool t_refuse = false;

/// cpp-httplib's ThreadPool, holding `max_jobs` connections at most: a
/// further one is run at once on the accepting thread with `t_refuse` set.
class BoundedQueue final : public httplib::TaskQueue {
 public:
  BoundedQueue(size_t threads, size_t max_jobs) : pool_(threads), max_jobs_(max_jobs) {}

  void enqueue(std::function<void()> fn) override {
    if (jobs_.fetch_add(1) >= max_jobs_) {
      --jobs_;
      t_refuse = true;
      fn();
      t_refuse = false;
      return;
    }
    pool_.enqueue([this, fn = std::move(fn)] {
      fn();
      --jobs_;
    });
  }

  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  size_t max_jobs_;
  std::atomic<size_t> jobs_{0};
};

}  // namespace

LimitedServer::LimitedServer(size_t threads, size_t max_connections, const ClientLimits& limits)
    : limits_(limits) {
  new_task_queue = [threads, max_connections] { return new BoundedQueue(threads, max_connections); };
  // What the Keep-Alive header tells clients; the loop below keeps to it.
  set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits.idle).count());
}

bool LimitedServer::set_backlog(int backlog) {
  socket_t sock = svr_sock_;
  return sock != INVALID_SOCKET && ::listen(sock, backlog) == 0;
}

void LimitedServer::close_after_response(httplib::Response& res) {
  res.set_header("Connection", "close");
  t_close = true;
}

void LimitedServer::allow_long_response() {
  if (t_connection) t_connection->allow_long_response();
}

bool LimitedServer::process_and_close_socket(socket_t sock) {
  bool ret = false;
  if (!t_refuse && svr_sock_ != INVALID_SOCKET) {
    ClientStream stream(sock, limits_, [this] { return svr_sock_ == INVALID_SOCKET; });
    t_connection = &stream;
    // As cpp-httplib's loop: at most keep_alive_max_count_ requests, the
    // last one answered with "Connection: close".
    for (size_t left = keep_alive_max_count_;
         left > 0 && svr_sock_ != INVALID_SOCKET && stream.next_request(); --left) {
      t_close = false;
      bool closed = false;
      ret = process_request(stream, left == 1, closed, [&stream](httplib::Request&) { stream.head_read(); });
      if (!ret || closed || t_close || stream.head_refused()) break;
    }
    t_connection = nullptr;
    t_close = false;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace herald
