// The preview server's routes: site files from memory, the preview's own files, the reload event stream.
#include "serve/preview_server.h"

#include <httplib.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "core/text.h"
#include "serve/limited_server.h"
#include "serve/preview_page.h"
#include "serve/request_path.h"

namespace herald {
namespace {

using Clock = std::chrono::steady_clock;

/// Each connection holds a thread while it is open; an open page holds one
/// for its event stream all the time.
constexpr size_t kThreads = 64;
/// At most this many event streams are open at once, so at least
/// kThreads - kMaxEventStreams threads are always left for other requests.
/// A further stream is refused (503) and the page's script tries again
/// after kEventsRetrySeconds.
constexpr size_t kMaxEventStreams = 16;
/// Connections served or waiting for a thread; any further one is closed.
constexpr size_t kMaxConnections = 256;
/// Connections the system keeps waiting to be accepted.
constexpr int kBacklog = 128;
/// Requests one connection may send before it is closed.
constexpr size_t kRequestsPerConnection = 20;
/// An event stream sends a comment this often...
constexpr std::chrono::seconds kKeepAlive{15};
/// ... and looks this often whether its page has gone, to free its place.
constexpr std::chrono::seconds kLivenessCheck{1};

/// The time and size each request and response may take (ClientLimits).
ClientLimits client_limits() {
  ClientLimits limits;
  limits.idle = std::chrono::seconds(2);
  limits.head_time = std::chrono::seconds(5);
  limits.head_bytes = 32 * 1024;
  limits.write_stall = std::chrono::seconds(5);
  limits.response_time = std::chrono::seconds(60);
  return limits;
}

void no_store(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

/// A request refused before any route: a short plain-text reason, nothing of
/// the site, and the connection closed after it.
void refuse(httplib::Response& res, int status, std::string why) {
  no_store(res);
  res.status = status;
  res.set_content(std::move(why), "text/plain; charset=utf-8");
  LimitedServer::close_after_response(res);
}

/// Whether `req` may be routed at all; otherwise `res` is its refusal. The
/// Host header comes first, so a page elsewhere learns nothing more.
bool admit(const HostRule& hosts, const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value_count("Host") != 1) {
    refuse(res, 400, hosts.missing_host_message());
    return false;
  }
  if (!hosts.allows(req.get_header_value("Host"), req.local_addr)) {
    refuse(res, 403, hosts.wrong_host_message());
    return false;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    refuse(res, 405, "405 Method Not Allowed: the preview only shows pages (GET and HEAD requests); "
                     "nothing can be sent to it.\n");
    res.set_header("Allow", "GET, HEAD");
    return false;
  }
  // Left unread, a body would be taken for the connection's next request.
  if (req.has_header("Transfer-Encoding") ||
      (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
    refuse(res, 413, "413 Payload Too Large: the preview takes no request body.\n");
    return false;
  }
  return true;
}

void not_found(const PreviewState::Snapshot& snap, httplib::Response& res) {
  res.status = 404;
  auto page = snap.files->find("404.html");
  if (page != snap.files->end())
    res.set_content(inject_preview(*page->second, snap.generation, *snap.problems), "text/html; charset=utf-8");
  else
    res.set_content("404: no such page in the preview\n", "text/plain; charset=utf-8");
}

/// `path` with every byte but unreserved ones and '/' percent-encoded, for a Location header.
std::string encode_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

void serve_site(const PreviewState& state, const httplib::Request& req, httplib::Response& res) {
  PreviewState::Snapshot snap = state.snapshot();
  no_store(res);
  if (!snap.files) {
    // No build has worked yet: every page is the overlay.
    res.status = 503;
    res.set_content(no_build_page(snap.generation, *snap.problems), "text/html; charset=utf-8");
    return;
  }
  std::optional<std::string> file = site_file_for(req.path);
  if (!file) return not_found(snap, res);
  auto found = snap.files->find(*file);
  if (found == snap.files->end()) {
    // A folder asked for without its slash: send the browser to the folder,
    // so the page's relative links resolve. Folders without index.html are
    // never listed.
    if (snap.files->count(*file + "/index.html")) {
      res.status = 301;
      res.set_header("Location", encode_path(req.path) + "/");
      return;
    }
    return not_found(snap, res);
  }
  std::string type = content_type_for(*file);
  if (starts_with(type, "text/html"))
    res.set_content(inject_preview(*found->second, snap.generation, *snap.problems), type);
  else
    res.set_content(*found->second, type);
}

/// An open event stream's place among the kMaxEventStreams; freed when the
/// stream's response (which holds it) is gone.
class StreamSlot {
 public:
  explicit StreamSlot(std::atomic<size_t>& open) : open_(open) {}
  ~StreamSlot() { --open_; }
  StreamSlot(const StreamSlot&) = delete;
  StreamSlot& operator=(const StreamSlot&) = delete;

 private:
  std::atomic<size_t>& open_;
};

void serve_events(PreviewState& state, std::atomic<size_t>& open, const httplib::Request& req,
                  httplib::Response& res) {
  no_store(res);
  if (open.fetch_add(1) >= kMaxEventStreams) {
    --open;
    // The browser gives up on a refused stream; the reload script tries
    // again later (Retry-After is for other clients).
    res.status = 503;
    res.set_header("Retry-After", std::to_string(kEventsRetrySeconds));
    res.set_content(fmt::format("503 Service Unavailable: {} pages of this preview are listening for changes "
                                "already, as many as it allows. This one reloads by itself too once one of them "
                                "is closed.\n",
                                kMaxEventStreams),
                    "text/plain; charset=utf-8");
    LimitedServer::close_after_response(res);
    return;
  }
  auto slot = std::make_shared<StreamSlot>(open);
  LimitedServer::allow_long_response();
  // `since` is the generation of the page that connects: when the site has
  // changed since it was served, the page reloads at once.
  uint64_t current = state.snapshot().generation;
  uint64_t since = current;
  if (req.has_param("since")) {
    std::string value = req.get_param_value("since");
    char* end = nullptr;
    unsigned long long parsed = std::strtoull(value.c_str(), &end, 10);
    if (!value.empty() && end && *end == '\0') since = parsed;
  }
  struct Stream {
    uint64_t seen;
    bool greeted = false;
  };
  auto stream = std::make_shared<Stream>(Stream{since});
  res.set_chunked_content_provider("text/event-stream", [&state, stream, slot](size_t, httplib::DataSink& sink) {
    std::string message;
    if (!stream->greeted) {
      stream->greeted = true;
      uint64_t now = state.snapshot().generation;
      message = fmt::format("retry: 1000\nevent: hello\ndata: {}\n\n", now);
      if (now != stream->seen) message += fmt::format("event: reload\ndata: {}\n\n", now);
      stream->seen = now;
    } else {
      auto keep_alive_at = Clock::now() + kKeepAlive;
      uint64_t now = stream->seen;
      while (now == stream->seen && !state.stopped() && Clock::now() < keep_alive_at) {
        now = state.wait_for_change(stream->seen, kLivenessCheck);
        // A closed page ends its stream within a second, freeing its place.
        if (now == stream->seen && !state.stopped() && !sink.is_writable()) return false;
      }
      if (state.stopped()) {
        sink.done();
        return true;
      }
      if (now != stream->seen) {
        stream->seen = now;
        message = fmt::format("event: reload\ndata: {}\n\n", now);
      } else {
        message = ": keep-alive\n\n";
      }
    }
    return sink.write(message.data(), message.size());
  });
}

}  // namespace

PreviewServer::PreviewServer(PreviewState& state)
    : state_(state), server_(std::make_unique<LimitedServer>(kThreads, kMaxConnections, client_limits())) {
  server_->set_keep_alive_max_count(kRequestsPerConnection);
  // No request may have a body (admit() refuses them before any route).
  server_->set_payload_max_length(0);
  // cpp-httplib's default is SO_REUSEPORT, with which a second preview on a
  // port in use would start too and get some of the first one's requests.
  // SO_REUSEADDR only allows a restart while old connections linger.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return admit(*host_rule_, req, res) ? httplib::Server::HandlerResponse::Unhandled
                                        : httplib::Server::HandlerResponse::Handled;
  });
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (!starts_with(req.path, kPreviewPrefix)) return serve_site(state_, req, res);
    if (req.path == kEventsPath) return serve_events(state_, open_streams_, req, res);
    no_store(res);
    if (req.path == kReloadScriptPath) {
      res.set_content(std::string(reload_script()), "text/javascript; charset=utf-8");
    } else if (req.path == kPreviewStylePath) {
      res.set_content(std::string(preview_style()), "text/css; charset=utf-8");
    } else if (req.path == kStatusPath) {
      PreviewState::Snapshot snap = state_.snapshot();
      res.set_content(status_json(snap.generation, snap.files != nullptr, *snap.problems),
                      "application/json; charset=utf-8");
    } else {
      res.status = 404;
      res.set_content("404: no such preview file\n", "text/plain; charset=utf-8");
    }
  });
}

PreviewServer::~PreviewServer() = default;

int PreviewServer::bind(const std::string& host, int port, std::string* error) {
  errno = 0;
  int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    std::string why = errno ? std::strerror(errno) : "the address cannot be used";
    *error = fmt::format("cannot listen on {}:{} ({}): choose another port with --port, or another address with --bind",
                         host, port, why);
  } else {
    server_->set_backlog(kBacklog);
    host_rule_ = std::make_unique<HostRule>(host, bound);
  }
  return bound;
}

void PreviewServer::run() { server_->listen_after_bind(); }

void PreviewServer::stop() {
  state_.stop();
  // stop() only works once the server is listening: wait for run() to start.
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  server_->stop();
}

}  // namespace herald
