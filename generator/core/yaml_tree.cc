// YAML read with libyaml into a small tree of values, each with where it is written.
#include "core/yaml_tree.h"

#include <yaml.h>

#include <map>

namespace herald {
namespace {

/// How deep sequences and maps may nest: a hostile `[[[[…` must not
/// exhaust the stack.
constexpr int kMaxDepth = 64;

/// libyaml's problem, in words an editor can act on.
std::string plain_words(std::string_view problem, std::string_view context) {
  if (problem == "mapping values are not allowed in this context")
    return "a ':' where a value was expected: if the value has ': ' in it, put it in quotes";
  if (problem == "did not find expected ',' or ']'")
    return "a list in [ ] is not closed: add the ] at its end, or put quotes around a value with a comma in it";
  if (problem == "did not find expected ',' or '}'")
    return "a map in { } is not closed: add the } at its end, or put quotes around a value with a comma in it";
  if (problem == "found unexpected end of stream" && context.find("quoted scalar") != std::string_view::npos)
    return "a quotation is not closed: add the closing quotation mark at the end of the value";
  if (problem == "found character that cannot start any token")
    return "a value cannot start with this character: put the value in quotes";
  if (problem == "did not find expected key" || problem == "did not find expected '-' indicator")
    return "this line is not lined up with the lines around it: indent it as they are, with spaces";
  if (problem == "found undefined alias") return "'*' names an anchor ('&') that is not defined above it";
  if (problem == "found unknown escape character")
    return "a backslash in double quotes starts an escape such as \\n: write \\\\ for a backslash, or use single quotes";
  std::string out;
  if (!context.empty()) out = std::string(context) + ": ";
  return out + std::string(problem);
}

}  // namespace

/// Builds the tree from libyaml's events.
class YamlBuilder {
 public:
  YamlBuilder(std::string_view text, YamlSyntaxError* error) : error_(error) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~YamlBuilder() { yaml_parser_delete(&parser_); }
  YamlBuilder(const YamlBuilder&) = delete;
  YamlBuilder& operator=(const YamlBuilder&) = delete;

  std::optional<YamlValue> document() {
    Event e;
    // STREAM-START, then DOCUMENT-START (or STREAM-END for an empty text).
    while (next(e)) {
      if (e.get().type == YAML_STREAM_END_EVENT) return YamlValue();
      if (e.get().type == YAML_DOCUMENT_START_EVENT) {
        if (!next(e)) return std::nullopt;
        return value(e, 0);
      }
    }
    return std::nullopt;
  }

 private:
  /// One event, freed when the next is read into it or it goes.
  class Event {
   public:
    Event() = default;
    ~Event() { clear(); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    yaml_event_t& get() { return event_; }
    void clear() {
      if (held_) yaml_event_delete(&event_);
      held_ = false;
    }
    bool parse(yaml_parser_t* parser) {
      clear();
      held_ = yaml_parser_parse(parser, &event_) != 0;
      return held_;
    }

   private:
    yaml_event_t event_{};
    bool held_ = false;
  };

  bool next(Event& e) {
    if (e.parse(&parser_)) return true;
    fail(static_cast<int>(parser_.problem_mark.line), static_cast<int>(parser_.problem_mark.column),
         plain_words(parser_.problem ? parser_.problem : "not YAML", parser_.context ? parser_.context : ""));
    return false;
  }

  void fail(int line0, int column0, std::string message) {
    if (!error_ || failed_) return;
    failed_ = true;
    error_->line = line0 + 1;
    error_->column = column0 + 1;
    error_->message = std::move(message);
  }

  /// Counts values made; false (and an error) past the limit.
  bool count(size_t n, const yaml_mark_t& at) {
    made_ += n;
    if (made_ <= kMaxYamlValues) return true;
    fail(static_cast<int>(at.line), static_cast<int>(at.column),
         "more than " + std::to_string(kMaxYamlValues) + " values (are aliases repeating each other?)");
    return false;
  }

  static size_t size_of(const YamlValue& v) {
    size_t n = 1;
    for (const YamlValue& item : v.items_) n += size_of(item);
    for (const auto& [key, value] : v.entries_) n += size_of(key) + size_of(value);
    return n;
  }

  void keep_anchor(const unsigned char* anchor, const YamlValue& v) {
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = v;
  }

  /// The value that starts with the event `e` (its first event).
  std::optional<YamlValue> value(Event& e, int depth) {
    yaml_event_t& ev = e.get();
    YamlValue v;
    v.line_ = static_cast<int>(ev.start_mark.line) + 1;
    v.column_ = static_cast<int>(ev.start_mark.column) + 1;
    if (depth > kMaxDepth) {
      fail(static_cast<int>(ev.start_mark.line), static_cast<int>(ev.start_mark.column),
           "lists and maps are nested more than " + std::to_string(kMaxDepth) + " deep");
      return std::nullopt;
    }
    switch (ev.type) {
      case YAML_SCALAR_EVENT: {
        if (!count(1, ev.start_mark)) return std::nullopt;
        std::string_view text(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
        bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        bool null = plain && (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL");
        v.type_ = null ? YamlValue::Type::null : YamlValue::Type::scalar;
        v.quoted_ = !plain;
        if (!null) v.text_.assign(text);
        keep_anchor(ev.data.scalar.anchor, v);
        return v;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(ev.data.alias.anchor));
        if (it == anchors_.end()) {
          fail(static_cast<int>(ev.start_mark.line), static_cast<int>(ev.start_mark.column),
               plain_words("found undefined alias", ""));
          return std::nullopt;
        }
        if (!count(size_of(it->second), ev.start_mark)) return std::nullopt;
        YamlValue copy = it->second;
        copy.line_ = v.line_;
        copy.column_ = v.column_;
        return copy;
      }
      case YAML_SEQUENCE_START_EVENT: {
        if (!count(1, ev.start_mark)) return std::nullopt;
        std::string anchor = ev.data.sequence_start.anchor
                                 ? reinterpret_cast<const char*>(ev.data.sequence_start.anchor)
                                 : "";
        v.type_ = YamlValue::Type::sequence;
        for (;;) {
          if (!next(e)) return std::nullopt;
          if (e.get().type == YAML_SEQUENCE_END_EVENT) break;
          std::optional<YamlValue> item = value(e, depth + 1);
          if (!item) return std::nullopt;
          v.items_.push_back(std::move(*item));
        }
        if (!anchor.empty()) anchors_[anchor] = v;
        return v;
      }
      case YAML_MAPPING_START_EVENT: {
        if (!count(1, ev.start_mark)) return std::nullopt;
        std::string anchor = ev.data.mapping_start.anchor
                                 ? reinterpret_cast<const char*>(ev.data.mapping_start.anchor)
                                 : "";
        v.type_ = YamlValue::Type::map;
        for (;;) {
          if (!next(e)) return std::nullopt;
          if (e.get().type == YAML_MAPPING_END_EVENT) break;
          std::optional<YamlValue> key = value(e, depth + 1);
          if (!key || !next(e)) return std::nullopt;
          std::optional<YamlValue> val = value(e, depth + 1);
          if (!val) return std::nullopt;
          v.entries_.emplace_back(std::move(*key), std::move(*val));
        }
        if (!anchor.empty()) anchors_[anchor] = v;
        return v;
      }
      default:
        fail(static_cast<int>(ev.start_mark.line), static_cast<int>(ev.start_mark.column), "not a YAML value");
        return std::nullopt;
    }
  }

  yaml_parser_t parser_{};
  YamlSyntaxError* error_;
  bool failed_ = false;
  size_t made_ = 0;
  std::map<std::string, YamlValue> anchors_;
};

const YamlValue* YamlValue::get(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k.is_scalar() && k.text_ == key) return &v;
  return nullptr;
}

std::optional<YamlValue> parse_yaml(std::string_view text, YamlSyntaxError* error) {
  YamlBuilder builder(text, error);
  return builder.document();
}

}  // namespace herald
