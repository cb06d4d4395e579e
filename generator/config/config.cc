// Reading and validating herald.yaml.
#include "config/config.h"

#include <cmath>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "config/language_tag.h"
#include "content/phone_number.h"
#include "core/invisible.h"
#include "core/limits.h"
#include "core/text.h"
#include "core/yaml_error.h"
#include "core/version.h"
#include "markdown/urls.h"

namespace herald {
namespace {

SourceLocation at(const std::string& path, const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return {path, 0, 0};
  return {path, m.line + 1, m.column + 1};
}

double channel(int v) {
  double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::optional<double> luminance(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  int rgb[3];
  for (int i = 0; i < 3; ++i) {
    std::string part = hex.substr(1 + 2 * i, 2);
    if (part.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return std::nullopt;
    rgb[i] = std::stoi(part, nullptr, 16);
  }
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& builtin_review_types() {
  static const std::vector<std::pair<std::string, std::string>> types = {
      {"sar", "Safeguarding Adults Review"},
      {"lcspr", "Local Child Safeguarding Practice Review"},
      {"national-review", "National panel review"},
      {"rapid-review", "Rapid review"},
      {"dhr", "Domestic Homicide Review"},
      {"audit", "Multi-agency audit"},
      {"national-theme", "National theme"},
      {"guidance", "Guidance"},
  };
  return types;
}

const std::vector<std::pair<std::string, std::string>>& builtin_report_types() {
  static const std::vector<std::pair<std::string, std::string>> types = {
      {"annual-report", "Annual report"}, {"strategy", "Strategy"},     {"audit", "Audit"},
      {"plan", "Plan"},                   {"evaluation", "Evaluation"}, {"other", "Other report"},
  };
  return types;
}

std::string Config::base_path() const {
  auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return base_url;
  auto slash = base_url.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : base_url.substr(slash);
}

std::string Config::host() const {
  auto scheme = base_url.find("://");
  std::string rest = scheme == std::string::npos ? base_url : base_url.substr(scheme + 3);
  return rest.substr(0, rest.find('/'));
}

std::string Config::absolute_url(const std::string& site_path) const {
  std::string path = site_path;
  if (!path.empty() && path[0] == '/') path.erase(0, 1);
  return base_url + path;
}

std::string Config::review_type_name(const std::string& key) const {
  for (const auto& [k, name] : review_types)
    if (k == key) return name;
  return "";
}

std::string Config::report_type_name(const std::string& key) const {
  for (const auto& [k, name] : report_types)
    if (k == key) return name;
  return "";
}

std::optional<double> contrast_ratio(const std::string& a, const std::string& b) {
  auto la = luminance(a), lb = luminance(b);
  if (!la || !lb) return std::nullopt;
  double hi = std::max(*la, *lb), lo = std::min(*la, *lb);
  return (hi + 0.05) / (lo + 0.05);
}

std::optional<Config> parse_config(std::string_view text, const std::string& path,
                                   Diagnostics& diags) {
  if (text.size() > kMaxSourceBytes) {
    diags.error({path, 1, 1}, too_big_message(text.size(), "is it the site's settings?"));
    return std::nullopt;
  }
  diags.add_source(path, std::string(text));
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    auto hint = explain_yaml_error(text, e.mark.line);
    diags.error(hint ? SourceLocation{path, hint->line, hint->column} : SourceLocation{path, e.mark.line + 1, e.mark.column + 1},
                "invalid YAML: " + (hint ? hint->message : e.msg));
    return std::nullopt;
  }
  if (!root.IsMap()) {
    diags.error({path, 1, 1}, "herald.yaml must be a map of settings such as 'title: ...'");
    return std::nullopt;
  }
  Config config;
  config.review_types = builtin_review_types();
  config.report_types = builtin_report_types();
  bool ok = true;
  // An invalid value's place, on the invisible character in it if there is
  // one, and the note that names that character.
  auto at_value = [&](const YAML::Node& node) {
    return node.IsScalar() ? point_at_invisible(at(path, node), node.Scalar(), text) : at(path, node);
  };
  auto note = [](const YAML::Node& node) { return node.IsScalar() ? invisible_suffix(node.Scalar()) : ""; };
  auto scalar = [&](const YAML::Node& node, const std::string& key, std::string* out) {
    if (!node.IsScalar()) {
      diags.error(at(path, node), "'" + key + "' must be text");
      ok = false;
      return;
    }
    *out = node.Scalar();
  };
  auto boolean = [&](const YAML::Node& node, const std::string& key, bool* out) {
    try {
      *out = node.as<bool>();
    } catch (const YAML::Exception&) {
      diags.error(at(path, node), "'" + key + "' must be true or false");
      ok = false;
    }
  };
  auto unknown = [&](const YAML::Node& key_node, const std::string& key,
                     const std::vector<std::string>& known, const std::string& where) {
    std::string suggestion = closest_match(as_seen(key), known);
    diags.warning(at_value(key_node),
                  fmt::format("unknown setting '{}'{}{}", key, where,
                              suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") +
                      note(key_node));
  };
  static const std::vector<std::string> top_keys = {
      "title", "base_url", "language", "timezone", "description", "logo", "theme",
      "brand_colour", "accessibility", "feeds", "procedures", "briefings", "reports", "herald", "menu", "email",
      "languages", "welsh_first"};
  YAML::Node languages_node, welsh_first_node, language_node;
  bool languages_given = false, welsh_first_given = false, language_given = false;
  bool have_title = false;
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string key = it->first.as<std::string>("");
    // A copy: yaml-cpp iterators hand out temporaries, so a reference would dangle.
    const YAML::Node value = it->second;
    if (key == "title") {
      scalar(value, key, &config.title);
      have_title = !config.title.empty();
    } else if (key == "base_url") {
      scalar(value, key, &config.base_url);
      if (config.base_url.empty() || config.base_url.back() != '/') config.base_url += '/';
      // Written into every feed, sitemap and redirect: a whole web address only.
      bool web = is_web_address(config.base_url) && config.base_url.find_first_of("?#\"<>\\ ") == std::string::npos &&
                 !find_invisible(config.base_url);
      if (value.IsScalar() && !web) {
        diags.error(at_value(value), "base_url '" + value.Scalar() +
                                         "' must be a web address such as https://example.org/" + note(value));
        ok = false;
      }
    } else if (key == "languages") {
      languages_node = value;
      languages_given = true;
    } else if (key == "welsh_first") {
      welsh_first_node = value;
      welsh_first_given = true;
    } else if (key == "language") {
      language_node = value;
      language_given = true;
      scalar(value, key, &config.language);
      if (value.IsScalar() && !is_well_formed_language_tag(config.language)) {
        diags.error(at_value(value), "language '" + config.language +
                                         "' must be a language tag such as en-GB (English as written in the "
                                         "United Kingdom), en or cy (Welsh)" + note(value));
        ok = false;
      }
    } else if (key == "timezone") {
      scalar(value, key, &config.timezone_name);
      if (!TimeZone(config.timezone_name).valid()) {
        diags.error(at_value(value), "unknown timezone '" + config.timezone_name +
                                         "': expected a tz database name such as Europe/London" + note(value));
        ok = false;
      }
    } else if (key == "description") {
      scalar(value, key, &config.description);
    } else if (key == "logo") {
      scalar(value, key, &config.logo);
      config.logo_at = at(path, value);
    } else if (key == "theme") {
      scalar(value, key, &config.theme);
      config.theme_at = at(path, value);
      if (!is_valid_slug(config.theme)) {
        diags.error(at_value(value), "theme '" + config.theme +
                                         "' must be a folder name of lower-case letters, digits and hyphens" + note(value));
        ok = false;
      }
    } else if (key == "brand_colour") {
      scalar(value, key, &config.brand_colour);
      auto ratio = contrast_ratio(config.brand_colour, "#ffffff");
      if (!ratio) {
        diags.error(at_value(value), "brand_colour '" + config.brand_colour +
                                         "' must be a colour written as #rrggbb" + note(value));
        ok = false;
      } else if (*ratio < 4.5) {
        diags.error(at(path, value),
                    fmt::format("brand_colour '{}' has a contrast ratio of {:.2f}:1 with white "
                                "text; at least 4.5:1 is needed so that text on it can be read",
                                config.brand_colour, std::floor(*ratio * 100) / 100));
        ok = false;
      }
    } else if (key == "herald") {
      // The version of herald that publishes the site (the publish workflow
      // installs it): another version builds it with a warning.
      scalar(value, key, &config.herald_version);
      if (!value.IsScalar()) continue;
      auto wanted = parse_version(config.herald_version);
      auto running = parse_version(HERALD_VERSION);
      if (!wanted) {
        diags.error(at(path, value), fmt::format("'herald' must be the version of herald that publishes the site, "
                                                 "written as \"{}\", not '{}'",
                                                 version_series(HERALD_VERSION), config.herald_version));
        ok = false;
      } else if (running && !version_matches(*wanted, *running)) {
        diags.warning(at(path, value),
                      fmt::format("this site asks for herald {0}, but this is herald {1}: install herald {0} "
                                  "to see the site as it will be published (the guide \"Install herald\" says "
                                  "how), or change this line to herald: \"{2}\" to publish it with this version",
                                  config.herald_version, HERALD_VERSION, version_series(HERALD_VERSION)));
      }
    } else if (key == "menu") {
      ok = parse_menu(value, path, diags, &config.menu) && ok;
    } else if (key == "email") {
      ok = parse_email_settings(value, at(path, it->first), path, diags, &config.email) && ok;
    } else if (key == "accessibility" && value.IsMap()) {
      for (auto a = value.begin(); a != value.end(); ++a) {
        std::string k = a->first.as<std::string>("");
        if (k == "contact_email") {
          scalar(a->second, k, &config.accessibility_email);
          if (!config.accessibility_email.empty() && !is_valid_email(config.accessibility_email)) {
            diags.error(at_value(a->second), "contact_email '" + config.accessibility_email +
                                                 "' is not an email address such as accessibility@example.org" +
                                                 note(a->second));
            ok = false;
          }
        } else if (k == "reviewed") {
          std::string error;
          config.accessibility_reviewed =
              parse_datetime(a->second.as<std::string>(""), config.zone(), &error);
          if (!config.accessibility_reviewed) {
            diags.error(at_value(a->second), error + note(a->second));
            ok = false;
          }
        } else if (k == "known_issues" && a->second.IsSequence()) {
          // A copy: a range-for over a->second would outlive the iterator's temporary.
          const YAML::Node issues = a->second;
          for (const auto& issue : issues) {
            std::string text = issue.as<std::string>("");
            if (!text.empty()) config.accessibility_known_issues.push_back(text);
          }
        } else if (k == "known_issues") {
          diags.error(at(path, a->second), "'known_issues' must be a list, one problem a line");
          ok = false;
        } else {
          unknown(a->first, k, {"contact_email", "reviewed", "known_issues"}, " in 'accessibility'");
        }
      }
    } else if (key == "feeds" && value.IsMap()) {
      for (auto f = value.begin(); f != value.end(); ++f) {
        std::string k = f->first.as<std::string>("");
        if (k == "items") {
          try {
            config.feed_items = f->second.as<int>();
            if (config.feed_items < 1) throw YAML::Exception(YAML::Mark(), "");
          } catch (const YAML::Exception&) {
            diags.error(at(path, f->second), "'feeds.items' must be a whole number above 0");
            ok = false;
          }
        } else if (k == "full_content") {
          boolean(f->second, "feeds.full_content", &config.feed_full_content);
        } else {
          unknown(f->first, k, {"items", "full_content"}, " in 'feeds'");
        }
      }
    } else if (key == "procedures" && value.IsMap()) {
      for (auto p = value.begin(); p != value.end(); ++p) {
        std::string k = p->first.as<std::string>("");
        if (k == "release_tags") scalar(p->second, "procedures.release_tags", &config.release_tags);
        else unknown(p->first, k, {"release_tags"}, " in 'procedures'");
      }
    } else if ((key == "briefings" || key == "reports") && value.IsMap()) {
      // A section's own types, added to the built-in ones: review types of
      // briefings, report types of reports.
      const bool briefings = key == "briefings";
      const std::string types_key = briefings ? "review_types" : "report_types";
      const std::string noun = briefings ? "review type" : "report type";
      auto& types = briefings ? config.review_types : config.report_types;
      for (auto b = value.begin(); b != value.end(); ++b) {
        std::string k = b->first.as<std::string>("");
        if (k == types_key && b->second.IsMap()) {
          for (auto t = b->second.begin(); t != b->second.end(); ++t) {
            std::string type = t->first.as<std::string>("");
            if (!is_valid_slug(type)) {
              diags.error(at_value(t->first), noun + " '" + type +
                                                  "' must use lower-case letters, digits and hyphens" + note(t->first));
              ok = false;
              continue;
            }
            types.emplace_back(type, t->second.as<std::string>(type));
          }
        } else {
          unknown(b->first, k, {types_key}, " in '" + key + "'");
        }
      }
    } else if (key == "accessibility" || key == "feeds" || key == "procedures" ||
               key == "briefings" || key == "reports") {
      diags.error(at(path, value), "'" + key + "' must be a map of settings");
      ok = false;
    } else {
      unknown(it->first, key, top_keys, "");
    }
  }
  if (languages_given || welsh_first_given) {
    auto languages = parse_languages(languages_given ? &languages_node : nullptr,
                                     welsh_first_given ? &welsh_first_node : nullptr, path, diags);
    if (!languages) {
      ok = false;
    } else if (!languages->empty()) {
      config.languages = std::move(*languages);
      const std::string& lead = config.languages.front().tag;
      if (language_given && language_node.IsScalar() && language_code(config.language) != language_code(lead)) {
        diags.error(at_value(language_node),
                    fmt::format("language '{}' is not the site's default language '{}' (the first of 'languages'{}): "
                                "remove 'language', which 'languages' replaces",
                                config.language, lead, welsh_first_given ? ", as welsh_first orders them" : ""));
        ok = false;
      }
      config.language = lead;
    }
  }
  if (!have_title) {
    diags.error({path, 1, 1}, "herald.yaml has no 'title': give the partnership's name");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return config;
}

}  // namespace herald
