// A hash of template data, so that a page whose data has not changed need not be rendered again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "templates/renderer.h"

namespace herald {

/// 128 bits of xxHash (XXH3), as two halves.
struct Hash128 {
  uint64_t high = 0, low = 0;
  bool operator==(const Hash128& o) const { return high == o.high && low == o.low; }
  bool operator!=(const Hash128& o) const { return !(*this == o); }
};

/// What a key is hashed from: each text with its length, so that no two
/// lists of values run together.
class KeyInput {
 public:
  explicit KeyInput(std::string_view what) { text(what); }
  void text(std::string_view t) { bytes_.append(std::to_string(t.size())).append(1, ':').append(t); }
  void flag(bool b) { bytes_ += b ? '1' : '0'; }
  void number(int64_t n) { text(std::to_string(n)); }
  void key(const Hash128& h) {
    number(static_cast<int64_t>(h.high));
    number(static_cast<int64_t>(h.low));
  }
  Hash128 hash() const;

 private:
  std::string bytes_;
};

/// The hash of `data` rendered with template `name`: equal data gives an equal
/// hash however it was built (an object's keys in any order). nullopt when the
/// data holds a lambda or a partial, which cannot be compared.
std::optional<Hash128> hash_template_data(const std::string& name, const TemplateData& data);

}  // namespace herald
