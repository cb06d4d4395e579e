// Integration: drafts, scheduled and expired pages of every kind reach no byte
// of any output — pages, lists, feeds, sitemap, calendar, vCards, PDFs (their
// text and their raw, decompressed objects) and the search index.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::read_tree;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

const char* kSections =
    "\n\n## 1. Background\n\nx\n\n## 2. What happened\n\nx\n\n## 3. Key learning\n\nx\n\n## 4. Practice\n\nx\n\n"
    "## 5. Good practice\n\nx\n\n## 6. Questions\n\nx\n\n## 7. Resources\n\nx\n";

/// One withheld file of each kind, for one reason (`field` is the front
/// matter line that withholds it), each with its own marker word in its
/// title, summary, topics and text.
void write_withheld(TempSite& site, const std::string& reason, const std::string& field) {
  std::string m = reason + "marker";
  auto fm = [&](const std::string& kind_fields) {
    return "---\ntitle: Title " + m + "\nsummary: Summary " + m + "\ntopics: [" + m + "topic]\n" + field + "\n" +
           kind_fields + "---\n\nBody " + m + ".";
  };
  std::string date = reason == "scheduled" ? "" : "date: 2024-02-01\n";
  site.write("content/briefings/" + reason + "-briefing.md",
             fm(date + "review_type: sar\naudience: [adults]\n") + kSections);
  site.write("content/newsletters/" + reason + "-newsletter.md",
             fm(date + "issue: 9\n") + "\n\n## An article " + m + "\n\nText.\n");
  site.write("content/procedures/children/" + reason + "-chapter.md",
             fm("order: 5\nowner: Testshire Partnership\namendment: New " + m + ".\n") + "\n\n## Steps\n\nDo.\n");
  site.write("content/events/" + reason + "-event.md",
             fm("start: 2024-08-12T09:30:00\nend: 2024-08-12T16:00:00\nlocation: Hall " + m + "\n") + "\n");
  site.write("content/pages/" + reason + "-page.md", fm("pdf: true\n") + "\n");
}

/// Every byte a reader, a feed reader or a search could get from the output:
/// each file as written, the text of each PDF (pdftotext) and its objects
/// decompressed (qpdf --qdf), and each search-index fragment gunzipped.
std::vector<std::pair<std::string, std::string>> every_readable_byte(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, content] : read_tree(dir)) {
    out.emplace_back(path, content);
    std::string quoted = "'" + dir + "/" + path + "'";
    if (path.size() > 4 && path.substr(path.size() - 4) == ".pdf") {
      auto text = run_command("pdftotext " + quoted + " -");
      REQUIRE(text.exit_code == 0);
      out.emplace_back(path + " (pdftotext)", text.out);
      auto raw = run_command("qpdf --qdf --object-streams=disable " + quoted + " -");
      REQUIRE(raw.exit_code == 0);
      out.emplace_back(path + " (qpdf --qdf)", raw.out);
    }
    if (path.find("pagefind/") == 0 && path.size() > 3 && path.substr(path.size() - 3) != ".js" &&
        path.substr(path.size() - 4) != ".css" && path.substr(path.size() - 5) != ".json") {
      auto plain = run_command("gunzip -c < " + quoted);
      if (plain.exit_code == 0) out.emplace_back(path + " (gunzip)", plain.out);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("drafts, scheduled and expired pages of every kind reach no output, compressed or not") {
  TempSite site;
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") + "feeds: { full_content: true }\n");
  write_withheld(site, "draft", "draft: true");
  write_withheld(site, "scheduled", "date: 2024-09-01");
  write_withheld(site, "expired", "expires: 2024-05-01");
  site.commit("the site", "2024-03-20T10:00:00+00:00");
  // The real search index, made by Pagefind from the checkout's node_modules.
  run_command("ln -s '" HERALD_SOURCE_DIR "/node_modules' '" + site.dir() + "/node_modules'");
  auto r = run_command("cd '" + site.dir() + "' && env -u HERALD_PAGEFIND '" HERALD_BINARY
                       "' build --now 2024-07-01T12:00:00");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(site.exists("public/pagefind/pagefind-entry.json"));

  auto everything = every_readable_byte(site.dir() + "/public");
  size_t pdfs = 0, fragments = 0;
  for (const auto& [where, bytes] : everything) {
    pdfs += contains(where, "(pdftotext)");
    fragments += contains(where, "(gunzip)");
    CAPTURE(where);
    for (const char* marker : {"draftmarker", "scheduledmarker", "expiredmarker"}) {
      CAPTURE(marker);
      CHECK_FALSE(contains(bytes, marker));
    }
  }
  // The scan really looked inside PDFs and the index: the published briefing,
  // newsletter and chapter have PDFs, and every published page has a fragment.
  CHECK(pdfs >= 3);
  CHECK(fragments >= 7);
  bool published_word_found = false;
  for (const auto& [where, bytes] : everything)
    if (contains(where, "(gunzip)") && contains(bytes, "Neglect and young carers")) published_word_found = true;
  CHECK(published_word_found);

  // With --drafts the drafts are published (so the markers above could be found).
  auto drafts = site.herald("build --drafts --out with-drafts --now 2024-07-01T12:00:00");
  REQUIRE(drafts.exit_code == 0);
  CHECK(contains(site.read("with-drafts/briefings/draft-briefing/index.html"), "draftmarker"));
  CHECK(contains(site.read("with-drafts/procedures/children/draft-chapter/index.html"), "draftmarker"));
  CHECK(contains(site.read("with-drafts/events/draft-event/index.html"), "draftmarker"));
  // And after its date, the scheduled briefing appears, in its PDF too.
  REQUIRE(site.herald("build --out later --now 2024-09-02T12:00:00").exit_code == 0);
  auto later = run_command("pdftotext '" + site.dir() + "/later/briefings/scheduled-briefing/scheduled-briefing.pdf' -");
  CHECK(contains(later.out, "scheduledmarker"));
}
