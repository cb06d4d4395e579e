// Reading herald.yaml's `menu:`: each menu a list of names and {title, url} links.
#include "config/menu.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "markdown/urls.h"

namespace herald {
namespace {

SourceLocation at(const std::string& path, const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return {path, 0, 0};
  return {path, m.line + 1, m.column + 1};
}

/// What a message calls the menu of `key`: "the main menu", "the footer menu".
std::string menu_name(const std::string& key) { return "the " + key + " menu"; }

const char* kLinkForm = "{ title: \"Privacy notice\", url: /privacy/ }";

/// The language code of a link's title in another language (`title_cy` ->
/// "cy"), or "" when `field` is not one.
std::string translated_title_code(const std::string& field) {
  if (field.size() < 8 || field.size() > 9 || field.compare(0, 6, "title_") != 0) return "";
  for (size_t i = 6; i < field.size(); ++i)
    if (field[i] < 'a' || field[i] > 'z') return "";
  return field.substr(6);
}

/// Why `url` cannot be a menu link's address, or "" when it can: an address
/// of another site (http, https), a path of this site from its top (`/…`),
/// an email address (mailto:) or a phone number (tel:).
std::string url_problem(const std::string& url) {
  if (url.empty()) return "a menu link needs a url: " + std::string(kLinkForm);
  if (!is_allowed_link_url(url)) return url_not_allowed("the menu link", url);
  switch (url_kind(url)) {
    case UrlKind::site_path:
      if (url[0] == '/') return "";
      return fmt::format(
          "the menu link '{}' must be a path of the site from its top, starting with '/' (such as "
          "/privacy/), "
          "or a whole address starting with https://: the menu is on every page, so a path relative to the "
          "page would lead somewhere different from each",
          quoted_url(url));
    case UrlKind::web:
      if (is_web_address(url)) return "";
      return fmt::format("the menu link '{}' must be a whole address starting with https:// or http://",
                         quoted_url(url));
    default:
      return "";
  }
}

}  // namespace

bool parse_menu(const YAML::Node& value, const std::string& path, Diagnostics& diags, MenuSettings* out) {
  if (!value.IsMap()) {
    diags.error(at(path, value),
                "'menu' must be a map of the two menus, 'main:' (the header's) and 'footer:', each a list");
    return false;
  }
  bool ok = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string key = it->first.as<std::string>("");
    // A copy: yaml-cpp iterators hand out temporaries, so a reference would dangle.
    const YAML::Node list = it->second;
    MenuSetting* menu = key == "main" ? &out->main : key == "footer" ? &out->footer : nullptr;
    if (!menu) {
      std::string suggestion = closest_match(key, {"main", "footer"});
      diags.warning(at(path, it->first),
                    fmt::format("unknown setting '{}' in 'menu': the menus are 'main' (the header's) and "
                                "'footer'{}",
                                key, suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
      continue;
    }
    if (!list.IsSequence()) {
      diags.error(
          at(path, list.IsNull() ? it->first : list),
          fmt::format("'menu.{}' must be a list of entries, such as [newsletters, briefings, about]", key));
      ok = false;
      continue;
    }
    menu->given = true;
    menu->entries.clear();
    for (const YAML::Node& item : list) {
      MenuEntry entry;
      entry.at = at(path, item);
      if (item.IsScalar()) {
        entry.name = item.Scalar();
        if (!is_valid_slug(entry.name)) {
          bool address = starts_with(entry.name, "/") || entry.name.find(':') != std::string::npos;
          diags.error(entry.at,
                      address ? fmt::format("'{}' in {} needs a title: write it {{ title: \"…\", url: {} }}",
                                            quoted_url(entry.name), menu_name(key), quoted_url(entry.name))
                              : fmt::format("'{}' in {} must be the name of a section or a page, such as "
                                            "'newsletters' or 'about', or a link written {}",
                                            truncate_text(entry.name, 40), menu_name(key), kLinkForm));
          ok = false;
          continue;
        }
      } else if (item.IsMap()) {
        bool has_title = false, has_url = false;
        for (auto f = item.begin(); f != item.end(); ++f) {
          std::string field = f->first.as<std::string>("");
          const YAML::Node v = f->second;
          if (std::string code = translated_title_code(field); !code.empty() && v.IsScalar()) {
            std::string text(trim(v.Scalar()));
            if (text.empty()) {
              diags.error(at(path, v), "a menu link's title is the text of the link: it cannot be empty");
              ok = false;
            }
            entry.titles.push_back({code, std::move(text), at(path, f->first)});
            continue;
          }
          if (field != "title" && field != "url") {
            std::string suggestion = closest_match(field, {"title", "url"});
            diags.warning(
                at(path, f->first),
                fmt::format("unknown setting '{}' in a menu link, which has a title and a url{}", field,
                            suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
            continue;
          }
          if (!v.IsScalar()) {
            diags.error(at(path, v), fmt::format("a menu link's '{}' must be text", field));
            ok = false;
            has_title = has_title || field == "title";  // reported here, not again as missing
            has_url = has_url || field == "url";
            continue;
          }
          if (field == "title") {
            entry.title = std::string(trim(v.Scalar()));
            has_title = true;
            if (entry.title.empty()) {
              diags.error(at(path, v), "a menu link's title is the text of the link: it cannot be empty");
              ok = false;
            }
          } else {
            entry.url = std::string(trim(v.Scalar()));
            has_url = true;
            if (std::string problem = url_problem(entry.url); !problem.empty()) {
              diags.error(at(path, v), problem);
              ok = false;
            }
          }
        }
        if (!has_title || !has_url) {
          diags.error(entry.at, fmt::format("a link in {} needs both a title and a url: {}", menu_name(key),
                                            kLinkForm));
          ok = false;
          continue;
        }
      } else {
        diags.error(entry.at, fmt::format("an entry of {} must be the name of a section or a page, such as "
                                          "'newsletters' or 'about', or a link written {}",
                                          menu_name(key), kLinkForm));
        ok = false;
        continue;
      }
      menu->entries.push_back(std::move(entry));
    }
  }
  return ok;
}

}  // namespace herald
