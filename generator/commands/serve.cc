// `herald serve`: live preview of the working tree, rebuilt on every save and reloaded in the browser.
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "commands/commands.h"
#include "core/text.h"
#include "serve/change_summary.h"
#include "serve/preview_server.h"
#include "serve/preview_state.h"
#include "serve/watcher.h"

namespace herald {
namespace {

using Clock = std::chrono::steady_clock;

/// One save often writes a file several times (or a temporary file, then a
/// rename): wait this long after the last event before rebuilding.
constexpr std::chrono::milliseconds kSettle{40};

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || starts_with(host, "127.");
}

/// `http://host:port/`, with an IPv6 address in brackets.
std::string url_of(const std::string& host, int port) {
  bool v6 = host.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}/", v6 ? "[" : "", host, v6 ? "]" : "", port);
}

/// Builds the working tree and hands the result to the server, printing
/// what the terminal should show. Keeps the parse cache between builds.
class Previewer {
 public:
  Previewer(BuildOptions options, PreviewState& state) : options_(std::move(options)), state_(state) {
    options_.cache = &cache_;
  }

  /// Returns false when the repository cannot be read at all (`fatal` says why).
  bool build(const std::vector<std::string>& changed, std::string* fatal) {
    fatal->clear();
    auto start = Clock::now();
    Diagnostics diags;
    BuildResult result = run_pipeline(options_, diags);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::vector<PreviewProblem> problems;
    std::shared_ptr<const SiteFiles> files;
    if (result.status == BuildResult::Status::unusable) {
      *fatal = result.fatal;
      problems.push_back({"", "error: " + result.fatal, ""});
    } else {
      problems = problems_of(diags);
      if (problems.empty()) files = site_files_of(std::move(result.files));
    }
    // The diagnostics are printed again only when they are not the ones
    // the terminal shows already.
    std::string report = *fatal;
    report += diags.format_all();
    if (report != last_report_ || first_) {
      if (!fatal->empty()) std::fprintf(stderr, "error: %s\n", fatal->c_str());
      print_diagnostics(diags, stderr);
      last_report_ = report;
    }
    bool changed_view = state_.publish(std::move(files), problems);
    std::string what =
        changed.empty() ? "built the preview" : describe_change(changed, options_.repo) + ": rebuilt";
    std::string reused = cache_.reused ? fmt::format(", {} unchanged files not parsed again", cache_.reused) : "";
    if (result.files_reused) reused += fmt::format(", {} unchanged pages and files not made again", result.files_reused);
    if (!problems.empty())
      std::fprintf(stderr, "herald: %s in %.0f ms%s; %s\n", what.c_str(), ms, reused.c_str(),
                   first_ ? "the preview shows the errors until they are fixed"
                          : "the preview shows the last good build and the errors until they are fixed");
    else
      std::fprintf(stderr, "herald: %s in %.0f ms%s%s\n", what.c_str(), ms, reused.c_str(),
                   changed_view || first_ ? "" : " (nothing published changed)");
    first_ = false;
    return fatal->empty();
  }

 private:
  BuildOptions options_;
  PreviewState& state_;
  BuildCache cache_;
  std::string last_report_;
  bool first_ = true;
};

}  // namespace

int command_serve(const std::string& repo, const std::string& bind, int port, bool drafts) {
  // SIGINT and SIGTERM are read from a signalfd by the loop below. They are
  // blocked before any thread starts, so that every thread inherits the
  // mask and none is killed by them. A browser closing a connection must
  // not end the server either (SIGPIPE).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  int stop_fd = signalfd(-1, &stop_signals, SFD_CLOEXEC);
  if (stop_fd < 0) {
    std::perror("error: signalfd");
    return 2;
  }

  if (port < 0 || port > 65535) {
    std::fprintf(stderr, "error: --port %d: give a port from 1 to 65535 (0: any free port)\n", port);
    return 2;
  }
  std::string error;
  auto repository = Repository::open(repo, &error);
  if (!repository) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }
  std::string root = repository->workdir();
  repository.reset();
  if (root.empty()) {
    std::fprintf(stderr, "error: a bare repository has no working tree to preview\n");
    return 2;
  }

  // Watch before the first build, so that nothing saved during it is missed.
  auto watcher = Watcher::start(root, &error);
  if (!watcher) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }
  PreviewState state;
  PreviewServer server(state);
  int bound = server.bind(bind, port, &error);
  if (bound < 0) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }

  BuildOptions options;
  options.repo = root;
  options.drafts = drafts;
  options.worktree = true;
  options.preview = true;
  options.write = false;  // the preview lives in memory; public/ is never touched
  Previewer previewer(options, state);
  std::string fatal;
  if (!previewer.build({}, &fatal)) return 2;

  std::thread http([&server] { server.run(); });
  std::printf("herald: previewing %s at %s (Ctrl+C to stop)\n", root.c_str(), url_of(bind, bound).c_str());
  std::fflush(stdout);
  if (!is_loopback(bind))
    std::fprintf(stderr,
                 "warning: --bind %s: other computers can open this preview, with its drafts and "
                 "uncommitted changes\n",
                 bind.c_str());

  std::vector<std::string> changed;
  while (watcher->wait(stop_fd, kSettle, &changed) == Watcher::Wake::changed) previewer.build(changed, &fatal);

  signalfd_siginfo info{};
  if (read(stop_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info))
    std::fprintf(stderr, "herald: %s: stopping the preview\n", info.ssi_signo == SIGINT ? "interrupted" : "terminated");
  server.stop();
  http.join();
  close(stop_fd);
  return 0;
}

}  // namespace herald
