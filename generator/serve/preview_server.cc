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
#include "serve/preview_page.h"
#include "serve/request_path.h"

namespace herald {
namespace {

/// Each open page holds one event stream (one thread) for as long as it is open.
constexpr size_t kThreads = 32;
/// An event stream sends a comment this often, so a closed tab is noticed.
constexpr std::chrono::seconds kKeepAlive{15};

void no_store(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

void not_found(const PreviewState::Snapshot& snap, httplib::Response& res) {
  res.status = 404;
  auto page = snap.files->find("404.html");
  if (page != snap.files->end())
    res.set_content(inject_preview(page->second, snap.generation, *snap.problems), "text/html; charset=utf-8");
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
    res.set_content(inject_preview(found->second, snap.generation, *snap.problems), type);
  else
    res.set_content(found->second, type);
}

void serve_events(PreviewState& state, const httplib::Request& req, httplib::Response& res) {
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
  no_store(res);
  struct Stream {
    uint64_t seen;
    bool greeted = false;
  };
  auto stream = std::make_shared<Stream>(Stream{since});
  res.set_chunked_content_provider("text/event-stream", [&state, stream](size_t, httplib::DataSink& sink) {
    std::string message;
    if (!stream->greeted) {
      stream->greeted = true;
      uint64_t now = state.snapshot().generation;
      message = fmt::format("retry: 1000\nevent: hello\ndata: {}\n\n", now);
      if (now != stream->seen) message += fmt::format("event: reload\ndata: {}\n\n", now);
      stream->seen = now;
    } else {
      uint64_t now = state.wait_for_change(stream->seen, kKeepAlive);
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

PreviewServer::PreviewServer(PreviewState& state) : state_(state), server_(std::make_unique<httplib::Server>()) {
  server_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server_->set_keep_alive_timeout(2);
  // cpp-httplib's default is SO_REUSEPORT, with which a second preview on a
  // port in use would start too and get some of the first one's requests.
  // SO_REUSEADDR only allows a restart while old connections linger.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (!starts_with(req.path, kPreviewPrefix)) return serve_site(state_, req, res);
    if (req.path == kEventsPath) return serve_events(state_, req, res);
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
