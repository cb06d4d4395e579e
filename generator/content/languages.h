// A site in several languages: one library for each, and each page paired with its translations.
#pragma once

#include <string>
#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"

namespace herald {

/// Sets each page's language from its file name (`about.cy.md`) and, when
/// herald.yaml lists `languages`, moves the pages of each language but the
/// default into a library of its own (`lib.other_languages`), whose config
/// has that language's `language`, `language_folder` and a `base_url` in
/// that folder. A page named in a language the site does not publish in
/// is an error, and is left out.
void split_by_language(Library& lib, Diagnostics& diags);

/// The site's libraries, the default language's first.
std::vector<Library*> language_libraries(Library& lib);
std::vector<const Library*> language_libraries(const Library& lib);

/// After Assemble: each published page's translations, the published page
/// of the same file name in each other language (`about.md` and
/// `about.cy.md`, whatever their slugs). Warns of a page with no
/// translation (each when `list_untranslated`, as `herald check` does;
/// else a note of how many), and of a translation last changed before the
/// page in the default language (it may be out of date).
void link_translations(Library& lib, bool list_untranslated, Diagnostics& diags);

/// Where the page at `url` of `from` is in each other language: a page's
/// translations; for herald's own pages (home, lists, search…) the same page
/// in that language's folder; none for a page with no translation. Each
/// URL is a site path with its language's folder.
std::vector<Translation> translations_of(const Library& from, const std::string& url);

/// The name of a language in that language, for the language switch:
/// "English", "Cymraeg".
std::string language_name(const std::string& tag);

/// A content file's path without its language ("content/pages/about.cy.md"
/// -> "content/pages/about.md"): what a page and its translations share.
std::string untranslated_path(const std::string& source_path);

/// Whether `path` (a site path without its leading '/', maybe with ?query or
/// #anchor) names a file of static/ while `lib` is another language's
/// library: such a file is published once, at the site's top, not in the
/// language's folder. False for the default language's library.
bool names_top_static_file(const Library& lib, std::string_view path);

/// Whether `path` (as for names_top_static_file) is a page of the default
/// language with no page at that address in `lib`, another language's
/// library: a Welsh page's link to an English page not yet translated
/// (`/briefings/sudi/`) leads to it, at the site's top.
bool names_default_language_page(const Library& lib, std::string_view path);

/// Whether a link of `lib`'s pages to the site path `path` (without its
/// leading '/') leads to the site's top rather than into the language's
/// folder: a file of static/, or a page of the default language alone.
bool leads_to_top(const Library& lib, std::string_view path);

}  // namespace herald
