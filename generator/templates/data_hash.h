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

/// What a key is hashed from: each text after its length, a number in eight
/// bytes and a flag in one, so that no two lists of values run together. Made
/// for every page of a site on every build: no value is formatted.
class KeyInput {
 public:
  explicit KeyInput(std::string_view what) {
    bytes_.reserve(256);
    text(what);
  }
  void text(std::string_view t) {
    put(t.size());
    bytes_.append(t);
  }
  void flag(bool b) { bytes_ += b ? '1' : '0'; }
  void number(int64_t n) { put(static_cast<uint64_t>(n)); }
  void key(const Hash128& h) {
    put(h.high);
    put(h.low);
  }
  Hash128 hash() const;

 private:
  void put(uint64_t n) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(n >> (8 * i));
    bytes_.append(b, 8);
  }
  std::string bytes_;
};

/// The hash of `data` rendered with template `name`: equal data gives an equal
/// hash however it was built (an object's keys in any order). nullopt when the
/// data holds a lambda or a partial, which cannot be compared.
std::optional<Hash128> hash_template_data(const std::string& name, const TemplateData& data);

}  // namespace herald
