// Where a file sits in the site repository decides what it is.
#pragma once

#include <optional>
#include <string>

#include "content/page.h"

namespace herald {

/// What a path under content/ is.
struct ContentPath {
  Kind kind = Kind::page;
  std::string slug;        ///< from the file or bundle folder name
  std::string manual;      ///< for procedures
  std::string section;     ///< for section list intros (content/<section>/_index.md)
  std::string bundle_dir;  ///< with trailing '/', for bundles
  /// The language its name gives (`about.cy.md`, `_index.cy.md`, a bundle's
  /// `index.cy.md`: "cy"), empty when it names none (content/languages.h).
  std::string language;
};

/// The language code a Markdown file's name ends with (`about.cy.md`: "cy",
/// two or three lower-case letters before `.md`), or "".
std::string file_language(const std::string& path);

/// The sections of the contract, in menu order.
const std::vector<std::string>& content_sections();

/// Classifies a Markdown file under content/. Returns nullopt (and sets
/// `problem`) for a Markdown file in a place herald does not know.
std::optional<ContentPath> classify_content_path(const std::string& path, std::string* problem);

/// For a non-Markdown file: the bundle folder it belongs to, if any.
std::string bundle_of(const std::string& path);

}  // namespace herald
