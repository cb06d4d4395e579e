// The theme's words in each language, read from the theme's i18n/<code>.yaml files (en.yaml, cy.yaml).
// The Welsh should be reviewed by a Welsh speaker (docs/decisions.md).
#include "templates/words.h"

#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/diagnostic.h"
#include "core/display_language.h"
#include "core/text.h"
#include "templates/builtin_theme.h"
#include "templates/theme.h"

namespace herald {
namespace {

/// Every language's words, and which name each English text has (for tr()).
struct Words {
  std::map<std::string, WordMap> by_code;  ///< "en", "cy"
  std::unordered_map<std::string, std::string> name_of_english;
  std::map<std::string, kainjow::mustache::data> data_by_code;  ///< words_data(), made once
};

std::string code_of(std::string_view tag) {
  std::string code(tag.substr(0, tag.find('-')));
  for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return code.empty() ? "en" : code;
}

/// "i18n/cy.yaml" → "cy"; "" for any other path.
std::string code_of_path(const std::string& path) {
  if (!starts_with(path, "i18n/") || path.size() <= 10 || path.substr(path.size() - 5) != ".yaml") return "";
  std::string code = path.substr(5, path.size() - 10);
  return code.find('/') == std::string::npos ? code : "";
}

/// `english`: the built-in theme's English, the words as the code writes them for tr().
void index(Words& w, const WordMap& english) {
  auto en = w.by_code.find("en");
  if (en == w.by_code.end()) return;
  // The first name of a text wins, so every English text leads to one name.
  for (const auto& [name, text] : english) w.name_of_english.emplace(text, name);
  for (const auto& [code, words] : w.by_code) {
    kainjow::mustache::data d;
    for (const auto& [name, english] : en->second) {
      auto it = words.find(name);
      d.set(name, it == words.end() ? english : it->second);
    }
    w.data_by_code[code] = std::move(d);
  }
}

std::shared_ptr<const Words> builtin_words() {
  static const std::shared_ptr<const Words> words = [] {
    auto w = std::make_shared<Words>();
    for (const BuiltinFile& f : builtin_theme_files()) {
      std::string code = code_of_path(std::string(f.path));
      if (!code.empty()) w->by_code[code] = read_words(f.content);  // tests/templates/words_test.cc reads them too
    }
    index(*w, w->by_code["en"]);
    return std::shared_ptr<const Words>(std::move(w));
  }();
  return words;
}

std::mutex current_mutex;
std::shared_ptr<const Words> current_words;

std::shared_ptr<const Words> words() {
  {
    std::lock_guard lock(current_mutex);
    if (current_words) return current_words;
  }
  return builtin_words();
}

}  // namespace

WordMap read_words(std::string_view yaml) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(fmt::format("{}:{}: {}", e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  WordMap out;
  if (!root || root.IsNull()) return out;
  if (!root.IsMap()) throw std::runtime_error("1:1: the file should be a list of `name: text` lines");
  for (const auto& entry : root) {
    // A copy: yaml-cpp iterators hand out temporaries, so a reference would dangle.
    YAML::Node key = entry.first, value = entry.second;
    if (!value.IsScalar())
      throw std::runtime_error(fmt::format("{}:{}: the word '{}' should be one line of text", value.Mark().line + 1,
                                           value.Mark().column + 1, key.as<std::string>()));
    out[key.as<std::string>()] = value.as<std::string>();
  }
  return out;
}

void use_theme_words(const Theme& theme, Diagnostics& diags) {
  std::shared_ptr<const Words> builtin = builtin_words();
  std::shared_ptr<const Words> chosen = builtin;
  Words mine;
  bool own = false;
  for (const auto& [path, text] : theme.files_under("i18n/")) {
    std::string code = code_of_path(path);
    std::string origin = theme.origin(path);
    if (code.empty() || origin == "built-in theme") continue;
    if (!own) mine.by_code = builtin->by_code;
    own = true;
    try {
      for (auto& [name, value] : read_words(*text)) mine.by_code[code][name] = std::move(value);
    } catch (const std::runtime_error& e) {
      // "line:col: what", from read_words.
      std::string what = e.what();
      int line = std::atoi(what.c_str());
      size_t colon = what.find(':');
      int column = std::atoi(what.c_str() + colon + 1);
      size_t rest = what.find(": ");
      diags.error({origin, line, column},
                  fmt::format("the theme's words in this file cannot be read ({}): write each on a line of its "
                              "own as name: \"text\"",
                              rest == std::string::npos ? what : what.substr(rest + 2)));
    }
  }
  if (own) {
    auto en = builtin->by_code.find("en");
    index(mine, en == builtin->by_code.end() ? WordMap() : en->second);
    chosen = std::make_shared<const Words>(std::move(mine));
  }
  std::lock_guard lock(current_mutex);
  current_words = std::move(chosen);
}

std::string translate(const std::string& tag, std::string_view english) {
  std::string code = code_of(tag);
  std::shared_ptr<const Words> w = words();
  auto name = w->name_of_english.find(std::string(english));
  if (name == w->name_of_english.end()) return std::string(english);
  auto lang = w->by_code.find(code);
  if (lang == w->by_code.end()) return std::string(english);
  auto it = lang->second.find(name->second);
  return it == lang->second.end() ? std::string(english) : it->second;
}

std::string tr(std::string_view english) { return translate(display_language(), english); }

std::string word_in(const std::string& tag, const std::string& name, WordFill fill) {
  std::shared_ptr<const Words> w = words();
  std::string text = name;
  for (const std::string& code : {code_of(tag), std::string("en")}) {
    auto lang = w->by_code.find(code);
    if (lang == w->by_code.end()) continue;
    auto it = lang->second.find(name);
    if (it == lang->second.end()) continue;
    text = it->second;
    break;
  }
  for (const auto& [key, value] : fill) {
    std::string place = "{" + std::string(key) + "}";
    for (size_t at = text.find(place); at != std::string::npos; at = text.find(place, at + value.size()))
      text.replace(at, place.size(), value);
  }
  return text;
}

std::string word(const std::string& name, WordFill fill) { return word_in(display_language(), name, fill); }

kainjow::mustache::data words_data() {
  std::shared_ptr<const Words> w = words();
  auto it = w->data_by_code.find(display_language());
  if (it == w->data_by_code.end()) it = w->data_by_code.find("en");
  return it == w->data_by_code.end() ? kainjow::mustache::data() : it->second;
}

}  // namespace herald
