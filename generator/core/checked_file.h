// A small text file of herald's own (the build cache), refused whole if anything in it changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// The body of `path` when it holds exactly: the line `magic`, the line
/// `stamp`, the body (whole lines), and last `end <xxh64 of all before it>`.
/// nullopt when the file is missing, another stamp, truncated or changed.
/// A body given back is empty or ends with a newline.
std::optional<std::string> read_checked_file(const std::string& path, const std::string& magic,
                                             const std::string& stamp);

/// Writes such a file through a temporary name of this process (two builds
/// may save at once), renamed into place. False with `error` on failure.
bool write_checked_file(const std::string& path, const std::string& magic, const std::string& stamp,
                        std::string_view body, std::string* error);

/// A field of a tab-separated line: backslash, tab, newline and carriage
/// return written as \\, \t, \n and \r.
std::string escape_field(std::string_view s);
/// The field back; false for a backslash that starts no escape.
bool unescape_field(std::string_view s, std::string* out);
/// The fields of one line, split at each tab: views into `line`.
std::vector<std::string_view> split_fields(std::string_view line);
/// The same into `parts` (cleared first): a reader of many lines reuses one.
void split_fields(std::string_view line, std::vector<std::string_view>& parts);

}  // namespace herald
