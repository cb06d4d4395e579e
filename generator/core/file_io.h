// Reading a file whole, and writing to a file descriptor until every byte is written.
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// Writes all of `bytes` to `fd`, again after a partial write or an
/// interrupted call. False (with errno set) when a write fails.
bool write_fully(int fd, std::string_view bytes);

/// Reads the file at `path` whole into `out`; false when it cannot be read.
bool read_whole_file(const std::string& path, std::string* out);

}  // namespace herald
