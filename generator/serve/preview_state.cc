// The preview's shared state: swapped whole by the builder, read by many request threads.
#include "serve/preview_state.h"

#include <utility>

namespace herald {

std::vector<PreviewProblem> problems_of(const Diagnostics& diags) {
  std::vector<PreviewProblem> out;
  for (const Diagnostic& d : diags.sorted()) {
    if (d.severity != Severity::error) continue;
    PreviewProblem p;
    p.where = format_location(d.where);
    p.message = std::string(severity_name(d.severity)) + ": " + d.message;
    // format_text gives "where: error: message\n" and then the quoted line.
    std::string text = diags.format_text(d);
    size_t first_line_end = text.find('\n');
    if (first_line_end != std::string::npos && first_line_end + 1 < text.size())
      p.excerpt = text.substr(first_line_end + 1);
    out.push_back(std::move(p));
  }
  return out;
}

std::shared_ptr<const SiteFiles> site_files_of(std::vector<OutputFile> files) {
  auto site = std::make_shared<SiteFiles>();
  site->reserve(files.size());
  for (OutputFile& f : files)
    site->emplace(std::move(f.path), f.kept ? std::move(f.kept) : std::make_shared<const std::string>(std::move(f.content)));
  return site;
}

bool PreviewState::publish(std::shared_ptr<const SiteFiles> files, std::vector<PreviewProblem> problems) {
  std::lock_guard lock(mutex_);
  auto same = [](const SiteFiles& a, const SiteFiles& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [path, content] : a) {
      auto other = b.find(path);
      if (other == b.end()) return false;
      if (other->second != content && *other->second != *content) return false;  // the same file, or the same bytes
    }
    return true;
  };
  bool same_files = !files || (current_.files && same(*files, *current_.files));
  bool same_problems = problems == *current_.problems;
  if (same_files && same_problems) return false;
  if (files) current_.files = std::move(files);
  current_.problems = std::make_shared<const std::vector<PreviewProblem>>(std::move(problems));
  ++current_.generation;
  changed_.notify_all();
  return true;
}

PreviewState::Snapshot PreviewState::snapshot() const {
  std::lock_guard lock(mutex_);
  return current_;
}

uint64_t PreviewState::wait_for_change(uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || current_.generation != seen; });
  return current_.generation;
}

void PreviewState::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  changed_.notify_all();
}

bool PreviewState::stopped() const {
  std::lock_guard lock(mutex_);
  return stopped_;
}

}  // namespace herald
