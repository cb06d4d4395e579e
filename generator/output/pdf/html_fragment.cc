// A forgiving tokenizer for herald's own shortcode HTML: tags, attributes, entities.
#include "output/pdf/html_fragment.h"

#include <cctype>
#include <cstdlib>
#include <set>

namespace herald::pdf {
namespace {

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp")
      out += '&';
    else if (name == "lt")
      out += '<';
    else if (name == "gt")
      out += '>';
    else if (name == "quot")
      out += '"';
    else if (name == "apos" || name == "#39")
      out += '\'';
    else if (name == "nbsp")
      out += "\xC2\xA0";
    else if (name == "ndash")
      out += "\xE2\x80\x93";
    else if (name == "mdash")
      out += "\xE2\x80\x94";
    else if (!name.empty() && name[0] == '#') {
      std::string digits(name.substr(1));
      unsigned long cp = (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X'))
                             ? std::strtoul(digits.c_str() + 1, nullptr, 16)
                             : std::strtoul(digits.c_str(), nullptr, 10);
      append_utf8(out, cp);
    } else {
      out += '&';
      continue;
    }
    i = semi;
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

}  // namespace

bool is_block_tag(const std::string& name) {
  static const std::set<std::string> blocks = {
      "p",  "div", "li", "ul",         "ol",     "dl",         "dt",      "dd",      "h1",
      "h2", "h3",  "h4", "h5",         "h6",     "address",    "section", "article", "table",
      "tr", "td",  "th", "blockquote", "figure", "figcaption", "header",  "footer"};
  return blocks.count(name) > 0;
}

std::vector<HtmlToken> tokenize_html(std::string_view html) {
  std::vector<HtmlToken> out;
  size_t i = 0;
  std::string text;
  auto flush_text = [&] {
    if (!text.empty()) out.push_back({HtmlToken::text, "", "", "", "", decode_entities(text)});
    text.clear();
  };
  while (i < html.size()) {
    // A '<' that starts no tag ("a < b") is text, as in HTML.
    bool tag_start = i + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[i + 1])) ||
                                             html[i + 1] == '/' || html[i + 1] == '!');
    if (html[i] != '<' || !tag_start) {
      text += html[i++];
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      flush_text();
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    size_t end = html.find('>', i);
    if (end == std::string_view::npos) {  // a lone '<': text
      text += html[i++];
      continue;
    }
    std::string_view tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '!' || tag[0] == '?') continue;
    flush_text();
    HtmlToken token;
    token.type = HtmlToken::open;
    if (tag[0] == '/') {
      token.type = HtmlToken::close;
      tag.remove_prefix(1);
    }
    size_t n = 0;
    while (n < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[n])))) ++n;
    for (char c : tag.substr(0, n))
      token.name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (token.name.empty()) continue;
    // Attributes: name="value", name='value', name=value, name.
    size_t p = n;
    while (p < tag.size()) {
      while (p < tag.size() && (is_space(tag[p]) || tag[p] == '/')) ++p;
      size_t name_start = p;
      while (p < tag.size() && !is_space(tag[p]) && tag[p] != '=' && tag[p] != '/') ++p;
      std::string name(tag.substr(name_start, p - name_start));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value;
      if (p < tag.size() && tag[p] == '=') {
        ++p;
        if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
          char quote = tag[p++];
          size_t close = tag.find(quote, p);
          if (close == std::string_view::npos) close = tag.size();
          value = decode_entities(tag.substr(p, close - p));
          p = close + 1;
        } else {
          size_t start = p;
          while (p < tag.size() && !is_space(tag[p])) ++p;
          value = decode_entities(tag.substr(start, p - start));
        }
      }
      if (name == "href")
        token.href = value;
      else if (name == "class")
        token.klass = value;
      else if (name == "title")
        token.title = value;
      if (name.empty() && p < tag.size()) ++p;
    }
    out.push_back(std::move(token));
  }
  flush_text();
  return out;
}

}  // namespace herald::pdf
