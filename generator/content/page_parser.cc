// Front matter fields of every kind, validated with clear messages.
#include "content/page_parser.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "cache/chapter_memo.h"
#include "content/amendments.h"
#include "content/briefing.h"
#include "content/front_matter.h"
#include "content/report.h"
#include "content/meeting_body.h"
#include "core/invisible.h"
#include "core/limits.h"
#include "core/text.h"
#include "markdown/document.h"
#include "markdown/urls.h"

namespace herald {
namespace {

const std::vector<std::string> kAudiences = {"children", "adults", "families", "practitioners"};

std::vector<std::string> known_fields(Kind kind) {
  std::vector<std::string> fields = {"title", "slug",    "date",    "summary", "draft",
                                     "expires", "topics", "audience", "aliases", "pdf"};
  auto add = [&](std::initializer_list<const char*> more) {
    for (const char* f : more) fields.emplace_back(f);
  };
  switch (kind) {
    case Kind::newsletter: add({"issue", "series"}); break;
    case Kind::briefing: add({"review_type", "source"}); break;
    case Kind::manual: add({"order"}); break;
    case Kind::chapter: add({"order", "owner", "reviewed", "review_due", "amendment", "reread"}); break;
    case Kind::event: add({"start", "end", "location", "booking_url", "sessions"}); break;
    case Kind::report: add({"report_type", "period", "numbered", "cover", "cover_alt"}); break;
    case Kind::page: add({"toc"}); break;
    case Kind::board:
    case Kind::meeting:
      for (std::string& f : meeting_fields(kind == Kind::meeting)) fields.push_back(std::move(f));
      break;
    default: break;
  }
  return fields;
}

/// Typed access to front matter fields, reporting every type problem.
class Fields {
 public:
  Fields(const FrontMatter& fm, const Config& config, Diagnostics& diags)
      : fm_(fm), zone_(config.zone()), diags_(diags) {}

  bool ok() const { return ok_; }

  std::string text(const std::string& key, bool required = false) {
    const YamlValue* node = fm_.get(key);
    if (!node) {
      if (required) missing(key);
      return "";
    }
    if (!node->is_scalar()) {
      error(fm_.location_of(*node), "'" + key + "' must be text");
      return "";
    }
    std::string value = std::string(trim(node->scalar()));
    if (required && value.empty()) missing(key);
    return value;
  }

  bool flag(const std::string& key, bool fallback) {
    const YamlValue* node = fm_.get(key);
    if (!node) return fallback;
    if (node->is_scalar()) {
      const std::string& s = node->scalar();
      if (s == "true" || s == "yes") return true;
      if (s == "false" || s == "no") return false;
      error(fm_.at_invisible(fm_.location_of(*node), s), "'" + key + "' must be true or false" + invisible_suffix(s));
      return fallback;
    }
    error(fm_.location_of(*node), "'" + key + "' must be true or false");
    return fallback;
  }

  std::optional<int> integer(const std::string& key) {
    const YamlValue* node = fm_.get(key);
    if (!node) return std::nullopt;
    std::string written = node->is_scalar() ? node->scalar() : "";
    if (std::optional<int> n = parse_whole_number(written)) return n;
    error(fm_.at_invisible(fm_.location_of(*node), written), "'" + key + "' must be a whole number" + invisible_suffix(written));
    return std::nullopt;
  }

  std::optional<DateTime> date(const std::string& key, bool required = false) {
    const YamlValue* node = fm_.get(key);
    if (!node) {
      if (required) missing(key);
      return std::nullopt;
    }
    return date_of(*node);
  }

  std::optional<DateTime> date_of(const YamlValue& node) {
    std::string error_text;
    if (!node.is_scalar()) {
      error(fm_.location_of(node), "a date must be written as YYYY-MM-DD, e.g. 2024-04-12");
      return std::nullopt;
    }
    std::string written(trim(node.scalar()));
    auto value = parse_datetime(written, zone_, &error_text);
    if (!value) error(fm_.at_invisible(fm_.location_of(node), written), error_text + invisible_suffix(written));
    return value;
  }

  /// With `at`, where each item is written.
  std::vector<std::string> list(const std::string& key, std::vector<SourceLocation>* at = nullptr) {
    std::vector<std::string> out;
    const YamlValue* node = fm_.get(key);
    if (!node) return out;
    if (node->is_scalar()) {  // a single value is a list of one
      out.push_back(std::string(trim(node->scalar())));
      if (at) at->push_back(fm_.location_of(*node));
      return out;
    }
    if (!node->is_sequence()) {
      error(fm_.location_of(*node), "'" + key + "' must be a list, e.g. [one, two]");
      return out;
    }
    for (const YamlValue& item : node->items()) {
      if (!item.is_scalar()) {
        error(fm_.location_of(item), "each item of '" + key + "' must be text");
        continue;
      }
      std::string value(trim(item.scalar()));
      if (value.empty()) continue;
      out.push_back(value);
      if (at) at->push_back(fm_.location_of(item));
    }
    return out;
  }

  void missing(const std::string& key) {
    error(fm_.where(key), fm_.has(key) ? "'" + key + "' is empty" : "missing required field '" + key + "'");
  }

  /// The page cannot be built: its problem was reported elsewhere.
  void fail() { ok_ = false; }

  void error(SourceLocation where, std::string message) {
    ok_ = false;
    diags_.error(std::move(where), std::move(message));
  }

  void warning(SourceLocation where, std::string message) {
    diags_.warning(std::move(where), std::move(message));
  }

  const FrontMatter& fm() const { return fm_; }
  const TimeZone& zone() const { return zone_; }

 private:
  const FrontMatter& fm_;
  TimeZone zone_;
  Diagnostics& diags_;
  bool ok_ = true;
};

bool valid_alias(const std::string& alias) {
  if (alias.empty() || alias[0] != '/') return false;
  if (alias.find("..") != std::string::npos || alias.find("//") != std::string::npos ||
      alias.find('\\') != std::string::npos || alias.find('\0') != std::string::npos)
    return false;
  for (unsigned char c : alias)
    if (c < 0x20 || c == '"' || c == '<' || c == '>' || c == '?' || c == '#' || c == '%') return false;
  if (find_invisible(alias)) return false;
  return alias.find("/.git") == std::string::npos;
}

void read_event(Fields& f, Page& page) {
  page.location = f.text("location");
  page.booking_url = f.text("booking_url");
  if (find_invisible(page.booking_url)) {
    f.error(f.fm().at_invisible(f.fm().where("booking_url"), page.booking_url),
            "booking_url '" + quoted_url(page.booking_url) + "'" + invisible_suffix(page.booking_url) +
                ": delete it");
    page.booking_url.clear();
  } else if (!is_allowed_link_url(page.booking_url)) {
    f.error(f.fm().where("booking_url"), url_not_allowed("booking_url", page.booking_url));
    page.booking_url.clear();
  } else if (!page.booking_url.empty()) {
    SourceLocation at = f.fm().where("booking_url");
    page.links.push_back({page.booking_url, at.line, at.column, false});
  }
  const YamlValue* sessions = f.fm().get("sessions");
  auto add_session = [&](std::optional<DateTime> start, std::optional<DateTime> end,
                         SourceLocation where) {
    if (!start || !end) return;
    if (end->utc_seconds < start->utc_seconds) {
      f.error(where, "the event ends before it starts");
      return;
    }
    page.sessions.push_back({*start, *end});
  };
  if (sessions) {
    if (!sessions->is_sequence()) {
      f.error(f.fm().location_of(*sessions), "'sessions' must be a list of {start, end}");
      return;
    }
    for (const YamlValue& s : sessions->items()) {
      if (!s.is_map() || !s.get("start") || !s.get("end")) {
        f.error(f.fm().location_of(s), "each session needs a 'start' and an 'end'");
        continue;
      }
      add_session(f.date_of(*s.get("start")), f.date_of(*s.get("end")), f.fm().location_of(s));
    }
    if (f.fm().has("start") || f.fm().has("end"))
      f.error(f.fm().key_where("start"), "give either 'start' and 'end' or 'sessions', not both");
  } else {
    add_session(f.date("start", true), f.date("end", true), f.fm().where("end"));
  }
  std::sort(page.sessions.begin(), page.sessions.end(),
            [](const EventSession& a, const EventSession& b) { return a.start < b.start; });
}

void read_report(Fields& f, Page& page, const Config& config) {
  auto report = std::make_shared<ReportInfo>();
  const FrontMatter& fm = f.fm();
  report->report_type = f.text("report_type", true);
  if (!report->report_type.empty() && config.report_type_name(report->report_type).empty()) {
    std::vector<std::string> keys;
    for (const auto& [k, name] : config.report_types) keys.push_back(k);
    f.error(fm.at_invisible(fm.where("report_type"), report->report_type),
            unknown_report_type_message(report->report_type, keys));
  }
  report->period = f.text("period");
  report->numbered = f.flag("numbered", true);
  report->cover = f.text("cover");
  report->cover_at = fm.where("cover");
  report->cover_alt = f.text("cover_alt");
  if (!report->cover.empty()) {
    if (find_invisible(report->cover)) {
      f.error(fm.at_invisible(report->cover_at, report->cover),
              "cover '" + quoted_url(report->cover) + "'" + invisible_suffix(report->cover) + ": delete it");
      report->cover.clear();
    } else if (!is_allowed_image_url(report->cover) || !is_relative_url(report->cover)) {
      f.error(report->cover_at, "cover '" + quoted_url(report->cover) +
                                    "' must be a picture of the site: a file beside the report (in its "
                                    "folder, with index.md) or in static/, such as cover.jpg or "
                                    "/images/cover.jpg");
      report->cover.clear();
    } else {
      // Checked as an image of the page: it must be a file this build publishes.
      page.links.push_back({report->cover, report->cover_at.line, report->cover_at.column, true});
    }
  }
  page.report = std::move(report);
}

}  // namespace

std::optional<Page> parse_page(const std::string& path, std::string_view text,
                               const ContentPath& where, const ParseContext& context,
                               Diagnostics& diags, ChapterFacts* facts) {
  if (text.size() > kMaxSourceBytes) {
    diags.error({path, 1, 1}, too_big_message(text.size(), "split it into several pages"));
    return std::nullopt;
  }
  size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    int line, column;
    line_and_column(text, bad, &line, &column);
    diags.error({path, line, column},
                "the file is not valid UTF-8 text: save it with UTF-8 encoding");
    return std::nullopt;
  }
  diags.add_source(path, std::string(text));
  auto split = split_front_matter(text, path, diags);
  if (!split) return std::nullopt;
  auto fm = FrontMatter::parse(*split, path, diags);
  if (!fm) return std::nullopt;
  if (facts) *facts = chapter_facts(*fm);
  const Config& config = *context.config;
  Fields f(*fm, config, diags);

  Page page;
  page.kind = where.kind;
  page.source_path = path;
  page.bundle_dir = where.bundle_dir;
  page.slug = where.slug;
  page.manual = where.manual;
  page.section = where.section;
  page.body_line_offset = split->body_line_offset;
  page.body_markdown = std::string(split->body);

  page.title = f.text("title", true);
  std::string slug = f.text("slug");
  if (!slug.empty()) {
    if (where.kind == Kind::home || where.kind == Kind::section)
      f.warning(fm->where("slug"), "'slug' has no effect on a list page");
    else if (!is_valid_slug(slug))
      f.error(fm->at_invisible(fm->where("slug"), slug),
              "invalid slug '" + slug + "': " + (find_invisible(slug) ? invisible_note(slug) + "; " : "") +
                  "use lower-case letters, digits and single hyphens, e.g. 'neglect-and-young-carers'");
    else
      page.slug = slug;
  } else if (!page.slug.empty() && !is_valid_slug(page.slug)) {
    f.error({path, 1, 1}, "invalid file name '" + page.slug + "': " +
                              (find_invisible(page.slug) ? invisible_note(page.slug) + "; " : "") +
                              "use lower-case letters, digits and single hyphens, e.g. 'neglect-and-young-carers.md'");
  }
  bool date_required = where.kind == Kind::newsletter || where.kind == Kind::briefing || where.kind == Kind::report;
  page.date = f.date("date", date_required);
  page.summary = f.text("summary");
  page.summary_written = !page.summary.empty();
  page.draft = f.flag("draft", false);
  page.expires = f.date("expires");
  std::vector<SourceLocation> topics_at;
  page.topics = f.list("topics", &topics_at);
  if (page.topics.size() > kMaxTopicsPerPage) {
    f.error(fm->where("topics"), fmt::format("{} topics: a page may have at most {}; keep the ones readers look for",
                                             page.topics.size(), kMaxTopicsPerPage));
    page.topics.resize(kMaxTopicsPerPage);
  }
  for (size_t i = 0; i < page.topics.size(); ++i) {
    const std::string& topic = page.topics[i];
    std::string slug = slugify(topic);
    if (slug.empty()) {
      f.error(fm->at_invisible(topics_at[i], topic),
              "topic '" + topic + "' has no letters or digits to make a web address from" + invisible_suffix(topic));
      continue;
    }
    // A character that cannot be seen, inside a word, gives the topic an
    // address (and a page) of its own.
    std::string seen = as_seen(topic);
    if (slugify(seen) != slug)
      f.warning(fm->at_invisible(topics_at[i], topic),
                fmt::format("topic '{}'{}: delete it, or the topic's address is /topics/{}/ instead of /topics/{}/",
                            topic, invisible_suffix(topic), slug, slugify(seen)));
  }
  std::vector<SourceLocation> audience_at;
  page.audience = f.list("audience", &audience_at);
  for (size_t i = 0; i < page.audience.size(); ++i) {
    const std::string& a = page.audience[i];
    if (std::find(kAudiences.begin(), kAudiences.end(), a) == kAudiences.end()) {
      std::string suggestion = closest_match(as_seen(a), kAudiences);
      f.error(fm->at_invisible(audience_at[i], a),
              fmt::format("unknown audience '{}' (expected children, adults, families or practitioners{}){}",
                          a, suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?", invisible_suffix(a)));
    }
  }
  page.aliases = f.list("aliases", &page.aliases_at);
  for (size_t i = 0; i < page.aliases.size(); ++i)
    if (!valid_alias(page.aliases[i]))
      f.error(fm->at_invisible(page.aliases_at[i], page.aliases[i]),
              "alias '" + page.aliases[i] + "' must be a path on this site such as /old/page/ (no '..', no query)" +
                  invisible_suffix(page.aliases[i]));
  bool pdf_default = where.kind == Kind::newsletter || where.kind == Kind::briefing ||
                     where.kind == Kind::chapter || where.kind == Kind::report || where.kind == Kind::meeting;
  page.pdf = f.flag("pdf", pdf_default);

  switch (where.kind) {
    case Kind::newsletter:
      page.issue = f.integer("issue");
      page.series = f.text("series");
      break;
    case Kind::briefing: {
      page.review_type = f.text("review_type", true);
      if (!page.review_type.empty() && config.review_type_name(page.review_type).empty()) {
        std::vector<std::string> keys;
        for (const auto& [k, name] : config.review_types) keys.push_back(k);
        std::string suggestion = closest_match(as_seen(page.review_type), keys);
        std::string list;
        for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
        f.error(fm->at_invisible(fm->where("review_type"), page.review_type),
                (suggestion.empty()
                     ? fmt::format("unknown review_type '{}' (expected one of {})", page.review_type, list)
                     : fmt::format("unknown review_type '{}' (did you mean '{}'?)", page.review_type, suggestion)) +
                    invisible_suffix(page.review_type));
      }
      if (!fm->get("audience")) f.missing("audience");
      if (const YamlValue* source = fm->get("source")) {
        if (!source->is_map()) {
          f.error(fm->location_of(*source), "'source' must have 'title', 'url' and 'published'");
        } else {
          for (const auto& [key, value] : source->entries()) {
            const std::string& k = key.scalar();
            if (value.is_null()) continue;  // left empty, as in the archetype
            if (k == "title") {
              page.source.title = value.scalar();
            } else if (k == "url") {
              page.source.url = std::string(trim(value.scalar()));
              SourceLocation at = fm->location_of(value);
              if (find_invisible(page.source.url)) {
                f.error(fm->at_invisible(at, page.source.url),
                        "the source's 'url'" + invisible_suffix(page.source.url) + ": delete it");
                page.source.url.clear();
              } else if (!page.source.url.empty() && !is_web_address(page.source.url)) {
                f.error(at, "the source's 'url' must start with https:// or http://");
                page.source.url.clear();
              } else if (!page.source.url.empty()) {
                page.links.push_back({page.source.url, at.line, at.column, false});
              }
            } else if (k == "published") {
              page.source.published = f.date_of(value);
            } else {
              f.warning(fm->location_of(key),
                        "unknown field '" + k + "' in 'source' (expected title, url or published)");
            }
          }
        }
      }
      break;
    }
    case Kind::manual:
    case Kind::chapter:
      page.order = f.integer("order").value_or(0);
      if (where.kind == Kind::chapter) {
        page.owner = f.text("owner");
        page.reviewed = f.date("reviewed");
        page.review_due = f.date("review_due");
        page.review_due_at = fm->where("review_due");
        page.amendment = f.text("amendment");
        page.reread = f.flag("reread", false);
      }
      break;
    case Kind::event:
      read_event(f, page);
      break;
    case Kind::page:
      page.toc = f.flag("toc", false);
      break;
    case Kind::report:
      read_report(f, page, config);
      break;
    case Kind::board:
      page.meeting.board = where.manual;
      page.order = f.integer("order").value_or(0);
      if (!read_board(*fm, page.meeting, diags)) f.fail();
      break;
    case Kind::meeting:
      page.meeting.board = where.manual;
      page.location = f.text("location");
      if (!is_meeting_date_slug(page.slug))
        f.error(fm->has("slug") ? fm->where("slug") : SourceLocation{path, 1, 1},
                fmt::format("a meeting's {} '{}' must be its date, written yyyy-mm-dd (e.g. {}.md): the page's "
                            "address is /meetings/{}/<date>/",
                            fm->has("slug") ? "slug" : "file name", page.slug, "2025-03-12", where.manual));
      if (!read_meeting(*fm, f.zone(), page.meeting, diags)) f.fail();
      break;
    default:
      break;
  }

  auto known = known_fields(where.kind);
  for (const auto& key : fm->keys()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string suggestion = closest_match(as_seen(key), known);
    diags.warning(fm->at_invisible(fm->key_where(key), key),
                  fmt::format("unknown field '{}'{}{}", key,
                              suggestion.empty() ? std::string(" (it is ignored)")
                                                 : " (did you mean '" + suggestion + "'?)",
                              invisible_suffix(key)));
  }

  // A restricted item's text is taken out before the Markdown is parsed:
  // nothing made from the page (its HTML, summary, feeds, search, PDF) sees it.
  if (page.kind == Kind::meeting && !page.meeting.restricted.empty()) {
    std::vector<int> found;
    page.body_markdown = withhold_restricted_items(page.body_markdown, page.meeting.restricted, &found);
    for (int n : page.meeting.restricted)
      if (std::find(found.begin(), found.end(), n) == found.end())
        f.error(fm->where("restricted"),
                fmt::format("restricted item {} is not on the agenda: no heading '## {}. …' in the text. Check the "
                            "number: an item's minutes are withheld only when its heading has the number listed here",
                            n, n));
  }

  MarkdownOptions options;
  options.path = path;
  options.line_offset = page.body_line_offset;
  options.shortcodes = context.shortcodes;
  options.base_url = config.base_url;
  options.number_headings = page.report && page.report->numbered;
  page.doc = std::make_shared<Document>(Document::parse(page.body_markdown, options, diags));
  page.word_count = page.doc->word_count();
  page.charts = page.doc->chart_csvs().size();
  for (LinkUse& link : page.doc->take_links()) page.links.push_back(std::move(link));
  if (page.pdf && page.word_count > kMaxPdfWords) {
    diags.warning({path, 1, 1}, fmt::format("no print PDF is made of this page: it has {} words, and herald makes "
                                            "print PDFs of at most {} (about 300 pages); readers can read it on "
                                            "the website, or split it into several pages",
                                            page.word_count, kMaxPdfWords));
    page.pdf = false;
  }
  if (page.summary.empty()) page.summary = page.doc->first_paragraph_text();
  if (page.kind == Kind::briefing) read_briefing_sections(page, diags);
  if (page.report) check_report_headings(page, diags);
  if (page.kind == Kind::meeting) read_agenda(page.body_markdown, page.doc->headings(), page.meeting);
  // Only the PDF renderers and a newsletter's email edition walk the tree
  // once the page is parsed, and nothing reads the Markdown again: on a
  // 10,000-page site these were a sixth of the peak memory, and with print
  // PDFs most of it. A build lets go of every tree (keep_tree) and parses a
  // page again when it draws its PDF or email edition.
  bool emailed = page.kind == Kind::newsletter && config.email.given;
  if ((!page.pdf && !emailed) || !context.keep_tree) page.doc->release_tree();
  page.body_markdown.clear();
  page.body_markdown.shrink_to_fit();
  if (!f.ok()) return std::nullopt;
  return page;
}

}  // namespace herald
