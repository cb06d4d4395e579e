// A small streaming JSON writer with correct string escaping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// Writes JSON with two-space indentation. Calls must nest correctly.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(bool flag);
  const std::string& str() const { return out_; }

  /// `text` as a quoted JSON string.
  static std::string quote(std::string_view text);

 private:
  void before_value();
  void newline();
  std::string out_;
  std::vector<bool> first_;  ///< per open container: nothing written yet
  bool after_key_ = false;
};

}  // namespace herald
