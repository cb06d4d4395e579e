// `languages:` and `welsh_first:` in herald.yaml: checked, ordered, each given its folder.
#include "config/languages.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "config/language_tag.h"

namespace herald {
namespace {

SourceLocation at(const std::string& path, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return {path, m.line + 1, m.column + 1};
}

}  // namespace

std::string language_code(const std::string& tag) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code;
}

bool has_theme_words(const std::string& tag) {
  std::string code = language_code(tag);
  return code == "en" || code == "cy";
}

std::optional<std::vector<SiteLanguage>> parse_languages(const YAML::Node* languages_given, const YAML::Node* welsh_first_given,
                                                         const std::string& path, Diagnostics& diags) {
  std::vector<SiteLanguage> out;
  bool ok = true;
  if (languages_given) {
    const YAML::Node& languages = *languages_given;
    if (!languages.IsSequence() || languages.size() == 0) {
      diags.error(at(path, languages), "'languages' must be a list of language tags, the site's default first, "
                                       "such as languages: [en-GB, cy]");
      return std::nullopt;
    }
    for (const YAML::Node& item : languages) {
      if (!item.IsScalar()) {
        diags.error(at(path, item), "each of 'languages' must be a language tag such as en-GB or cy");
        ok = false;
        continue;
      }
      const std::string tag = item.Scalar();
      if (!is_well_formed_language_tag(tag)) {
        diags.error(at(path, item), fmt::format("language '{}' must be a language tag such as en-GB (English as "
                                                "written in the United Kingdom), en or cy (Welsh)",
                                                tag));
        ok = false;
        continue;
      }
      if (!has_theme_words(tag)) {
        diags.error(at(path, item), fmt::format("herald cannot publish in language '{}': the theme's words are in "
                                                "English (en, en-GB) and Welsh (cy) only",
                                                tag));
        ok = false;
        continue;
      }
      std::string code = language_code(tag);
      auto same = std::find_if(out.begin(), out.end(), [&](const SiteLanguage& l) { return l.code == code; });
      if (same != out.end()) {
        diags.error(at(path, item), same->tag == tag
                                        ? fmt::format("language '{}' is listed twice in 'languages'", tag)
                                        : fmt::format("'{}' and '{}' are the same language: list it once in "
                                                      "'languages'",
                                                      same->tag, tag));
        ok = false;
        continue;
      }
      out.push_back({tag, code, ""});
    }
  }
  if (welsh_first_given) {
    const YAML::Node& welsh_first = *welsh_first_given;
    bool first = false;
    try {
      first = welsh_first.as<bool>();
    } catch (const YAML::Exception&) {
      diags.error(at(path, welsh_first), "'welsh_first' must be true or false");
      return std::nullopt;
    }
    auto welsh = std::find_if(out.begin(), out.end(), [](const SiteLanguage& l) { return l.code == "cy"; });
    auto english = std::find_if(out.begin(), out.end(), [](const SiteLanguage& l) { return l.code == "en"; });
    if (welsh == out.end() || english == out.end()) {
      diags.error(at(path, welsh_first), "'welsh_first' needs both Welsh and English in 'languages', such as "
                                         "languages: [en-GB, cy]");
      return std::nullopt;
    }
    auto lead = first ? welsh : english;
    std::rotate(out.begin(), lead, lead + 1);
  }
  if (!ok) return std::nullopt;
  for (size_t i = 1; i < out.size(); ++i) out[i].folder = out[i].code + "/";
  return out;
}

}  // namespace herald
