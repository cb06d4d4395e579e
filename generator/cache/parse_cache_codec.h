// The members of each type the parse cache stores, listed once for its encoder and decoder.
#pragma once

#include <concepts>
#include <type_traits>

#include "cache/parse_cache.h"
#include "markdown/document.h"

namespace herald {

/// T is U, const or not.
template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

/// Lists the members of each stored type once, for both directions: `io` is
/// an Encoder (and `T` const) or a Decoder. Each structured binding must name
/// every member of its type, so a member added to Page (or to any type here)
/// and forgotten here stops the build. A static_assert on sizeof would not:
/// a bool can fit in padding, and sizes differ between standard libraries.
class ParseCacheCodec {
 public:
  template <class Io, Is<Page> T>
  static void fields(Io& io, T& page) {
    // `language` and `translations` are set in Assemble, from the path and the other pages: not kept.
    auto& [kind, source_path, source_blob, bundle_dir, slug, manual, section, url, language, translations, title, summary, summary_written, date, expires, draft,
           topics, audience, aliases, aliases_at, links, pdf, first_commit, last_commit, commits, issue, series, review_type, source,
           lead_html, sections, reading_minutes, order, owner, reviewed, review_due, review_due_at, amendment,
           reread, sessions, location, booking_url, meeting, toc, report, body_markdown, body_line_offset, doc,
           word_count, charts, published, withheld_reason] = page;
    io(kind, source_path, source_blob, bundle_dir, slug, manual, section, url, title, summary, summary_written, date,
       expires, draft,
       topics, audience, aliases, aliases_at, links, pdf, first_commit, last_commit, commits, issue, series, review_type, source,
       lead_html, sections, reading_minutes, order, owner, reviewed, review_due, review_due_at, amendment,
       reread, sessions, location, booking_url, meeting, toc, report, body_markdown, body_line_offset, doc, word_count,
       charts, published, withheld_reason);
  }
  template <class Io, Is<BuildCache::Parsed> T>
  static void fields(Io& io, T& parsed) {
    auto& [page, diagnostics, encoded, sealed, checksum, file] = parsed;  // not yet decoded: written as they are
    io(page, diagnostics);
  }
  template <class Io, Is<Diagnostic> T>
  static void fields(Io& io, T& diagnostic) {
    auto& [severity, where, message] = diagnostic;
    io(severity, where, message);
  }
  template <class Io, Is<SourceLocation> T>
  static void fields(Io& io, T& location) {
    auto& [path, line, column] = location;
    io(path, line, column);
  }
  template <class Io, Is<DateTime> T>
  static void fields(Io& io, T& time) {
    auto& [utc_seconds, offset_seconds, has_time] = time;
    io(utc_seconds, offset_seconds, has_time);
  }
  template <class Io, Is<EventSession> T>
  static void fields(Io& io, T& session) {
    auto& [start, end] = session;
    io(start, end);
  }
  template <class Io, Is<Meeting> T>
  static void fields(Io& io, T& m) {
    auto& [board, members, start, end, online, status, chair, attendance, declarations, papers, restricted, actions,
           decisions, items] = m;
    io(board, members, start, end, online, status, chair, attendance, declarations, papers, restricted, actions,
       decisions, items);
  }
  template <class Io, Is<BoardMember> T>
  static void fields(Io& io, T& member) {
    auto& [name, role] = member;
    io(name, role);
  }
  template <class Io, Is<MeetingAttendance> T>
  static void fields(Io& io, T& a) {
    auto& [present, apologies, absent, in_attendance] = a;
    io(present, apologies, absent, in_attendance);
  }
  template <class Io, Is<MeetingDeclaration> T>
  static void fields(Io& io, T& d) {
    auto& [name, interest, item] = d;
    io(name, interest, item);
  }
  template <class Io, Is<MeetingPaper> T>
  static void fields(Io& io, T& p) {
    auto& [title, file, item, at, url, bytes, type] = p;
    io(title, file, item, at, url, bytes, type);
  }
  template <class Io, Is<MeetingAction> T>
  static void fields(Io& io, T& a) {
    auto& [id, action, owner, status, note, due, item, update, at, due_at] = a;
    io(id, action, owner, status, note, due, item, update, at, due_at);
  }
  template <class Io, Is<MeetingDecision> T>
  static void fields(Io& io, T& d) {
    auto& [item, text] = d;
    io(item, text);
  }
  template <class Io, Is<AgendaItem> T>
  static void fields(Io& io, T& i) {
    auto& [number, title, anchor, restricted] = i;
    io(number, title, anchor, restricted);
  }
  template <class Io, Is<BriefingSource> T>
  static void fields(Io& io, T& source) {
    auto& [title, url, published] = source;
    io(title, url, published);
  }
  template <class Io, Is<ReportInfo> T>
  static void fields(Io& io, T& report) {
    auto& [report_type, period, numbered, cover, cover_at, cover_alt] = report;
    io(report_type, period, numbered, cover, cover_at, cover_alt);
  }
  template <class Io, Is<BriefingSection> T>
  static void fields(Io& io, T& section) {
    auto& [number, title, anchor, html, line] = section;
    io(number, title, anchor, html, line);
  }
  template <class Io, Is<Document> T>
  static void fields(Io& io, T& doc) {
    // Written from what it holds: one read from the cache is decoded first.
    if constexpr (std::is_const_v<T>) doc.ready();
    // Not the tree (root): a decoded document is as after release_tree().
    auto& [encoded, root, body, headings, shortcodes, links, first_paragraph, word_count, chart_csvs] = doc;
    io(body, headings, shortcodes, first_paragraph, word_count, chart_csvs);
  }
  template <class Io, Is<Heading> T>
  static void fields(Io& io, T& heading) {
    auto& [level, text, anchor, line, number] = heading;
    io(level, text, anchor, line, number);
  }
  template <class Io, Is<LinkUse> T>
  static void fields(Io& io, T& link) {
    auto& [url, line, column, image] = link;
    io(url, line, column, image);
  }
  template <class Io, Is<ShortcodeUse> T>
  static void fields(Io& io, T& use) {
    auto& [name, id, block, line, column, html] = use;
    io(name, id, block, line, column, html);
  }
  template <class Io, Is<RenderedBody> T>
  static void fields(Io& io, T& body) {
    auto& [html, urls, headings, skips] = body;
    io(html, urls, headings, skips);
  }
  template <class Io, Is<RenderedBody::SkipSite> T>
  static void fields(Io& io, T& site) {
    auto& [begin, end] = site;
    io(begin, end);
  }
  template <class Io, Is<RenderedBody::UrlSite> T>
  static void fields(Io& io, T& site) {
    auto& [begin, end, url] = site;
    io(begin, end, url);
  }
  template <class Io, Is<RenderedBody::HeadingSite> T>
  static void fields(Io& io, T& site) {
    auto& [begin, end, heading] = site;
    io(begin, end, heading);
  }

  /// The places a body records, for checking them without decoding it.
  using UrlSite = RenderedBody::UrlSite;
  using HeadingSite = RenderedBody::HeadingSite;
  using SkipSite = RenderedBody::SkipSite;

  /// An empty document to decode into (the constructor is private).
  static Document blank_document() { return Document(); }

  /// A document whose members `decode` fills from `bytes` when it is first used.
  static std::shared_ptr<Document> encoded_document(std::string_view bytes, std::shared_ptr<const void> owner,
                                                    decltype(Document::Encoded::decode) decode) {
    auto doc = std::shared_ptr<Document>(new Document());
    doc->encoded_ = std::make_unique<Document::Encoded>();
    doc->encoded_->bytes = bytes;
    doc->encoded_->owner = std::move(owner);
    doc->encoded_->decode = decode;
    return doc;
  }

  /// Do the places the body recorded lie inside its HTML, each after the
  /// one before? Cutting sections and mapping URLs rely on it.
  static bool places_in_order(const Document& doc) {
    const RenderedBody& body = doc.body_;
    size_t after = 0;
    for (const RenderedBody::UrlSite& site : body.urls_) {
      if (site.begin < after || site.end < site.begin || site.end > body.html_.size()) return false;
      after = site.end;
    }
    after = 0;
    for (const RenderedBody::HeadingSite& site : body.headings_) {
      if (site.begin < after || site.end < site.begin || site.end > body.html_.size()) return false;
      after = site.end;
    }
    after = 0;
    for (const RenderedBody::SkipSite& site : body.skips_) {
      if (site.begin < after || site.end < site.begin || site.end > body.html_.size()) return false;
      after = site.end;
    }
    return true;
  }
};

}  // namespace herald
