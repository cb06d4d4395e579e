// YAML read with libyaml into a small tree of values, each with where it is written.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herald {

/// One YAML value: null, a scalar (its text), a sequence or a map (its
/// entries in the order written, a key given twice kept twice). Plain
/// `null`, `~` and nothing are null; everything else is text, as written
/// (a date, a number, `true` are read by whoever asks for them).
class YamlValue {
 public:
  enum class Type { null, scalar, sequence, map };
  using Entry = std::pair<YamlValue, YamlValue>;

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_scalar() const { return type_ == Type::scalar; }
  bool is_sequence() const { return type_ == Type::sequence; }
  bool is_map() const { return type_ == Type::map; }
  /// A scalar's text ("" for anything else).
  const std::string& scalar() const { return text_; }
  /// Was the scalar written in quotes (or as a block)?
  bool quoted() const { return quoted_; }
  /// A sequence's items (empty for anything else).
  const std::vector<YamlValue>& items() const { return items_; }
  /// A map's entries (empty for anything else).
  const std::vector<Entry>& entries() const { return entries_; }
  /// The value of the first entry of a map whose key is the scalar `key`, or null.
  const YamlValue* get(std::string_view key) const;
  /// How many items or entries.
  size_t size() const { return type_ == Type::map ? entries_.size() : items_.size(); }

  /// Where it starts in the text parsed: 1-based line and byte column.
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  friend class YamlBuilder;
  Type type_ = Type::null;
  bool quoted_ = false;
  int line_ = 1, column_ = 1;
  std::string text_;
  std::vector<YamlValue> items_;
  std::vector<Entry> entries_;
};

/// Where and why a YAML text could not be read.
struct YamlSyntaxError {
  int line = 1, column = 1;  ///< 1-based, in the text parsed
  std::string message;       ///< in plain words
};

/// The most values (scalars, sequences and maps, aliases expanded) one text
/// may hold: a few aliases of aliases would otherwise make billions.
inline constexpr size_t kMaxYamlValues = 100000;

/// Parses the first document of `text` (a null value when it is empty).
/// nullopt, with `error` set, when it is not YAML, or holds more than
/// kMaxYamlValues values.
std::optional<YamlValue> parse_yaml(std::string_view text, YamlSyntaxError* error);

}  // namespace herald
