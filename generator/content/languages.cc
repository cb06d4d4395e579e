// A site in several languages: the pages split by language, and each paired with its translations.
#include "content/languages.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "config/languages.h"
#include "content/source_path.h"
#include "core/datetime.h"
#include "core/text.h"

namespace herald {
namespace {

/// The other libraries' terms of the kind whose pages are under `folder`.
const std::vector<Term>* terms_under(const Library& lib, const std::string& folder) {
  if (folder == "/topics/") return &lib.topics;
  if (folder == "/audience/") return &lib.audiences;
  if (folder == "/briefings/review-type/") return &lib.review_types;
  return nullptr;
}

std::string in_folder(const Library& lib, const std::string& url) {
  return "/" + lib.config.language_folder + url.substr(1);
}

}  // namespace

std::string untranslated_path(const std::string& source_path) {
  std::string code = file_language(source_path);
  if (code.empty()) return source_path;
  return source_path.substr(0, source_path.size() - 4 - code.size()) + ".md";
}

std::string language_name(const std::string& tag) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (code == "cy") return "Cymraeg";
  if (code == "en") return "English";
  return tag;
}

void split_by_language(Library& lib, Diagnostics& diags) {
  const std::vector<SiteLanguage>& languages = lib.config.languages;
  const std::string default_code = languages.empty() ? "" : languages.front().code;
  std::map<std::string, Library*> by_code;
  if (!languages.empty()) by_code[default_code] = &lib;
  for (size_t i = 1; i < languages.size(); ++i) {
    auto other = std::make_unique<Library>();
    other->config = lib.config;
    other->config.language = languages[i].tag;
    other->config.language_folder = languages[i].folder;
    other->config.base_url = lib.config.base_url + languages[i].folder;
    // The contacts in this language: `name_cy` for `name`, and so on.
    other->contacts = lib.contacts ? std::make_shared<ContactDirectory>(lib.contacts->in_language(languages[i].code))
                                   : nullptr;
    other->now = lib.now;
    other->preview = lib.preview;
    other->inputs = lib.inputs;
    other->commit_id = lib.commit_id;
    other->commit_time = lib.commit_time;
    other->default_language = &lib;
    by_code[languages[i].code] = other.get();
    lib.other_languages.push_back(std::move(other));
  }
  std::vector<Page> kept;
  kept.reserve(lib.pages.size());
  for (Page& page : lib.pages) {
    std::string code = file_language(page.source_path);
    if (code.empty() || code == default_code) {
      page.language = "";
      kept.push_back(std::move(page));
      continue;
    }
    auto target = by_code.find(code);
    if (target == by_code.end()) {
      diags.error({page.source_path, 1, 1},
                  languages.empty()
                      ? fmt::format("the file's name says it is in language '{}' (it ends in .{}.md), but herald.yaml "
                                    "has no 'languages': add languages: [en-GB, {}], or rename the file",
                                    code, code, code)
                      : fmt::format("the file's name says it is in language '{}' (it ends in .{}.md), which is not "
                                    "one of herald.yaml's 'languages'",
                                    code, code));
      continue;
    }
    page.language = code;
    target->second->pages.push_back(std::move(page));
  }
  lib.pages = std::move(kept);
}

std::vector<Library*> language_libraries(Library& lib) {
  std::vector<Library*> all{&lib};
  for (auto& other : lib.other_languages) all.push_back(other.get());
  return all;
}

std::vector<const Library*> language_libraries(const Library& lib) {
  const Library& root = lib.default_language ? *lib.default_language : lib;
  std::vector<const Library*> all{&root};
  for (const auto& other : root.other_languages) all.push_back(other.get());
  return all;
}

void link_translations(Library& lib, bool list_untranslated, Diagnostics& diags) {
  size_t untranslated = 0;
  std::vector<Library*> libraries = language_libraries(lib);
  if (libraries.size() < 2) return;
  // Every published page by its file name without language, with its
  // language's library: the default language's first.
  struct InLanguage {
    Page* page;
    const Library* library;
  };
  std::map<std::string, std::vector<InLanguage>> shared;
  for (Library* l : libraries)
    for (Page& p : l->pages)
      if (p.published) shared[untranslated_path(p.source_path)].push_back({&p, l});
  for (auto& [path, pages] : shared) {
    for (const InLanguage& own : pages) {
      own.page->translations.clear();
      for (const InLanguage& other : pages)
        if (other.library != own.library)
          own.page->translations.push_back({other.library->config.language, in_folder(*other.library, other.page->url)});
    }
    // What the editors should know: a page in one language only, and a
    // translation the default language's page changed after.
    const Page& first = *pages.front().page;
    if (first.kind == Kind::home || first.kind == Kind::section) continue;
    std::vector<std::string> missing;
    for (const Library* l : libraries)
      if (std::none_of(pages.begin(), pages.end(), [&](const InLanguage& p) { return p.library == l; }))
        missing.push_back(l->config.language);
    untranslated += missing.empty() ? 0 : 1;
    if (!missing.empty() && list_untranslated) {
      std::string names;
      for (const std::string& tag : missing) names += (names.empty() ? "" : ", ") + language_name(tag) + " (" + tag + ")";
      std::string expected = untranslated_path(first.source_path);
      if (missing.front() != libraries.front()->config.language)
        expected = expected.substr(0, expected.size() - 3) + "." + language_code(missing.front()) + ".md";
      diags.warning({first.source_path, 1, 1},
                    fmt::format("this page has no translation in {}: add {} so that readers of that language "
                                "find it too",
                                names, expected));
    }
    const Page* original = pages.front().library == libraries.front() ? &first : nullptr;
    if (!original) continue;
    for (const InLanguage& translation : pages) {
      const Page* p = translation.page;
      if (p == original || p->last_commit >= original->last_commit) continue;
      diags.warning({p->source_path, 1, 1},
                    fmt::format("{} changed on {}, after this translation last changed on {}: the translation may "
                                "be out of date",
                                original->source_path, format_human_date(in_zone(original->last_commit, lib.config.zone())),
                                format_human_date(in_zone(p->last_commit, lib.config.zone()))));
    }
  }
  if (untranslated && !list_untranslated)
    diags.report(Severity::note, {"herald.yaml", 0, 0},
                 fmt::format("{} {} not yet in every language of the site: 'herald check' lists {}", untranslated,
                             untranslated == 1 ? "page is" : "pages are", untranslated == 1 ? "it" : "them"));
}

std::vector<Translation> translations_of(const Library& from, const std::string& url) {
  std::vector<Translation> out;
  std::vector<const Library*> libraries = language_libraries(from);
  if (libraries.size() < 2 || url == "/404.html") return out;
  if (const Page* page = from.find_page(url); page && page->kind != Kind::home && page->kind != Kind::section)
    return page->translations;
  // herald's own pages: the same page in each other language; a term's page
  // whose term the other language does not have, that language's list of terms.
  for (const Library* other : libraries) {
    if (other == &from) continue;
    std::string there = url;
    for (const char* folder : {"/topics/", "/audience/", "/briefings/review-type/"}) {
      if (!starts_with(url, folder) || url.size() == std::string_view(folder).size()) continue;
      std::string key = url.substr(std::string_view(folder).size());
      key = key.substr(0, key.find('/'));
      bool found = false;
      for (const Term& t : *terms_under(*other, folder)) found = found || t.key == key;
      if (!found) there = std::string(folder) == "/briefings/review-type/" ? "/briefings/" : folder;
    }
    out.push_back({other->config.language, in_folder(*other, there)});
  }
  return out;
}

bool names_top_static_file(const Library& lib, std::string_view path) {
  if (lib.config.language_folder.empty() || !lib.default_language) return false;
  path = path.substr(0, path.find_first_of("?#"));
  for (const StaticFile& f : lib.default_language->static_files)
    if (f.output_path == path) return true;
  return false;
}

bool names_default_language_page(const Library& lib, std::string_view path) {
  if (lib.config.language_folder.empty() || !lib.default_language) return false;
  path = path.substr(0, path.find_first_of("?#"));
  std::string url = "/" + std::string(path);
  if (url.back() != '/') url += '/';
  return !lib.find_page(url) && lib.default_language->find_page(url);
}

bool leads_to_top(const Library& lib, std::string_view path) {
  return names_top_static_file(lib, path) || names_default_language_page(lib, path);
}

}  // namespace herald
