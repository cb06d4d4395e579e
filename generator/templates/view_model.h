// The ONLY place where pages, contacts and releases become template data (view_models/, a file a kind).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "content/library.h"
#include "templates/data_hash.h"
#include "templates/renderer.h"

namespace herald {

struct Feed;

/// What a newsletter's email edition shows besides the page itself, made
/// from its Markdown by output/email/ (email_edition.h).
struct EmailParts {
  std::string html;  ///< the body, every style inline, every URL whole
  std::string text;  ///< the body as text, every link as its URL
  /// The frame's inline styles by name (`p`, `h1`, `a`, `small`…), so that
  /// the template's elements look like the body's.
  std::map<std::string, std::string> styles;
  std::string logo_url;  ///< a PNG or JPEG logo's whole address; SVG is not shown by most mail programs
  int logo_width = 0, logo_height = 0;
};

/// Relative path from a page at site path `url` back to the site root:
/// "/" -> "", "/briefings/x/" -> "../../".
std::string root_from(const std::string& url);

/// From `root` (a page's root_from) up to the site's top, above the
/// language's folder of `config` (`cy/`): where theme assets and the files
/// of static/ are.
std::string top_from(std::string root, const Config& config);

/// Builds the data of every template from the assembled library.
class ViewModel {
 public:
  explicit ViewModel(const Library& library);

  /// Data shared by every page (site, menus, breadcrumbs, urgent contacts),
  /// for a page at site path `url`. A menu's link to `url` is marked as the
  /// current page, one to a folder above it as the current section.
  TemplateData base(const std::string& url, const std::string& title) const;

  TemplateData page(const Page& page) const;          ///< any content page
  /// A hash of everything page(p) is made from, for template `tmpl`, found
  /// without making it: the whole page as parsed and dated (its source's path
  /// and blob id, with what Assemble sets), the site's inputs, the menus and the preview flag, what
  /// the clock decides (an overdue review, a past session), the manuals in
  /// its breadcrumbs and, for a chapter, its manual, its neighbours and its
  /// history. Equal keys give equal data (tests/templates/page_key_test.cc),
  /// so an unchanged page is linked from the previous build without its data
  /// being made. Whatever page() comes to read must be added here.
  Hash128 page_key(const Page& p, const std::string& tmpl) const;
  /// The same for term(t, kind): the term, the site's inputs, the menus and
  /// what each of its pages' cards shows (as card() makes it).
  Hash128 term_key(const Term& t, const std::string& kind) const;
  TemplateData home() const;
  TemplateData newsletters() const;
  TemplateData briefings() const;
  /// Hashes of what newsletters() and briefings() are made from, as for
  /// term_key: the menus, the section's intro, each page's card (and year) and, for the
  /// briefings, the terms' counts. The two longest lists are so not made
  /// when unchanged.
  Hash128 newsletters_key() const;
  Hash128 briefings_key() const;
  /// The reports by type, newest first in each (`/reports/`).
  TemplateData reports() const;
  /// A hash of what reports() is made from, as for newsletters_key: the
  /// menus, the section's intro and each report's card (its type among it);
  /// the types' names and order are herald.yaml's, in the site's inputs.
  Hash128 reports_key() const;
  TemplateData procedures() const;
  TemplateData manual(const Manual& manual) const;
  /// A hash of what manual() is made from: the manual's own page (as
  /// page_key) and, for each chapter, its card and what the list adds (owner,
  /// overdue review, last change). A manual may list thousands of chapters.
  Hash128 manual_key(const Manual& manual) const;
  TemplateData changes() const;
  /// Hashes of what procedures() and changes() are made from: each manual's
  /// card and chapter count and the newest release, and every release, as
  /// release() shows them. A release may list thousands of chapters.
  Hash128 procedures_key() const;
  Hash128 changes_key() const;
  TemplateData events() const;
  /// /meetings/: every board, with its next meeting.
  TemplateData meetings() const;
  /// /meetings/<board>/: its members, upcoming and past meetings.
  TemplateData board(const Board& board) const;
  /// /meetings/<board>/actions/: every action with its history, open first, overdue marked.
  TemplateData actions(const Board& board) const;
  TemplateData contacts() const;
  TemplateData term(const Term& term, const std::string& kind) const;  ///< kind: topic, audience, review-type
  TemplateData term_index(const std::string& kind) const;
  TemplateData accessibility() const;
  TemplateData not_found() const;
  /// The redirect page an alias of `page` is written as: its title and
  /// absolute address, the site's language (redirect.mustache).
  TemplateData redirect(const Page& page) const;
  TemplateData search() const;
  /// The "Use our feeds" page: every feed URL and the iframe snippet.
  TemplateData feeds_page(const std::vector<Feed>& feeds) const;
  /// A compact page for a partner's iframe: the newest items, links opening in the parent.
  TemplateData embed(const std::string& url, const std::string& title,
                     const std::vector<const Page*>& pages) const;

  /// The email edition of a newsletter (email.mustache and
  /// email_text.mustache): its title, series, issue and date, the summary
  /// as the preheader, "In this issue" linking to the web page's articles,
  /// the body (`parts`), the web page's and the PDF's whole addresses, the
  /// site's name, brand colour and logo, and the unsubscribe link of
  /// herald.yaml's `email`. Everything it reads is in page_key(p, ...) but
  /// the logo's and pictures' files (output/email/email_edition.cc keys them).
  TemplateData email(const Page& page, const EmailParts& parts) const;

  /// A page's summary card data (title, url, date, summary, kind label).
  TemplateData card(const Page& page, const std::string& root) const;
  /// Breadcrumbs for a page at `url`.
  TemplateData breadcrumbs(const std::string& url, const std::string& root) const;

  const Library& library() const { return lib_; }

 private:
  /// The parts of page(p) for a chapter, an event and a briefing, in the
  /// page's data `pg`; `root` leads from the page to the site's top.
  void chapter_data(const Page& p, const std::string& root, TemplateData& pg) const;
  void event_data(const Page& p, const std::string& root, TemplateData& pg) const;
  void briefing_data(const Page& p, const std::string& root, TemplateData& pg) const;
  void report_data(const Page& p, TemplateData& pg) const;
  void meeting_data(const Page& p, const std::string& root, TemplateData& pg) const;
  /// What meeting_data() shows besides the meeting as parsed: its status by
  /// the clock, its board's title, its papers' files.
  void add_meeting_key(KeyInput& in, const Page& p) const;
  /// A meeting's card: its date and time, and whether it is an agenda or minutes.
  TemplateData meeting_card(const Page& p, const std::string& root) const;
  const Board* board_of(const Page& p) const;
  /// What chapter_data() shows besides the chapter itself, for page_key().
  void add_chapter_key(KeyInput& in, const Page& p) const;
  TemplateData release(const Release& r, const std::string& root) const;
  /// What release() shows of a release, for the keys.
  void add_release(KeyInput& in, const Release& r) const;
  /// The published page of a changed chapter that release() links to (none
  /// for a removed one), and the title of its manual as release() names it.
  const Page* live_chapter(const ChapterChange& c) const;
  std::string manual_title(const ChapterChange& c) const;
  TemplateData contact(const Contact& c, const std::string& root) const;
  TemplateData terms_of(const Page& page, const std::string& root) const;
  /// A hash of what card(p) shows of a page.
  Hash128 card_key(const Page& p) const;
  KeyInput list_key_input(const char* what, const std::string& section) const;

  /// One release's mention of a chapter, for the chapter's history.
  struct Mention {
    const Release* release;
    const ChapterChange* change;
    const char* what;
  };

  /// The chapters before and after `chapter` in its manual (null at either end).
  std::pair<const Page*, const Page*> neighbours(const Page& chapter) const;

  const Library& lib_;
  /// A hash of both menus, in every page's key: a new entry (or, for the
  /// default menus, a section's first page, a page's new title) changes every page.
  Hash128 menu_key_;
  /// Each chapter's neighbours in its manual: found once, not by every
  /// chapter walking its manual's list (a manual may have thousands).
  std::unordered_map<const Page*, std::pair<const Page*, const Page*>> neighbours_;
  /// By "manual/slug", in release order: found once, not by every chapter
  /// walking every release.
  std::map<std::string, std::vector<Mention>> mentions_;
  mutable std::once_flag cards_once_;
  mutable std::vector<Hash128> card_keys_;  ///< of each of lib_.pages, in order
};

}  // namespace herald
