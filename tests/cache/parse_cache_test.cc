// Tests for cache/parse_cache: real pages come back whole; a file of another build, or damaged, is not used.
#include <doctest/doctest.h>

#include <unistd.h>
#include <xxhash.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "cache/parse_cache.h"
#include "config/config.h"
#include "content/contacts.h"
#include "content/page_parser.h"
#include "content/source_path.h"
#include "markdown/document.h"
#include "support/site_builder.h"

using namespace herald;
namespace fs = std::filesystem;

using herald::test::read_file;
using herald::test::write_file;

namespace {

const std::string kStamp = "herald 0.1.0\nherald.yaml 1f2e3d\ndata/contacts.yaml 4c5b6a\nstrict 0";

/// A temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() : dir_(herald::test::make_temp_dir("herald-cache-")) {}
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string path(const std::string& rel) const { return dir_ + "/" + rel; }

 private:
  std::string dir_;
};

/// Parses one file as the Parse stage does, with a small contact directory.
/// The tree is released, as for a page without a PDF, unless `keep_tree`.
BuildCache::Parsed parse(const std::string& path, const std::string& text, bool keep_tree = false) {
  static const Config config = [] {
    Config c;
    c.review_types = builtin_review_types();
    c.base_url = "https://safeguarding.example/";
    return c;
  }();
  static const ContactDirectory contacts = [] {
    Diagnostics diags;
    auto dir = ContactDirectory::parse(
        "- id: team\n"
        "  name: Advice Team\n"
        "  organisation: Testshire Council\n"
        "  phones:\n"
        "    - number: \"0116 496 0000\"\n"
        "      label: Office hours\n"
        "  email: advice@testshire.example\n",
        "data/contacts.yaml", config.zone(), diags);
    REQUIRE(diags.sorted().empty());
    return dir;
  }();
  static const ShortcodeResolver resolver{
      [](std::string_view name, std::string_view id, bool block) -> std::optional<std::string> {
        const Contact* c = contacts.find(id);
        if (!c) return std::nullopt;
        if (name == "phone") return contacts.phone_html(*c);
        return block ? contacts.contact_card_html(*c) : contacts.contact_inline_html(*c);
      },
      nullptr};
  std::string problem;
  auto where = classify_content_path(path, &problem);
  REQUIRE_MESSAGE(where, problem);
  Diagnostics diags;
  BuildCache::Parsed out;
  if (auto page = parse_page(path, text, *where, ParseContext{&config, &resolver}, diags))
    out.page = std::make_shared<Page>(std::move(*page));
  if (out.page && !keep_tree) out.page->doc->release_tree();
  out.diagnostics = diags.sorted();
  return out;
}

std::string key_of(const std::string& path, const std::string& text) {
  return path + '\n' + fmt::format("{:040x}", XXH3_64bits(text.data(), text.size()));
}

const std::string kBriefing = R"(---
title: Learning from a rapid review
date: 2024-06-12T09:30:00
summary: What a rapid review found about neglect.
review_type: rapid-review
audience: [practitioners, children]
topics: [Neglect, Exploitation]
aliases: [/old/rapid-review/]
source:
  title: The full review
  url: https://example.org/review.pdf
  published: 2024-05-01
---

This briefing comes with a [checklist](checklist/) and the [procedure](/procedures/children/referrals/).

## 01 Purpose

Why we wrote this. Ask {{contact team}} if in doubt.

## 02 The case

A child of six, seen by **many** agencies.

## 03 What happened

Nobody asked the [school](#school).

### Timeline

Three visits in one week.

## 04 What we learned

Professional curiosity matters.

## 05 What good practice looks like

- Ask.
- Record.
- Share.

## 06 Questions for teams

What would you have done?

## 07 Further reading

See [guidance](https://www.gov.uk/guidance) and [our page](../pages/about/).
)";

const std::string kNewsletter = R"(---
title: Spring news
date: 2024-03-01
issue: 3
series: Safeguarding Matters
topics: Neglect
---

Welcome to the spring issue.

![Staff at the conference](photo.jpg)

```chart
title: Places booked
type: column
---
Course,Booked,Waiting
"Curiosity, in practice",38,6
Neglect,24,0
```

## Conference

It went well: [slides](slides.pdf).

## New procedures

Read them [here](/procedures/).
)";

const std::string kChapter = R"(---
title: Referrals
order: 2
owner: Partnership Board
reviewed: 2024-01-01
review_due: 2025-01-01
amendment: Clearer steps for out-of-hours referrals.
reread: true
---

How to refer a concern.

## Who to call

| Agency | Phone |
|:-------|------:|
| Police | 101 |
| Children's services | {{phone team}} |

## What happens next

The team decides within one working day.
)";

const std::string kEvent = R"(---
title: Professional curiosity course
sessions:
  - {start: 2024-07-01T09:00, end: 2024-07-01T12:00}
  - {start: 2024-01-15T13:30:00Z, end: 2024-01-15T16:30:00Z}
location: Online (Microsoft Teams)
booking_url: https://training.example/curiosity
expires: 2024-07-02
audience: [practitioners]
---

A three-hour session, run twice.
)";

const std::string kContactPage = R"(---
title: Contact us
toc: true
draft: true
---

Call {{phone team}} or write to us.

{{contact team}}

## Out of hours

Ask {{contact nobody}} (not in the directory).

## Complaints

Write to [the board](/about/#board).
)";

/// A page that cannot be built: only its diagnostics are kept.
const std::string kBroken = "---\ntitle: Broken\ndraft: maybe\n---\nText.\n";

/// A cache as the Parse stage leaves it: the pages above, and fields set by
/// later stages given values other than their defaults.
BuildCache sample_cache() {
  BuildCache cache;
  auto add = [&](const std::string& path, const std::string& text) -> BuildCache::Parsed& {
    return cache.parsed[key_of(path, text)] = parse(path, text);
  };
  Page& briefing = *add("content/briefings/rapid-review-learning.md", kBriefing).page;
  briefing.url = "/briefings/rapid-review-learning/";
  briefing.first_commit = 1700000000;
  briefing.last_commit = 1718000000;
  Page& newsletter = *add("content/newsletters/spring-2024/index.md", kNewsletter).page;
  newsletter.published = false;
  newsletter.withheld_reason = "scheduled";
  Page& chapter = *add("content/procedures/children/referrals.md", kChapter).page;
  chapter.body_markdown = "kept, though the Parse stage empties it";
  add("content/events/curiosity-course.md", kEvent);
  add("content/pages/contact-us.md", kContactPage);
  add("content/pages/broken.md", kBroken);
  cache.context = kStamp;
  return cache;
}

std::string describe(const DateTime& t) {
  return fmt::format("{}{:+}{}", t.utc_seconds, t.offset_seconds, t.has_time ? "T" : "");
}
std::string describe(const std::optional<DateTime>& t) { return t ? describe(*t) : "none"; }
std::string describe(const SourceLocation& at) {
  return fmt::format("{}:{}:{}", at.path, at.line, at.column);
}
std::string describe(const Heading& h) {
  return fmt::format("h{} {} #{} line {}", h.level, h.text, h.anchor, h.line);
}
std::string describe(const ShortcodeUse& s) {
  return fmt::format("{} {} block={} {}:{} -> {}", s.name, s.id, s.block, s.line, s.column,
                     s.html.value_or("(none)"));
}
std::string describe(const DocumentSection& s) {
  return fmt::format("[{}] {}\n{}", s.number_hint, describe(s.heading), s.html);
}
std::string describe(const BriefingSection& s) {
  return fmt::format("{} {} #{} line {}\n{}", s.number, s.title, s.anchor, s.line, s.html);
}
std::string describe(const EventSession& s) { return describe(s.start) + " to " + describe(s.end); }
std::string describe(const Diagnostic& d) {
  return fmt::format("{}: {}: {}", describe(d.where), severity_name(d.severity), d.message);
}
template <class T>
std::string describe(const std::vector<T>& items) {
  std::string out;
  for (const T& item : items) out += describe(item) + "\n";
  return out;
}

void check_same(const Document& a, const Document& b) {
  CHECK(b.root() == nullptr);
  CHECK(a.html() == b.html());
  CHECK(describe(a.headings()) == describe(b.headings()));
  CHECK(describe(a.shortcodes()) == describe(b.shortcodes()));
  CHECK(a.first_paragraph_text() == b.first_paragraph_text());
  CHECK(a.word_count() == b.word_count());
  const std::function<std::string(std::string_view)> map_url = [](std::string_view url) {
    return "https://cdn.example/x/" + std::string(url) + "?v=1&t=2";
  };
  CHECK(a.html_with_urls(map_url) == b.html_with_urls(map_url));
  CHECK(a.html_for_feed(map_url) == b.html_for_feed(map_url));
  CHECK(a.chart_csvs() == b.chart_csvs());
  for (int level : {1, 2, 3}) {
    CAPTURE(level);
    std::string lead_a, lead_b;
    CHECK(describe(a.sections(level, &lead_a)) == describe(b.sections(level, &lead_b)));
    CHECK(lead_a == lead_b);
    CHECK(describe(a.sections(level, &lead_a, &map_url)) == describe(b.sections(level, &lead_b, &map_url)));
    CHECK(lead_a == lead_b);
  }
}

void check_same(const Page& a, const Page& b) {
  CAPTURE(a.source_path);
  CHECK(a.kind == b.kind);
  CHECK(a.source_path == b.source_path);
  CHECK(a.bundle_dir == b.bundle_dir);
  CHECK(a.slug == b.slug);
  CHECK(a.manual == b.manual);
  CHECK(a.section == b.section);
  CHECK(a.url == b.url);
  CHECK(a.title == b.title);
  CHECK(a.summary == b.summary);
  CHECK(describe(a.date) == describe(b.date));
  CHECK(describe(a.expires) == describe(b.expires));
  CHECK(a.draft == b.draft);
  CHECK(a.topics == b.topics);
  CHECK(a.audience == b.audience);
  CHECK(a.aliases == b.aliases);
  CHECK(a.pdf == b.pdf);
  CHECK(a.first_commit == b.first_commit);
  CHECK(a.last_commit == b.last_commit);
  CHECK(a.issue == b.issue);
  CHECK(a.series == b.series);
  CHECK(a.review_type == b.review_type);
  CHECK(a.source.title == b.source.title);
  CHECK(a.source.url == b.source.url);
  CHECK(describe(a.source.published) == describe(b.source.published));
  CHECK(a.lead_html == b.lead_html);
  CHECK(describe(a.sections) == describe(b.sections));
  CHECK(a.reading_minutes == b.reading_minutes);
  CHECK(a.order == b.order);
  CHECK(a.owner == b.owner);
  CHECK(describe(a.reviewed) == describe(b.reviewed));
  CHECK(describe(a.review_due) == describe(b.review_due));
  CHECK(describe(a.review_due_at) == describe(b.review_due_at));
  CHECK(a.amendment == b.amendment);
  CHECK(a.reread == b.reread);
  CHECK(describe(a.sessions) == describe(b.sessions));
  CHECK(a.location == b.location);
  CHECK(a.booking_url == b.booking_url);
  CHECK(a.toc == b.toc);
  CHECK(a.body_markdown == b.body_markdown);
  CHECK(a.body_line_offset == b.body_line_offset);
  REQUIRE((a.doc == nullptr) == (b.doc == nullptr));
  if (a.doc) check_same(*a.doc, *b.doc);
  CHECK(a.word_count == b.word_count);
  CHECK(a.charts == b.charts);
  CHECK(a.published == b.published);
  CHECK(a.withheld_reason == b.withheld_reason);
}

/// Renders everything a loaded cache holds, as later stages would: a
/// damaged file that was nonetheless accepted must not make them crash.
void use_everything(const BuildCache& cache) {
  const std::function<std::string(std::string_view)> map_url = [](std::string_view url) {
    return std::string(url) + "#mapped";
  };
  for (const auto& [key, parsed] : cache.parsed) {
    if (!parsed.page || !parsed.page->doc) continue;
    const Document& doc = *parsed.page->doc;
    std::string lead;
    for (int level = 0; level <= 7; ++level) {
      doc.sections(level, &lead);
      doc.sections(level, &lead, &map_url);
    }
    doc.html_with_urls(map_url);
  }
}

/// decode_entry into the entry itself, which is then no longer encoded.
bool decode_in_place(BuildCache::Parsed& entry) {
  if (entry.encoded.empty()) return true;
  Page page;
  bool has_page = false;
  std::vector<Diagnostic> diagnostics;
  if (!decode_entry(entry, page, has_page, diagnostics)) return false;
  entry.page.reset();
  if (has_page) entry.page = std::make_shared<Page>(std::move(page));
  entry.diagnostics = std::move(diagnostics);
  entry.encoded = entry.sealed = {};
  entry.file.reset();  // the page's HTML keeps the file mapped
  return true;
}

/// Loads the file and decodes every entry, as a build would decode the
/// entries it uses: false when the file is refused or any entry is.
bool load_decoded(BuildCache& cache, const std::string& path) {
  if (!load_parse_cache(cache, path, kStamp)) return false;
  for (auto& [key, parsed] : cache.parsed)
    if (!decode_in_place(parsed)) return false;
  return true;
}

/// The file with each entry's checksum (the 8 bytes before its key) made
/// right again, as far as its framing can be followed, so that damage gets
/// past them to the decoder.
std::string resealed(std::string bytes) {
  size_t at = bytes.find('\n') + 1;
  if (at == 0) return bytes;
  auto number = [&](size_t where) {
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= uint64_t{static_cast<unsigned char>(bytes[where + i])} << (8 * i);
    return n;
  };
  // The length and bytes of a string at `at`, stepped over: false if they do not fit.
  auto skip = [&](size_t& pos) {
    if (bytes.size() - pos < 8) return false;
    uint64_t length = number(pos);
    if (length > bytes.size() - pos - 8) return false;
    pos += 8 + length;
    return true;
  };
  if (!skip(at) || bytes.size() - at < 8) return bytes;  // the stamp, then the count
  at += 8;
  while (bytes.size() - at >= 8) {
    size_t sealed = at + 8, end = sealed;
    if (!skip(end) || !skip(end)) break;  // the key and the entry
    uint64_t sum = XXH3_64bits(bytes.data() + sealed, end - sealed);
    for (int i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>(sum >> (8 * i));
    at = end;
  }
  return bytes;
}

/// Loads `bytes` as a cache file, into a cache that held something before,
/// and decodes every entry. A file refused must leave the cache empty; an
/// entry refused is parsed again by a build. Whatever is accepted must be
/// usable, hold only values its types allow, and be what saving it writes:
/// every byte was checked, none ignored.
struct Loaded {
  bool ok = false;      ///< the file and every entry in it accepted
  bool emptied = true;  ///< on a file refused: nothing was left behind
  bool valid = true;    ///< on true: known kinds and severities, and saved again, the same bytes
};
Loaded load_bytes(const std::string& path, const std::string& bytes) {
  // A new file each time: ext4 flushes a file truncated and written again to disk, five times slower here.
  fs::remove(path);
  write_file(path, bytes);
  BuildCache cache;
  cache.parsed["content/pages/stale.md\n0"] = {};
  Loaded out;
  if (!load_parse_cache(cache, path, kStamp)) {
    out.emptied = cache.parsed.empty();
    return out;
  }
  // Written again undecoded, the entries are the same bytes.
  std::string error;
  fs::remove(path + ".again");  // not replaced by the rename: ext4 would flush it too
  if (!save_parse_cache(cache, path + ".again", kStamp, &error) || read_file(path + ".again") != bytes)
    out.valid = false;
  for (auto& [key, parsed] : cache.parsed)
    if (!decode_in_place(parsed)) return out;
  out.ok = true;
  use_everything(cache);
  for (const auto& [key, parsed] : cache.parsed) {
    if (parsed.page && parsed.page->kind > Kind::page) out.valid = false;
    for (const Diagnostic& d : parsed.diagnostics)
      if (d.severity > Severity::error) out.valid = false;
  }
  // And encoded again from what they decoded to, too.
  fs::remove(path + ".again");
  if (!save_parse_cache(cache, path + ".again", kStamp, &error) || read_file(path + ".again") != bytes)
    out.valid = false;
  return out;
}

/// Tries each kind of damage at every `stride`-th position of `good`: the
/// damaged files as they are must all be refused (the checksum), and with
/// the checksum made right again the decoder must refuse every truncated or
/// lengthened one, and every changed byte it accepts must be a valid value.
void check_damage_refused(const std::string& path, const std::string& good, size_t stride) {
  REQUIRE(resealed(good) == good);  // the test's idea of the format is right
  std::vector<size_t> accepted, left_behind, resealed_accepted, invalid;
  size_t resealed_refused = 0;
  auto note = [&](size_t at, const Loaded& plain, const Loaded& sealed, bool sealed_must_fail) {
    if (plain.ok) accepted.push_back(at);
    if (!plain.emptied || !sealed.emptied) left_behind.push_back(at);
    if (!sealed.valid) invalid.push_back(at);
    if (sealed.ok && sealed_must_fail) resealed_accepted.push_back(at);
    if (!sealed.ok) ++resealed_refused;
  };
  for (size_t at = 0; at < good.size(); at += stride) {
    std::string cut = good.substr(0, at);
    note(at, load_bytes(path, cut), load_bytes(path, resealed(cut)), true);
    for (unsigned char mask : {0x01, 0xFF}) {
      std::string flipped = good;
      flipped[at] = static_cast<char>(static_cast<unsigned char>(flipped[at]) ^ mask);
      note(at, load_bytes(path, flipped), load_bytes(path, resealed(flipped)), false);
    }
  }
  for (const std::string& tail : {std::string(1, '\0'), std::string("garbage"), std::string(4096, '\xFF')}) {
    std::string longer = good + tail;
    note(good.size(), load_bytes(path, longer), load_bytes(path, resealed(longer)), true);
  }
  auto where = [](const std::vector<size_t>& positions) {
    std::string out = "at bytes";
    for (size_t at : positions) out += " " + std::to_string(at);
    return out;
  };
  CHECK_MESSAGE(accepted.empty(), where(accepted));
  CHECK_MESSAGE(left_behind.empty(), where(left_behind));
  CHECK_MESSAGE(resealed_accepted.empty(), where(resealed_accepted));
  CHECK_MESSAGE(invalid.empty(), where(invalid));
  CHECK(resealed_refused > 0);
  CHECK(load_bytes(path, good).ok);  // and not because of where it was written
}

}  // namespace

TEST_CASE("cache: every field of real pages and their diagnostics comes back") {
  TempDir dir;
  BuildCache cache = sample_cache();
  // The sample exercises what it should.
  const Page& briefing =
      *cache.parsed.at(key_of("content/briefings/rapid-review-learning.md", kBriefing)).page;
  REQUIRE(briefing.sections.size() == 7);
  CHECK(!briefing.lead_html.empty());
  CHECK(briefing.source.published);
  const auto& contact = cache.parsed.at(key_of("content/pages/contact-us.md", kContactPage));
  REQUIRE(contact.page);
  CHECK(contact.page->doc->shortcodes().size() == 3);
  CHECK(!contact.diagnostics.empty());  // the unknown contact
  CHECK(!cache.parsed.at(key_of("content/pages/broken.md", kBroken)).page);
  const Page& event = *cache.parsed.at(key_of("content/events/curiosity-course.md", kEvent)).page;
  CHECK(event.sessions.size() == 2);
  const Page& newsletter =
      *cache.parsed.at(key_of("content/newsletters/spring-2024/index.md", kNewsletter)).page;
  CHECK(!newsletter.bundle_dir.empty());
  CHECK(newsletter.charts == 1);
  CHECK(briefing.date->offset_seconds != 0);  // summer time
  auto identity = [](std::string_view url) { return "/x/" + std::string(url); };
  CHECK(briefing.doc->html_with_urls(identity) != briefing.doc->html());
  CHECK(newsletter.doc->html_for_feed(identity) != newsletter.doc->html_with_urls(identity));
  const Page& chapter = *cache.parsed.at(key_of("content/procedures/children/referrals.md", kChapter)).page;
  CHECK(chapter.doc->html().find("<table>") != std::string::npos);

  const std::string path = dir.path(".herald-cache/parse");
  std::string error;
  REQUIRE_MESSAGE(save_parse_cache(cache, path, kStamp, &error), error);
  // Nothing but the cache itself is left in its folder.
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path()))
    CHECK(entry.path().filename() == "parse");

  BuildCache loaded;
  loaded.parsed["content/pages/stale.md\n0"] = {};
  REQUIRE(load_decoded(loaded, path));
  CHECK(loaded.context == kStamp);
  REQUIRE(loaded.parsed.size() == cache.parsed.size());
  for (const auto& [key, parsed] : cache.parsed) {
    CAPTURE(key);
    auto it = loaded.parsed.find(key);
    REQUIRE(it != loaded.parsed.end());
    CHECK(describe(parsed.diagnostics) == describe(it->second.diagnostics));
    REQUIRE((parsed.page != nullptr) == (it->second.page != nullptr));
    if (parsed.page) check_same(*parsed.page, *it->second.page);
  }

  // Written again, the loaded cache gives the same bytes: nothing stored was
  // lost, including anything the comparisons above do not name.
  REQUIRE(save_parse_cache(loaded, dir.path("again"), kStamp, &error));
  CHECK(read_file(dir.path("again")) == read_file(path));
}

TEST_CASE("cache: a loaded page's HTML outlives the cache and its file") {
  TempDir dir;
  BuildCache cache = sample_cache();
  const std::string key = key_of("content/briefings/rapid-review-learning.md", kBriefing);
  const Page& written = *cache.parsed.at(key).page;
  const std::string path = dir.path(".herald-cache/parse");
  std::string error;
  REQUIRE_MESSAGE(save_parse_cache(cache, path, kStamp, &error), error);
  std::shared_ptr<Page> page;
  {
    BuildCache loaded;
    REQUIRE(load_decoded(loaded, path));
    page = std::move(loaded.parsed.at(key).page);
  }
  // A later build replaces the file; the page still reads what it was given.
  REQUIRE(save_parse_cache(BuildCache{}, path, kStamp, &error));
  fs::remove(path);
  REQUIRE(page);
  REQUIRE(page->sections.size() == written.sections.size());
  CHECK(page->lead_html == written.lead_html);
  for (size_t i = 0; i < written.sections.size(); ++i) CHECK(page->sections[i].html == written.sections[i].html);
  CHECK(page->doc->html() == written.doc->html());
  CHECK(page->doc->html().find("<h2") != std::string::npos);
}

TEST_CASE("cache: a loaded page's document is decoded once, by whichever thread first reads it") {
  TempDir dir;
  BuildCache cache = sample_cache();
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE_MESSAGE(save_parse_cache(cache, path, kStamp, &error), error);
  BuildCache loaded;
  REQUIRE(load_parse_cache(loaded, path, kStamp));
  size_t documents = 0;
  for (auto& [key, parsed] : loaded.parsed) {
    CAPTURE(key);
    const Page* written = cache.parsed.at(key).page ? &*cache.parsed.at(key).page : nullptr;
    Page page;
    bool has_page = false;
    std::vector<Diagnostic> diagnostics;
    REQUIRE(decode_entry(parsed, page, has_page, diagnostics));
    if (!has_page || !page.doc) continue;
    ++documents;
    // Many render threads may ask one document for its HTML at once.
    const Document& doc = *page.doc;
    std::vector<std::string> html(8), firsts(8);
    std::vector<size_t> headings(8), words(8), sections(8);
    {
      std::vector<std::jthread> readers;
      for (size_t t = 0; t < html.size(); ++t)
        readers.emplace_back([&, t] {
          // Each thread starts with a different accessor.
          switch (t % 4) {
            case 0: html[t] = doc.html(); break;
            case 1: headings[t] = doc.headings().size(); break;
            case 2: sections[t] = doc.sections(2, nullptr).size(); break;
            default: words[t] = doc.word_count(); break;
          }
          html[t] = doc.html();
          headings[t] = doc.headings().size();
          sections[t] = doc.sections(2, nullptr).size();
          words[t] = doc.word_count();
          firsts[t] = doc.first_paragraph_text();
        });
    }
    for (size_t t = 0; t < html.size(); ++t) {
      CAPTURE(t);
      CHECK(html[t] == written->doc->html());
      CHECK(headings[t] == written->doc->headings().size());
      CHECK(sections[t] == written->doc->sections(2, nullptr).size());
      CHECK(words[t] == written->doc->word_count());
      CHECK(firsts[t] == written->doc->first_paragraph_text());
    }
    CHECK(doc.shortcodes().size() == written->doc->shortcodes().size());
  }
  CHECK(documents >= 3);
}

TEST_CASE("cache: a file written for another stamp or format version is not used") {
  TempDir dir;
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE(save_parse_cache(sample_cache(), path, kStamp, &error));
  BuildCache cache;
  REQUIRE(load_parse_cache(cache, path, kStamp));
  REQUIRE(!cache.parsed.empty());
  CHECK_FALSE(load_parse_cache(cache, path, kStamp + "x"));
  CHECK(cache.parsed.empty());
  CHECK(cache.context == kStamp + "x");
  CHECK_FALSE(load_parse_cache(cache, path, ""));

  std::string bytes = read_file(path);
  size_t newline = bytes.find('\n');
  REQUIRE(newline != std::string::npos);
  bytes[newline - 1] = bytes[newline - 1] == '9' ? '8' : static_cast<char>(bytes[newline - 1] + 1);
  write_file(path, bytes);
  CHECK_FALSE(load_parse_cache(cache, path, kStamp));
  CHECK(cache.parsed.empty());
}

TEST_CASE("cache: a missing file, or a folder in its place, gives an empty cache") {
  TempDir dir;
  BuildCache cache;
  cache.parsed["content/pages/stale.md\n0"] = {};
  CHECK_FALSE(load_parse_cache(cache, dir.path("nothing-here"), kStamp));
  CHECK(cache.parsed.empty());
  fs::create_directories(dir.path("folder"));
  CHECK_FALSE(load_parse_cache(cache, dir.path("folder"), kStamp));
  CHECK(load_bytes(dir.path("empty"), "").emptied);
  CHECK_FALSE(load_bytes(dir.path("empty"), "").ok);
}

TEST_CASE("cache: a small file damaged at every byte is refused") {
  TempDir dir;
  // Headings and links: the decoder checks where the body recorded them.
  const std::string tiny = "---\ntitle: Tiny\n---\n\nSee [a](a/).\n\n## One\n\n[b](b/)\n\n## Two\n";
  BuildCache small;
  small.parsed[key_of("content/pages/tiny.md", tiny)] = parse("content/pages/tiny.md", tiny);
  small.parsed[key_of("content/pages/broken.md", kBroken)] = parse("content/pages/broken.md", kBroken);
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE(save_parse_cache(small, path, kStamp, &error));
  check_damage_refused(dir.path("damaged"), read_file(path), 1);
}

TEST_CASE("cache: a large file damaged in many places is refused") {
  TempDir dir;
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE(save_parse_cache(sample_cache(), path, kStamp, &error));
  check_damage_refused(dir.path("damaged"), read_file(path), 37);
}

TEST_CASE("cache: an entry damaged under a good checksum is refused alone, when it is decoded") {
  TempDir dir;
  BuildCache cache = sample_cache();
  const std::string key = key_of("content/events/curiosity-course.md", kEvent);
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE(save_parse_cache(cache, path, kStamp, &error));
  std::string bytes = read_file(path);
  size_t at = bytes.find(key);
  REQUIRE(at != std::string::npos);
  at += key.size() + 8;  // past the key and the entry's length: whether it has a page
  REQUIRE(bytes[at] == '\1');
  bytes[at] = '\7';
  write_file(path, resealed(bytes));

  BuildCache loaded;
  REQUIRE(load_parse_cache(loaded, path, kStamp));  // the file's framing is whole
  REQUIRE(loaded.parsed.size() == cache.parsed.size());
  for (auto& [k, parsed] : loaded.parsed) {
    CAPTURE(k);
    CHECK(!parsed.encoded.empty());
    Page page;
    bool has_page = false;
    std::vector<Diagnostic> diagnostics;
    CHECK(decode_entry(parsed, page, has_page, diagnostics) == (k != key));
    if (k != key) {
      REQUIRE(has_page == (cache.parsed.at(k).page != nullptr));
      if (has_page) check_same(page, *cache.parsed.at(k).page);
    }
  }
}

TEST_CASE("cache: a page holding its tree is stored without it") {
  TempDir dir;
  BuildCache cache;
  const std::string with_tree = key_of("content/newsletters/spring-2024/index.md", kNewsletter);
  const std::string without = key_of("content/events/curiosity-course.md", kEvent);
  cache.parsed[with_tree] = parse("content/newsletters/spring-2024/index.md", kNewsletter, true);
  cache.parsed[without] = parse("content/events/curiosity-course.md", kEvent, true);
  REQUIRE(cache.parsed[with_tree].page->doc->root() != nullptr);  // a newsletter makes a PDF
  REQUIRE(cache.parsed[without].page->doc->root() == nullptr);    // an event does not
  const std::string path = dir.path("parse");
  std::string error;
  REQUIRE(save_parse_cache(cache, path, kStamp, &error));
  BuildCache loaded;
  REQUIRE(load_decoded(loaded, path));
  CHECK(loaded.parsed.size() == 2);
  REQUIRE(loaded.parsed.count(with_tree) == 1);
  const auto& page = loaded.parsed[with_tree].page;
  REQUIRE(page);
  CHECK(page->doc->root() == nullptr);  // parsed again from its source if its PDF is drawn
  CHECK(page->doc->html() == cache.parsed[with_tree].page->doc->html());
}

TEST_CASE("cache: a file that cannot be written is reported") {
  TempDir dir;
  write_file(dir.path("file"), "x");
  std::string error;
  CHECK_FALSE(save_parse_cache(sample_cache(), dir.path("file/parse"), kStamp, &error));
  CHECK(error.find(dir.path("file")) != std::string::npos);
}
