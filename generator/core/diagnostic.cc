// Diagnostics sink and its text formatting.
#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "core/printable.h"

namespace herald {
namespace {

/// Characters (not bytes) in UTF-8 text: each takes one column on a terminal.
size_t characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void Diagnostics::report(Severity severity, SourceLocation where, std::string message) {
  std::lock_guard lock(mutex_);
  if (strict_ && severity == Severity::warning) severity = Severity::error;
  items_.push_back({severity, std::move(where), std::move(message)});
}

void Diagnostics::add_source(const std::string& path, std::string text) {
  std::lock_guard lock(mutex_);
  sources_[path] = std::move(text);
  line_starts_.erase(path);
}

const std::vector<size_t>& Diagnostics::line_starts(const std::string& path, const std::string& text) const {
  auto [it, inserted] = line_starts_.try_emplace(path);
  if (inserted) {
    it->second.push_back(0);
    for (size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
      it->second.push_back(i + 1);
  }
  return it->second;
}

std::string Diagnostics::format_all(size_t repeat_limit) const {
  std::vector<Diagnostic> all = sorted();
  // How many of each (file, severity, message) there are, and how many shown.
  std::map<std::tuple<std::string, Severity, std::string>, std::pair<size_t, size_t>> seen;
  for (const auto& d : all) ++seen[{d.where.path, d.severity, d.message}].first;
  std::string out;
  for (const auto& d : all) {
    auto& [total, shown] = seen[{d.where.path, d.severity, d.message}];
    if (shown < repeat_limit) {
      out += format_text(d);
    } else if (shown == repeat_limit) {
      std::string where = d.where.path.empty() ? "" : format_location(d.where) + ": ";
      size_t rest = total - repeat_limit;
      out += where + "note: " + std::to_string(rest) + " more " + severity_name(d.severity) +
             (rest == 1 ? " says" : "s say") + " the same" + (d.where.path.empty() ? "" : " in this file") +
             ", from here on (not shown): " + printable(d.message) + "\n";
    }
    ++shown;
  }
  return out;
}

void Diagnostics::forward(Diagnostics& target, bool errors_as_warnings, const std::string& note) const {
  std::lock_guard lock(mutex_);
  for (const auto& source : sources_) {  // not a structured binding: clang 14 cannot capture one
    const std::string& path = source.first;
    bool quoted = std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.where.path == path; });
    if (quoted) target.add_source(path, source.second);
  }
  for (const auto& d : items_) {
    if (errors_as_warnings && d.severity == Severity::error)
      target.report(Severity::warning, d.where, d.message + note);
    else
      target.report(d.severity, d.where, d.message);
  }
}

bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }

size_t Diagnostics::count(Severity severity) const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [&](const Diagnostic& d) { return d.severity == severity; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.path, a.where.line, a.where.column, a.message) <
           std::tie(b.where.path, b.where.line, b.where.column, b.message);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.where.path == b.where.path && a.where.line == b.where.line &&
                                 a.where.column == b.where.column && a.message == b.message &&
                                 a.severity == b.severity;
                        }),
            out.end());
  return out;
}

SourceLocation shown_location(const SourceLocation& where) {
  if (where.path.empty()) return where;
  if (where.line <= 0) return {where.path, 1, 1};
  return {where.path, where.line, where.column > 0 ? where.column : 1};
}

std::string format_location(const SourceLocation& given) {
  SourceLocation where = shown_location(given);
  std::string out = printable(where.path);
  if (where.line > 0) {
    out += ':';
    out += std::to_string(where.line);
    if (where.column > 0) {
      out += ':';
      out += std::to_string(where.column);
    }
  }
  return out;
}

std::string Diagnostics::format_text(const Diagnostic& d) const {
  std::string out;
  if (!d.where.path.empty()) out = format_location(d.where) + ": ";
  out += severity_name(d.severity);
  out += ": " + printable(d.message) + "\n";
  if (d.where.line <= 0) return out;
  std::lock_guard lock(mutex_);
  auto it = sources_.find(d.where.path);
  if (it == sources_.end() && lookup_) {
    if (std::optional<std::string> found = lookup_(d.where.path))
      it = sources_.emplace(d.where.path, std::move(*found)).first;
  }
  if (it == sources_.end()) return out;
  const std::string& text = it->second;
  const std::vector<size_t>& starts = line_starts(d.where.path, text);
  if (static_cast<size_t>(d.where.line) > starts.size()) return out;
  size_t start = starts[d.where.line - 1];
  size_t end = text.find('\n', start);
  std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // The line as it can be shown, and the caret under the character at the
  // column (a byte offset): one space for each character shown before it,
  // or for each of an escape's characters, and tabs kept, so that it lines
  // up under tab-indented text.
  std::string shown, pad, one;
  size_t caret = d.where.column > 0 ? static_cast<size_t>(d.where.column) - 1 : 0;
  for (size_t i = 0; i < line.size();) {
    one.clear();
    size_t n = append_printable(line, i, one);
    if (i < caret) pad += one == "\t" ? std::string("\t") : std::string(characters(one), ' ');
    shown += one;
    i += n;
  }
  out += "  " + shown + "\n";
  if (d.where.column > 0) out += "  " + pad + "^\n";
  return out;
}

}  // namespace herald
