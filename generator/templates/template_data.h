// Moving values into kainjow template data: its set() and push_back() copy.
#pragma once

#include <string>
#include <utility>

#include <kainjow/mustache.hpp>

namespace herald {

/// `items` as list data, moved in rather than copied.
inline kainjow::mustache::data as_data(kainjow::mustache::list&& items) {
  kainjow::mustache::data d(kainjow::mustache::data::type::list);
  const_cast<kainjow::mustache::list&>(d.list_value()).swap(items);
  return d;
}

/// Sets `key` of object data `d` to `value`, moved rather than copied (for a
/// list of cards, a whole tree). The const_cast is sound: the value belongs to
/// `d`, which is not const.
inline void put(kainjow::mustache::data& d, const std::string& key, kainjow::mustache::data&& value) {
  d.set(key, kainjow::mustache::data(false));
  const_cast<kainjow::mustache::data&>(*d.get(key)) = std::move(value);
}

}  // namespace herald
