// herald.yaml's `menu:`: the header's and the footer's links, as written (checked in Assemble).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace YAML {
class Node;
}

namespace herald {

/// One entry of a menu as herald.yaml writes it: a name (a section such as
/// `newsletters`, or a page of content/pages/ such as `about`), or a link
/// `{ title: "Privacy notice", url: /privacy/ }`.
struct MenuEntry {
  std::string name;   ///< a section or page slug; empty for a link
  std::string title;  ///< a link's text
  /// A link's text in another language: `title_cy: "Adroddiad blynyddol"`.
  struct Title {
    std::string code;  ///< the language's code: "cy"
    std::string text;
    SourceLocation at;
  };
  std::vector<Title> titles;
  std::string url;    ///< a link's address: `/a/site/path/`, `https://…`, `mailto:…` or `tel:…`
  SourceLocation at;  ///< where the entry is written
};

/// One menu: given in herald.yaml, or left to its default (see content/menus.h).
struct MenuSetting {
  bool given = false;
  std::vector<MenuEntry> entries;
};

/// `menu: { main: [...], footer: [...] }`.
struct MenuSettings {
  MenuSetting main, footer;
};

/// Reads `menu:` (`value`, the node after the key) into `out`. Problems are
/// reported against `path`; returns false on an error (an entry that is
/// neither a name nor a `{title, url}`, a url herald does not publish links
/// to). Whether a name or a site path leads anywhere is checked in Assemble.
bool parse_menu(const YAML::Node& value, const std::string& path, Diagnostics& diags, MenuSettings* out);

}  // namespace herald
