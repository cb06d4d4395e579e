// The site's two menus (the header's and the footer's): herald.yaml's `menu:` checked, or the default.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

struct Library;

/// A link of a menu, as every page shows it.
struct MenuLink {
  std::string title;
  /// A path of the site from its top (`/briefings/`, `/privacy/#cookies`)
  /// when `site`, made relative to each page; else another address
  /// (`https://…`, `mailto:…`, `tel:…`), shown as it is.
  std::string url;
  bool site = true;
  /// `url` is a path from the site's very top, outside this language's
  /// folder: a page of the default language that has no translation.
  bool top = false;
  std::string hreflang;  ///< the language of what the link leads to, when not the page's
  std::string lang;      ///< the language of `title`, when not the page's
};

/// A section a menu may name: its name in herald.yaml, its title in the
/// menu, its list page and, for a message, what it lists ("newsletters").
struct MenuSection {
  const char* name;
  const char* title;
  const char* url;
  const char* what;
};

/// Every section a menu may name, the default main menu's first, in its
/// order: newsletters, briefings, procedures, reports, meetings, events,
/// contacts, search; then topics, accessibility and feeds.
const std::vector<MenuSection>& menu_sections();

/// Does the site publish anything in `section`, a name of menu_sections()?
/// (Search, the accessibility statement and the feeds always; meetings,
/// which this version of herald does not publish, never.)
bool section_has_content(const Library& lib, std::string_view section);

/// Sets `lib.main_menu` and `lib.footer_menu` from `lib.config.menu`, once
/// the library is assembled: each entry given in herald.yaml must name
/// something this build publishes (an error at the entry otherwise, with the
/// name or address it probably meant); a menu not given is its default. The
/// main menu's default is every section above up to search that has
/// something published (search always); the footer's is the pages of
/// content/pages/ by title, the accessibility statement and the feeds page.
///
/// In another language's library (`lib.default_language` set), each entry
/// leads to that language's page or section when it has one, else to the
/// default language's (marked `top`, with its `hreflang`); an entry that
/// leads nowhere was reported by the default language's menus and is left
/// out. A link's `title_cy` (and so on) is its title in that language.
void assemble_menus(Library& lib, Diagnostics& diags);

}  // namespace herald
