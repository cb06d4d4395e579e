// Checked text files: a header, the body, and a checksum line.
#include "core/checked_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/checksum.h"
#include "core/file_io.h"

namespace herald {
namespace {

std::string end_line(const std::string& text, size_t length) {
  return fmt::format("end {:x}\n", checksum64(std::string_view(text).substr(0, length)));
}

/// Creates or truncates `path` and writes `parts` into it, one after another.
bool write_whole(const std::string& path, std::initializer_list<std::string_view> parts) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  bool ok = true;
  for (std::string_view part : parts) ok = ok && write_fully(fd, part);
  int saved = errno;
  if (::close(fd) != 0 && ok) return false;
  errno = saved;
  return ok;
}

}  // namespace

std::optional<std::string> read_checked_file(const std::string& path, const std::string& magic,
                                             const std::string& stamp) {
  // Read whole in one go: these files are megabytes on a large site.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::string text;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    text.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (ok && got < text.size()) {
      ssize_t n = ::read(fd, text.data() + got, text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) got += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  size_t end = text.rfind("end ");
  if (end == std::string::npos || (end > 0 && text[end - 1] != '\n') ||
      text.compare(end, std::string::npos, end_line(text, end)) != 0)
    return std::nullopt;
  std::string head = magic + "\n" + stamp + "\n";
  if (end < head.size() || text.compare(0, head.size(), head) != 0) return std::nullopt;
  text.resize(end);
  text.erase(0, head.size());
  return text;
}

bool write_checked_file(const std::string& path, const std::string& magic, const std::string& stamp,
                        std::string_view body, std::string* error) {
  // Written in three parts, the checksum taken over the first two: the body
  // is megabytes on a large site, and is not copied.
  std::string head = magic + "\n" + stamp + "\n";
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, head.data(), head.size());
  XXH3_64bits_update(state, body.data(), body.size());
  std::string end = fmt::format("end {:x}\n", XXH3_64bits_digest(state));
  XXH3_freeState(state);
  std::string tmp = path + "." + std::to_string(::getpid()) + ".tmp";
  if (!write_whole(tmp, {head, body, end})) {
    *error = fmt::format("cannot write '{}': {}", tmp, std::strerror(errno));
    std::remove(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::string escape_field(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

bool unescape_field(std::string_view s, std::string* out) {
  // Most fields hold no escape: copied whole (tens of thousands of paths a build).
  size_t first = s.find('\\');
  if (first == std::string_view::npos) {
    out->assign(s);
    return true;
  }
  out->assign(s.substr(0, first));
  out->reserve(s.size());
  for (size_t i = first; i < s.size(); ++i) {
    if (s[i] != '\\') {
      *out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case '\\': *out += '\\'; break;
      case 't': *out += '\t'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      default: return false;
    }
  }
  return true;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> parts;
  split_fields(line, parts);
  return parts;
}

void split_fields(std::string_view line, std::vector<std::string_view>& parts) {
  parts.clear();
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    parts.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  parts.emplace_back(line.substr(start));
}

}  // namespace herald
