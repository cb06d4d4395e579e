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
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    XXH3_128bits_reset_withSeed(state.get(), list);
    for (const TemplateData& item : d.list_value()) {
      XXH128_hash_t h;
      if (!hash_node(item, h)) return false;
      XXH3_128bits_update(state.get(), &h, sizeof h);
    }
    out = XXH3_128bits_digest(state.get());
    return true;
  }
  if (d.is_object()) {
    // Each key with its value hashed alone, then summed: the order in which
    // the unordered map keeps them does not matter.
    XXH128_hash_t sum{0, 0};
    for (const auto& [key, value] : object_of(d)) {
      XXH128_hash_t v;
      if (!hash_node(value, v)) return false;
      std::string entry = key;
      entry.append(reinterpret_cast<const char*>(&v), sizeof v);
      XXH128_hash_t e = tagged(object, entry.data(), entry.size());
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
  std::string both = name;
  both.push_back('\0');
  both.append(reinterpret_cast<const char*>(&h), sizeof h);
  XXH128_hash_t all = XXH3_128bits(both.data(), both.size());
  return Hash128{all.high64, all.low64};
}

}  // namespace herald
