// Machine-readable diagnostic formats.
#include "commands/report.h"

#include <fmt/format.h>

#include "core/json_writer.h"
#include "core/printable.h"

namespace herald {
namespace {

// GitHub's workflow commands escape %, CR and LF in messages, and also , and : in properties.
std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string diagnostics_json(const Diagnostics& diags) {
  std::string out = "[";
  bool first = true;
  for (const auto& d : diags.sorted()) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    SourceLocation where = shown_location(d.where);
    out += fmt::format("{{\"severity\": {}, \"path\": {}, \"line\": {}, \"column\": {}, \"message\": {}}}",
                       JsonWriter::quote(severity_name(d.severity)), JsonWriter::quote(where.path), where.line,
                       where.column, JsonWriter::quote(d.message));
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

std::string diagnostics_github(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) {
    const char* level = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    std::string props;
    SourceLocation where = shown_location(d.where);
    if (!where.path.empty()) {
      props = " file=" + github_escape(printable(where.path), true);
      if (where.line > 0) props += fmt::format(",line={}", where.line);
      if (where.column > 0) props += fmt::format(",col={}", where.column);
    }
    out += fmt::format("::{}{}::{}\n", level, props, github_escape(printable(d.message, true), false));
  }
  return out;
}

}  // namespace herald
