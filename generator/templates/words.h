// The theme's words in each language herald publishes in (English and Welsh), read from the theme's i18n/ files.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "templates/template_data.h"

namespace herald {

class Diagnostics;
class Theme;

/// One language's words: name → text, as in a theme's `i18n/<code>.yaml`.
using WordMap = std::map<std::string, std::string>;

/// The words of one `i18n/<code>.yaml` file (a flat map `name: text`).
/// Throws std::runtime_error, with the line, when the text is not such a map.
WordMap read_words(std::string_view yaml);

/// From now on, the words of `theme`: the built-in theme's, with each word a
/// site's theme gives in its own `i18n/<code>.yaml` in their place. A file
/// that cannot be read is reported to `diags` and left out.
void use_theme_words(const Theme& theme, Diagnostics& diags);

/// `english` in the language of `tag` ("cy", "en-GB"): the word of the same
/// name in that language's file where the theme has it, else `english` itself.
std::string translate(const std::string& tag, std::string_view english);

/// `english` in this thread's display language (core/display_language.h).
std::string tr(std::string_view english);

/// Values for the `{key}` places in a word: {{"name", topic.name}}.
using WordFill = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// The word `name` of i18n/en.yaml in the language of `tag` (English where
/// that language lacks it), each `{key}` in it replaced by its value in `fill`.
std::string word_in(const std::string& tag, const std::string& name, WordFill fill = {});

/// word_in() in this thread's display language: word("topic_title", {{"name", t.name}}).
std::string word(const std::string& name, WordFill fill = {});

/// Every word the templates show, by name (`{{words.skip_link}}`), in this
/// thread's display language.
kainjow::mustache::data words_data();

}  // namespace herald
