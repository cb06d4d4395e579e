// Files published as they are: dot-files left out, and script found in HTML and SVG.
#include "content/static_files.h"

#include <cctype>
#include <cstdint>

#include "core/text.h"

namespace herald {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

/// `&#106;`, `&#x6A;` and the few named entities that spell a scheme's
/// characters, decoded; everything else kept as written.
std::string decode_entities(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      out += value[i];
      continue;
    }
    size_t semi = value.find(';', i);
    size_t end = semi == std::string_view::npos ? value.size() : semi;
    std::string_view name = value.substr(i + 1, end - i - 1);
    uint32_t code = 0;
    bool numeric = name.size() > 1 && name[0] == '#';
    if (numeric) {
      bool hex = name[1] == 'x' || name[1] == 'X';
      size_t k = hex ? 2 : 1;
      for (; k < name.size() && k < 10; ++k) {
        char c = name[k];
        int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                            : -1;
        if (digit < 0) break;
        code = code * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      }
      // Browsers read `&#106` without its semicolon too: stop at the digits.
      end = i + 1 + k;
      if (end < value.size() && value[end] == ';') ++end;
      out += code > 0 && code < 0x80 ? static_cast<char>(code) : '?';
      i = end - 1;
      continue;
    }
    std::string lower = to_lower(name);
    char named = lower == "colon" ? ':' : lower == "tab" ? '\t' : lower == "newline" ? '\n' : 0;
    if (named && semi != std::string_view::npos) {
      out += named;
      i = semi;
    } else {
      out += '&';
    }
  }
  return out;
}

/// The script scheme an attribute's value holds ("javascript:"), or empty.
std::string_view script_scheme_in(std::string_view value) {
  std::string squeezed;
  for (unsigned char c : decode_entities(value))
    if (c > 0x20) squeezed += static_cast<char>(std::tolower(c));
  for (std::string_view scheme : {"javascript:", "vbscript:"})
    if (squeezed.find(scheme) != std::string::npos) return scheme;
  return {};
}

/// `on` and letters, as every event handler's name is (the shortest, `oncut`, has five).
bool is_event_handler(std::string_view name) {
  if (name.size() < 5 || std::tolower(static_cast<unsigned char>(name[0])) != 'o' ||
      std::tolower(static_cast<unsigned char>(name[1])) != 'n')
    return false;
  for (char c : name.substr(2))
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string hidden_part(std::string_view path, bool in_static) {
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    bool well_known = in_static && start == 0 && part == ".well-known" && slash != std::string_view::npos;
    if (!part.empty() && part[0] == '.' && !well_known) return std::string(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return "";
}

bool may_run_script(std::string_view path) {
  std::string lower = to_lower(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".xml"})
    if (ends_with(lower, ext)) return true;
  return false;
}

std::optional<ScriptFound> find_script(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.substr(i, 4) == "<!--") {
      size_t close = text.find("-->", i + 4);
      if (close == std::string_view::npos) return std::nullopt;
      i = close + 3;
      continue;
    }
    size_t j = i + 1;
    if (j >= n || !std::isalpha(static_cast<unsigned char>(text[j]))) {
      i = j;  // `</x>`, `<!DOCTYPE`, `<?xml`, a bare '<'
      continue;
    }
    size_t name_start = j;
    while (j < n && is_name_char(text[j])) ++j;
    std::string name = to_lower(text.substr(name_start, j - name_start));
    if (size_t colon = name.rfind(':'); colon != std::string::npos) name = name.substr(colon + 1);  // svg:script
    if (name == "script") return ScriptFound{i, "a <script> element"};
    if (name == "foreignobject") return ScriptFound{i, "a <foreignObject> element"};
    // The attributes, up to the tag's end.
    while (j < n && text[j] != '>') {
      if (is_space(text[j]) || text[j] == '/') {
        ++j;
        continue;
      }
      size_t attribute = j;
      while (j < n && !is_space(text[j]) && text[j] != '=' && text[j] != '>' && text[j] != '/') ++j;
      std::string_view attribute_name = text.substr(attribute, j - attribute);
      if (size_t colon = attribute_name.rfind(':'); colon != std::string_view::npos)
        attribute_name = attribute_name.substr(colon + 1);
      if (is_event_handler(attribute_name))
        return ScriptFound{attribute, "an '" + to_lower(attribute_name) + "' attribute"};
      while (j < n && is_space(text[j])) ++j;
      if (j >= n || text[j] != '=') continue;
      ++j;
      while (j < n && is_space(text[j])) ++j;
      size_t value_start = j, value_end;
      if (j < n && (text[j] == '"' || text[j] == '\'')) {
        size_t close = text.find(text[j], j + 1);
        value_start = j + 1;
        value_end = close == std::string_view::npos ? n : close;
        j = close == std::string_view::npos ? n : close + 1;
      } else {
        while (j < n && !is_space(text[j]) && text[j] != '>') ++j;
        value_end = j;
      }
      std::string_view scheme = script_scheme_in(text.substr(value_start, value_end - value_start));
      if (!scheme.empty()) return ScriptFound{attribute, "a '" + std::string(scheme) + "' address"};
    }
    i = j;
  }
  return std::nullopt;
}

}  // namespace herald
