// A published (or withheld) content page of any kind, as parsed from its source file.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/datetime.h"
#include "core/diagnostic.h"
#include "core/shared_text.h"
#include "content/meeting.h"
#include "markdown/link_use.h"

namespace herald {

class Document;

// `page` stays last: the parse cache reads a kind as at most Kind::page.
enum class Kind { home, section, newsletter, briefing, manual, chapter, event, report, board, meeting, page };

/// Lower-case name of a kind, as used in templates and search filters.
const char* kind_name(Kind kind);

struct EventSession {
  DateTime start, end;
};

struct BriefingSource {
  std::string title, url;
  std::optional<DateTime> published;
};

/// One of the seven numbered sections of a 7-minute briefing.
struct BriefingSection {
  int number = 0;
  std::string title;  ///< the heading without its number
  std::string anchor;
  SharedText html;  ///< shared with the parse cache's file when read from it
  int line = 0;
};

/// A report's own front matter (§10): held by its page, null for other kinds.
struct ReportInfo {
  std::string report_type;  ///< a key of Config::report_types, e.g. annual-report
  std::string period;       ///< as written, e.g. 2023-2024; may be empty
  bool numbered = true;     ///< herald numbers the headings (1, 1.1, 1.1.1)
  std::string cover;        ///< the PDF's cover picture, as written; may be empty
  SourceLocation cover_at;  ///< where `cover` is written
  /// What the cover picture shows, for people who cannot see it: with it the
  /// picture is a figure; without, decoration. May be empty.
  std::string cover_alt;
};

/// Why a page is not shown at `now`: "draft" (unless `drafts`), "scheduled"
/// (its date is later), "expired" (its expiry has passed), or "" when shown.
/// The one rule for pages, lists, feeds and the procedures' releases.
std::string withheld_reason(bool draft, const std::optional<DateTime>& date, const std::optional<DateTime>& expires,
                            int64_t now, bool drafts);

/// The same page in another language of the site (content/languages.h).
struct Translation {
  std::string tag;  ///< its language tag, for `hreflang` and `lang`: "cy"
  std::string url;  ///< its site path, with its language's folder: "/cy/amdanom/"
};

struct Page {
  Kind kind = Kind::page;
  std::string source_path;  ///< e.g. content/briefings/sudi.md
  std::string source_blob;  ///< its git blob id: what a page from the build cache is parsed again from
  std::string bundle_dir;   ///< e.g. content/newsletters/spring/ for a bundle, else empty
  std::string slug;
  std::string manual;       ///< a chapter's (or manual's) manual slug
  std::string section;      ///< for Kind::section: newsletters, briefings, ...
  std::string url;          ///< site path, e.g. /briefings/sudi/ (in its language's folder: see Config)
  /// The language its file name gives ("cy" for about.cy.md), else "": the
  /// site's default language.
  std::string language;
  /// The same page in the site's other languages (set in Assemble).
  std::vector<Translation> translations;

  std::string title;
  std::string summary;           ///< as written, else the body's first paragraph
  bool summary_written = false;  ///< `summary` was written in the front matter
  std::optional<DateTime> date;
  std::optional<DateTime> expires;
  bool draft = false;
  std::vector<std::string> topics;    ///< as written
  std::vector<std::string> audience;
  std::vector<std::string> aliases;
  std::vector<SourceLocation> aliases_at;  ///< where each alias is written, item by item
  /// Every link and image URL the page publishes (its body's, an event's
  /// booking_url, a briefing's source), as written, with where.
  std::vector<LinkUse> links;
  bool pdf = false;

  // From git: when the source was first and last committed.
  int64_t first_commit = 0;
  int64_t last_commit = 0;
  /// How many commits (merges aside) changed the source: a meeting's SEQUENCE in calendars.
  int commits = 0;

  // Newsletters.
  std::optional<int> issue;
  std::string series;

  // Briefings.
  std::string review_type;
  BriefingSource source;
  SharedText lead_html;  ///< shared with the parse cache's file when read from it
  std::vector<BriefingSection> sections;
  int reading_minutes = 0;

  // Procedures (manual and chapter).
  int order = 0;
  std::string owner;
  std::optional<DateTime> reviewed, review_due;
  SourceLocation review_due_at;  ///< where review_due is written
  std::string amendment;
  bool reread = false;

  // Events.
  std::vector<EventSession> sessions;
  std::string location, booking_url;

  // Boards (_index.md: members) and meetings (content/meeting.h).
  Meeting meeting;

  // Pages.
  bool toc = false;

  // Reports.
  std::shared_ptr<const ReportInfo> report;

  // Body.
  std::string body_markdown;  ///< the Markdown while it is parsed; empty afterwards
  int body_line_offset = 0;
  std::shared_ptr<Document> doc;
  size_t word_count = 0;
  /// How many charts the body draws: files chart-1.csv… beside the page
  /// (known without decoding a document read from the parse cache).
  size_t charts = 0;

  /// Is the page shown in this build (not a draft, not scheduled, not expired)?
  bool published = true;
  /// Why not, for the verbose log: "draft", "scheduled", "expired".
  std::string withheld_reason;

  /// The date used for sorting lists: `date`, else the first commit.
  int64_t sort_time() const {
    return date ? date->utc_seconds : first_commit;
  }
};

/// ".cy" for a page in another language than the site's default (its file
/// is about.cy.md), else "".
inline std::string language_suffix(const Page& page) { return page.language.empty() ? "" : "." + page.language; }

// Pages are moved, never copied, when a vector of them grows.
static_assert(std::is_nothrow_move_constructible_v<Page>);

/// Newest first, then by title, then by URL: a stable order for every list.
bool newer_first(const Page* a, const Page* b);

}  // namespace herald
