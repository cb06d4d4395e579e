// Assemble stage: every page, manual, contact and taxonomy of the site, cross-checked.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "content/amendments.h"
#include "content/boards.h"
#include "content/contacts.h"
#include "content/menus.h"
#include "content/page.h"
#include "core/diagnostic.h"
#include "git/repository.h"

namespace herald {

/// A taxonomy term (a topic, an audience or a review type) and its pages.
struct Term {
  std::string key;   ///< URL part, e.g. "domestic-abuse"
  std::string name;  ///< display name, e.g. "domestic abuse"
  std::vector<const Page*> pages;  ///< newest first
};

struct Manual {
  const Page* index = nullptr;  ///< the manual's _index.md (may be null: reported)
  std::string slug;
  std::vector<const Page*> chapters;  ///< by order, then title
};

/// A file copied into the output as it is.
struct StaticFile {
  std::string output_path;  ///< relative to the output folder, no leading '/'
  std::string source_path;
  const std::string* content = nullptr;  ///< owned by the loaded site
};

struct Library {
  Config config;
  std::shared_ptr<ContactDirectory> contacts;
  std::vector<Page> pages;  ///< every parsed page, published or not
  int64_t now = 0;
  bool preview = false;
  /// The blob ids of herald.yaml and data/contacts.yaml: besides a page's own
  /// source, what every page shows (the site's settings, urgent contacts).
  std::string inputs;
  /// A page's Markdown tree, parsed again from its source: a page from the
  /// build cache has none, and a PDF that cannot be reused is drawn from it.
  /// Null when the source cannot be read again. Set only while the build runs.
  std::function<std::shared_ptr<Document>(const Page&)> parse_tree;
  std::string commit_id;
  int64_t commit_time = 0;

  const Page* home = nullptr;
  std::map<std::string, const Page*> section_intros;  ///< section -> _index.md
  std::vector<const Page*> newsletters, briefings, events, plain_pages, chapters;
  std::vector<const Page*> reports;  ///< newest first
  std::vector<Manual> manuals;  ///< by order, then title
  std::vector<Board> boards;    ///< by order, then title (content/boards.h)
  std::vector<Term> topics, audiences, review_types;
  std::vector<StaticFile> static_files;
  std::vector<Release> releases;  ///< newest first
  /// The header's and the footer's menus (content/menus.h).
  std::vector<MenuLink> main_menu, footer_menu;
  /// Every published page (all kinds but home/section), newest first.
  std::vector<const Page*> all_published;

  /// With `languages:` in herald.yaml, the default language's library owns
  /// one for each other language, its pages and lists in that language
  /// (content/languages.h); each has its language's `config`.
  std::vector<std::unique_ptr<Library>> other_languages;
  /// In another language's library: the default language's (null in it).
  const Library* default_language = nullptr;

  const Manual* find_manual(const std::string& slug) const;
  const Page* find_page(const std::string& url) const;
  std::unordered_map<std::string, const Page*> by_url;  ///< looked up for every page's key
};

struct SourceFile;

struct AssembleInput {
  const std::vector<SourceFile>* files = nullptr;  ///< the whole tree, for static/ and bundles
};

/// Sorts, indexes and cross-checks the parsed pages: URL clashes, manuals,
/// taxonomies, review dates. Reports into `diags`.
void assemble(Library& library, const AssembleInput& input, Diagnostics& diags);

/// Decides whether a page is shown at `now` (drafts only with `drafts`).
void decide_publication(Page& page, int64_t now, bool drafts);

}  // namespace herald
