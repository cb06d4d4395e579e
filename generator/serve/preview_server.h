// The preview's HTTP server (cpp-httplib): the last good build from memory, the reload events, the overlay.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "serve/host_rule.h"
#include "serve/preview_state.h"

namespace herald {

class LimitedServer;

/// Serves a PreviewState over HTTP:
/// - every file of the last good build at its path, `/dir/` as
///   `/dir/index.html`, `/dir` redirected to `/dir/` when that has an
///   index.html; anything else (other folders included) is the site's 404
///   page with status 404. Only files held in memory are served, never the
///   disk, and paths that could leave the site are refused (404);
/// - the preview's stylesheet and reload script added to every HTML page,
///   and the error overlay while the last build has errors;
/// - `/__herald/events`, a Server-Sent Events stream sending `reload` after
///   every change, and `/__herald/status`, the state as JSON.
///
/// It answers only GET and HEAD requests without a body whose Host header
/// names one of its own addresses (HostRule); anything else is refused
/// before any route, with nothing of the site. Open event streams, slow
/// clients and many connections cannot take every thread: see the limits
/// in preview_server.cc and LimitedServer.
class PreviewServer {
 public:
  explicit PreviewServer(PreviewState& state);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Listens on `host`:`port` (0: a free port the system picks). Returns the
  /// port, or -1 with `error` set.
  int bind(const std::string& host, int port, std::string* error);
  /// Answers requests until stop(); run it on its own thread.
  void run();
  /// Ends run(): open event streams end, requests in flight finish.
  void stop();

 private:
  PreviewState& state_;
  std::unique_ptr<LimitedServer> server_;
  /// Set by bind(): which Host headers are answered.
  std::unique_ptr<HostRule> host_rule_;
  std::atomic<size_t> open_streams_{0};
};

}  // namespace herald
