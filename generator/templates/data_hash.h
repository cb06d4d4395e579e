// A hash of template data, so that a page whose data has not changed need not be rendered again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "templates/renderer.h"

namespace herald {

/// 128 bits of xxHash (XXH3), as two halves.
struct Hash128 {
  uint64_t high = 0, low = 0;
  bool operator==(const Hash128& o) const { return high == o.high && low == o.low; }
  bool operator!=(const Hash128& o) const { return !(*this == o); }
};

/// The hash of `data` rendered with template `name`: equal data gives an equal
/// hash however it was built (an object's keys in any order). nullopt when the
/// data holds a lambda or a partial, which cannot be compared.
std::optional<Hash128> hash_template_data(const std::string& name, const TemplateData& data);

}  // namespace herald
