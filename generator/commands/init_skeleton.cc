// herald init's skeleton: choosing its files, filling in their placeholders, checking the values.
#include "commands/init_skeleton.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "config/languages.h"
#include "core/datetime.h"
#include "core/text.h"
#include "core/version.h"

namespace herald {
namespace {

std::string yaml_quoted_content(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

SiteValues site_values(std::string title, std::string base_url, int64_t now) {
  const TimeZone london("Europe/London");
  auto day = [&](int64_t seconds) { return format_iso_date(in_zone(seconds, london, false)); };
  SiteValues v;
  v.title = std::move(title);
  v.base_url = std::move(base_url);
  v.today = day(now);
  v.in_four_weeks = day(now + 28 * 86400);
  // The same day two years on (28 February for 29 February).
  CivilTime c = civil_time(in_zone(now, london, false));
  v.in_two_years = fmt::format("{:04}-{:02}-{:02}", c.year + 2, c.month, c.month == 2 && c.day == 29 ? 28 : c.day);
  v.herald_series = version_series(HERALD_VERSION);
  return v;
}

std::string fill_placeholders(std::string_view text, const SiteValues& v) {
  const std::pair<std::string_view, std::string> fills[] = {
      {"title", v.title},
      {"title_yaml", yaml_quoted_content(v.title)},
      {"title_xml", xml_escaped(v.title)},
      {"base_url", v.base_url},
      {"date", v.today},
      {"in_four_weeks", v.in_four_weeks},
      {"in_two_years", v.in_two_years},
      {"herald_series", v.herald_series},
  };
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(open + 2, close - open - 2);
    const std::string* value = nullptr;
    for (const auto& [n, filled] : fills)
      if (n == name) value = &filled;
    if (!value) {  // a shortcode or an expression: kept as it is
      out.append(text.substr(at, open + 2 - at));
      at = open + 2;
      continue;
    }
    out.append(text.substr(at, open - at));
    out += *value;
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<std::pair<std::string, std::string>> skeleton_files(const SiteValues& values, bool example,
                                                                const std::vector<std::string>& languages) {
  std::vector<std::pair<std::string, std::string>> files;
  auto published = [&](std::string_view code) {
    for (size_t i = 1; i < languages.size(); ++i)
      if (language_code(languages[i]) == code) return true;
    return false;
  };
  std::set<std::string> translated;  // a language's file in place of the skeleton's (its contacts in two languages)
  for (const SkeletonFile& f : builtin_init_files()) {
    std::string_view path = f.path;
    const bool language = starts_with(path, "languages/");
    if (starts_with(path, "site/")) {
      path.remove_prefix(5);
    } else if (starts_with(path, "languages/")) {  // languages/<code>/...: that language's pages
      path.remove_prefix(10);
      size_t slash = path.find('/');
      if (slash == std::string_view::npos || !published(path.substr(0, slash))) continue;
      path.remove_prefix(slash + 1);
    } else if (example && starts_with(path, "example/")) {
      path.remove_prefix(8);                  // <kind>/...
      size_t slash = path.find('/');
      if (slash == std::string_view::npos) continue;
      path.remove_prefix(slash + 1);
    } else {
      continue;
    }
    // A meeting's file is named by its date: a path may hold a placeholder too.
    std::string name = fill_placeholders(path, values);
    if (language) {
      std::erase_if(files, [&](const auto& file) { return file.first == name; });
      translated.insert(name);
    } else if (translated.count(name)) {
      continue;
    }
    files.emplace_back(std::move(name), fill_placeholders(f.content, values));
    if (path == "herald.yaml" && !languages.empty()) {
      std::string& config = files.back().second;
      const std::string_view line = "language: en-GB\n";
      size_t at = config.find(line);
      if (at == std::string::npos) continue;
      std::string written = "language: " + languages.front() + "\n";
      if (languages.size() > 1) {
        written = "languages: [";
        for (size_t i = 0; i < languages.size(); ++i) written += (i ? ", " : "") + languages[i];
        written += "]   # the first at /, each other in its folder (/" + language_code(languages[1]) +
                   "/): about." + language_code(languages[1]) + ".md beside about.md is its translation\n";
      }
      config.replace(at, line.size(), written);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string check_languages(const std::string& list, std::vector<std::string>& tags) {
  const std::string example = "as in --languages en-GB,cy for English and Welsh";
  tags.clear();
  for (size_t start = 0; start <= list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string tag(trim(std::string_view(list).substr(start, comma - start)));
    if (tag.empty()) return "has an empty place between commas: give each language once, " + example;
    for (char c : tag)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
        return "names '" + tag + "', which is not a language tag: give each language once, " + example;
    tags.push_back(tag);
    start = comma + 1;
  }
  if (language_code(tags.front()) != "en")
    return "must start with English (en-GB), the language of the pages herald init writes, then Welsh, " + example;
  for (size_t i = 1; i < tags.size(); ++i) {
    if (language_code(tags[i]) == "en") return "names English twice: give each language once, " + example;
    if (language_code(tags[i]) != "cy")
      return "names '" + tags[i] + "', a language herald init has no pages in: it writes them in English and " +
             "Welsh (cy), " + example;
    for (size_t j = 1; j < i; ++j)
      if (language_code(tags[j]) == language_code(tags[i]))
        return "names '" + tags[i] + "' twice: give each language once, " + example;
  }
  return "";
}

std::string check_title(std::string& title) {
  title = std::string(trim(title));
  if (title.empty()) return "is empty: give the partnership's name, such as \"Eastshire Safeguarding Partnership\"";
  if (!is_valid_utf8(title)) return "is not readable text (it is not UTF-8)";
  for (unsigned char c : title)
    if (c < 0x20 || c == 0x7f) return "must be one line of text, with no tabs or control characters";
  return "";
}

std::string check_base_url(std::string& url) {
  url = std::string(trim(url));
  const std::string example = "such as https://safeguarding.eastshire.example/";
  size_t host_start = 0;
  if (starts_with(to_lower(url), "https://")) host_start = 8;
  else if (starts_with(to_lower(url), "http://")) host_start = 7;
  else return "must be a web address starting https:// (or http://), " + example;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`')
      return "must be a web address with no spaces, quotes or accented letters, " + example;
    if (c == '?' || c == '#') return "must be the address of the site's home page, with no ? or # in it, " + example;
  }
  url.replace(0, host_start, to_lower(url.substr(0, host_start)));
  size_t host_end = url.find('/', host_start);
  std::string_view host = std::string_view(url).substr(host_start, host_end == std::string::npos
                                                                     ? std::string::npos
                                                                     : host_end - host_start);
  if (host.empty()) return "has no host name after " + url.substr(0, host_start) + ", " + example;
  for (char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':')
      return "has a host name that is not a web address, " + example;
  if (url.back() != '/') url += '/';
  return "";
}

}  // namespace herald
