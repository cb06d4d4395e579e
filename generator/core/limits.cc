// The bounds herald keeps to: the messages that name them.
#include "core/limits.h"

#include <fmt/format.h>

namespace herald {

std::string too_big_message(size_t bytes, std::string_view what_to_do) {
  return fmt::format("this file is {:.1f} MB, and herald reads files of at most {} MB: {}",
                     static_cast<double>(bytes) / (1024 * 1024), kMaxSourceBytes / (1024 * 1024), what_to_do);
}

}  // namespace herald
