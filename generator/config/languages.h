// `languages:` and `welsh_first:` in herald.yaml: the languages a site publishes in, and where each goes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostic.h"

namespace herald {

/// One language a site publishes in.
struct SiteLanguage {
  std::string tag;     ///< as written in herald.yaml, e.g. "en-GB", "cy": `lang` and `hreflang`
  std::string code;    ///< its primary subtag, lower case: "en", "cy"; a file's suffix (`about.cy.md`)
  std::string folder;  ///< "" for the default language (at /), else "cy/" (at /cy/)
};

/// The primary subtag of a language tag, lower case ("en-GB" -> "en").
std::string language_code(const std::string& tag);

/// True when herald has the theme's words in the language of `tag`:
/// English (en, en-GB…) and Welsh (cy, cy-GB…).
bool has_theme_words(const std::string& tag);

/// Reads `languages:` (a list of language tags; the first is the default)
/// and `welsh_first:` (true: Welsh first whatever the order of the list;
/// false: English first). Either may be null when not written. Returns the
/// site's languages, default first, each with its folder; an empty list
/// when `languages` is not given (one language, `language:`); nullopt when
/// a problem was reported.
std::optional<std::vector<SiteLanguage>> parse_languages(const YAML::Node* languages, const YAML::Node* welsh_first,
                                                         const std::string& path, Diagnostics& diags);

}  // namespace herald
