// Hashing kainjow template data, objects included.
#include "templates/data_hash.h"

#include <xxhash.h>

#include <memory>

namespace herald {
namespace {

using Object = kainjow::mustache::object;

// kainjow gives no way to walk an object's keys, and the hash needs them all.
// An explicit instantiation may name a private member (the access rules do
// not apply to its arguments), and this one hands out a pointer to `obj_`.
struct ObjectMember {
  using type = std::unique_ptr<Object> TemplateData::*;
  friend type member(ObjectMember);
};
template <typename Tag, typename Tag::type Pointer>
struct Access {
  friend typename Tag::type member(Tag) { return Pointer; }
};
template struct Access<ObjectMember, &TemplateData::obj_>;

const Object& object_of(const TemplateData& d) { return *(d.*member(ObjectMember{})); }

enum Tag : uint64_t { object = 1, string, list, yes, no };

XXH128_hash_t tagged(Tag tag, const void* bytes, size_t size) { return XXH3_128bits_withSeed(bytes, size, tag); }

/// Two hashes hashed together, with no allocation.
XXH128_hash_t combine(XXH128_hash_t a, XXH128_hash_t b, Tag tag) {
  uint64_t parts[4] = {a.low64, a.high64, b.low64, b.high64};
  return tagged(tag, parts, sizeof parts);
}

bool hash_node(const TemplateData& d, XXH128_hash_t& out) {
  if (d.is_string()) {
    out = tagged(string, d.string_value().data(), d.string_value().size());
    return true;
  }
  if (d.is_true() || d.is_false()) {
    out = tagged(d.is_true() ? yes : no, nullptr, 0);
    return true;
  }
  if (d.is_list()) {
    // A chain: each item's hash folded into the hash so far, so order counts.
    XXH128_hash_t h = tagged(list, nullptr, 0);
    for (const TemplateData& item : d.list_value()) {
      XXH128_hash_t v;
      if (!hash_node(item, v)) return false;
      h = combine(h, v, list);
    }
    out = h;
    return true;
  }
  if (d.is_object()) {
    // Each key with its value hashed alone, then summed: the order in which
    // the unordered map keeps them does not matter.
    XXH128_hash_t sum{0, 0};
    for (const auto& [key, value] : object_of(d)) {
      XXH128_hash_t v;
      if (!hash_node(value, v)) return false;
      XXH128_hash_t e = combine(tagged(object, key.data(), key.size()), v, object);
      sum.low64 += e.low64;
      sum.high64 += e.high64;
    }
    uint64_t parts[3] = {sum.low64, sum.high64, object_of(d).size()};
    out = tagged(object, parts, sizeof parts);
    return true;
  }
  return false;  // lambda, partial or invalid
}

}  // namespace

std::optional<Hash128> hash_template_data(const std::string& name, const TemplateData& data) {
  XXH128_hash_t h;
  if (!hash_node(data, h)) return std::nullopt;
  XXH128_hash_t all = combine(tagged(string, name.data(), name.size()), h, object);
  return Hash128{all.high64, all.low64};
}

Hash128 KeyInput::hash() const {
  XXH128_hash_t h = XXH3_128bits(bytes_.data(), bytes_.size());
  return {h.high64, h.low64};
}

}  // namespace herald
