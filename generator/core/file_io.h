// Writing to a file descriptor until every byte is written.
#pragma once

#include <string_view>

namespace herald {

/// Writes all of `bytes` to `fd`, again after a partial write or an
/// interrupted call. False (with errno set) when a write fails.
bool write_fully(int fd, std::string_view bytes);

}  // namespace herald
