// Tests for serve/preview_state: the last good build, the current errors and the generation counter.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "serve/preview_state.h"

using namespace herald;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const SiteFiles> site(std::string about) {
  return std::make_shared<const SiteFiles>(
      SiteFiles{{"index.html", std::make_shared<const std::string>("<p>Welcome</p>")},
                {"pages/about/index.html", std::make_shared<const std::string>(std::move(about))}});
}

const PreviewProblem kBroken{"content/pages/about.md:4:1", "error: invalid front matter: end of sequence flow not found",
                             "  ---\n  ^\n"};

}  // namespace

TEST_CASE("before any build there is no site, no error and generation 0") {
  PreviewState state;
  auto snap = state.snapshot();
  CHECK(snap.files == nullptr);
  REQUIRE(snap.problems != nullptr);
  CHECK(snap.problems->empty());
  CHECK(snap.generation == 0);
  CHECK_FALSE(state.stopped());
}

TEST_CASE("each change a browser would see bumps the generation; the last good build stays on error") {
  PreviewState state;
  // The first good build.
  CHECK(state.publish(site("v1"), {}));
  auto snap = state.snapshot();
  REQUIRE(snap.files != nullptr);
  CHECK(*snap.files->at("pages/about/index.html") == "v1");
  CHECK(snap.problems->empty());
  CHECK(snap.generation == 1);

  // The same files again (a save that changed nothing published): no reload.
  CHECK_FALSE(state.publish(site("v1"), {}));
  CHECK(state.snapshot().generation == 1);

  // New content.
  CHECK(state.publish(site("v2"), {}));
  CHECK(state.snapshot().generation == 2);
  CHECK(*state.snapshot().files->at("pages/about/index.html") == "v2");

  // A failed build: the errors are shown over the last good site.
  CHECK(state.publish(nullptr, {kBroken}));
  snap = state.snapshot();
  CHECK(snap.generation == 3);
  REQUIRE(snap.files != nullptr);
  CHECK(*snap.files->at("pages/about/index.html") == "v2");
  REQUIRE(snap.problems->size() == 1);
  CHECK(snap.problems->front() == kBroken);

  // The same failure again: nothing to reload.
  CHECK_FALSE(state.publish(nullptr, {kBroken}));
  CHECK(state.snapshot().generation == 3);

  // A different failure is a change.
  PreviewProblem other = kBroken;
  other.where = "content/pages/about.md:5:1";
  CHECK(state.publish(nullptr, {other}));
  CHECK(state.snapshot().generation == 4);
  CHECK(state.snapshot().problems->front().where == "content/pages/about.md:5:1");
  CHECK(*state.snapshot().files->at("pages/about/index.html") == "v2");

  // Fixed back to the same output as before: the overlay goes, so that is a change.
  CHECK(state.publish(site("v2"), {}));
  snap = state.snapshot();
  CHECK(snap.generation == 5);
  CHECK(snap.problems->empty());
  CHECK(*snap.files->at("pages/about/index.html") == "v2");
}

TEST_CASE("a snapshot is not changed by later builds") {
  PreviewState state;
  state.publish(site("v1"), {});
  auto before = state.snapshot();
  state.publish(site("v2"), {});
  state.publish(nullptr, {kBroken});
  CHECK(before.generation == 1);
  CHECK(*before.files->at("pages/about/index.html") == "v1");
  CHECK(before.problems->empty());
}

TEST_CASE("errors before any good build leave no site") {
  PreviewState state;
  CHECK(state.publish(nullptr, {kBroken}));
  auto snap = state.snapshot();
  CHECK(snap.files == nullptr);
  CHECK(snap.generation == 1);
  CHECK(snap.problems->size() == 1);
  CHECK(state.publish(site("v1"), {}));
  CHECK(state.snapshot().files != nullptr);
  CHECK(state.snapshot().problems->empty());
  CHECK(state.snapshot().generation == 2);
}

TEST_CASE("wait_for_change returns at once when the generation differs, else after the timeout") {
  PreviewState state;
  state.publish(site("v1"), {});
  auto start = std::chrono::steady_clock::now();
  CHECK(state.wait_for_change(0, 10s) == 1);
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  CHECK(state.wait_for_change(1, 30ms) == 1);
}

TEST_CASE("a build wakes a waiting event stream") {
  PreviewState state;
  state.publish(site("v1"), {});
  auto waiter = std::async(std::launch::async, [&] { return state.wait_for_change(1, 20s); });
  std::this_thread::sleep_for(20ms);
  state.publish(site("v2"), {});
  REQUIRE(waiter.wait_for(10s) == std::future_status::ready);
  CHECK(waiter.get() == 2);
}

TEST_CASE("stop wakes every waiter for good") {
  PreviewState state;
  state.publish(site("v1"), {});
  std::vector<std::future<uint64_t>> waiters;
  for (int i = 0; i < 4; ++i)
    waiters.push_back(std::async(std::launch::async, [&] { return state.wait_for_change(1, 20s); }));
  std::this_thread::sleep_for(20ms);
  state.stop();
  for (auto& w : waiters) {
    REQUIRE(w.wait_for(10s) == std::future_status::ready);
    CHECK(w.get() == 1);
  }
  CHECK(state.stopped());
  // Later waits do not block either.
  auto start = std::chrono::steady_clock::now();
  CHECK(state.wait_for_change(1, 20s) == 1);
  CHECK(std::chrono::steady_clock::now() - start < 5s);
}

TEST_CASE("problems_of keeps the errors, sorted, with location, message and quoted line") {
  Diagnostics diags;
  diags.add_source("content/pages/about.md", "---\ntitle: About\ntopics: [neglect\n---\n\nBody.\n");
  diags.error({"content/pages/about.md", 4, 1}, "invalid front matter: end of sequence flow not found");
  diags.warning({"content/pages/about.md", 2, 8}, "a warning is not shown in the overlay");
  diags.error({"content/pages/about.md", 3, 9}, "the <second> error");
  diags.error({"content/pages/whole.md", 0, 0}, "a whole-file problem");
  diags.error({"", 0, 0}, "no file to blame");
  auto problems = problems_of(diags);
  REQUIRE(problems.size() == 4);
  // Sorted as the terminal shows them: by path, then line.
  CHECK(problems[0].where == "");
  CHECK(problems[0].message == "error: no file to blame");
  CHECK(problems[0].excerpt == "");
  CHECK(problems[1] ==
        PreviewProblem{"content/pages/about.md:3:9", "error: the <second> error", "  topics: [neglect\n          ^\n"});
  CHECK(problems[2] == PreviewProblem{"content/pages/about.md:4:1",
                                      "error: invalid front matter: end of sequence flow not found", "  ---\n  ^\n"});
  // A problem with the whole file is shown at its line 1, column 1.
  CHECK(problems[3].where == "content/pages/whole.md:1:1");
  CHECK(problems[3].message == "error: a whole-file problem");
  CHECK(problems[3].excerpt == "");
}

TEST_CASE("problems_of gives nothing for warnings only") {
  Diagnostics diags;
  diags.warning({"content/a.md", 1, 1}, "only a warning");
  CHECK(problems_of(diags).empty());
  CHECK(problems_of(Diagnostics{}).empty());
}

TEST_CASE("site_files_of keeps each file by its output path") {
  std::vector<OutputFile> files{{"index.html", "<p>home</p>", "content/_index.md"},
                                {"feed.xml", "<feed/>", "feed"},
                                {"briefings/neglect/index.html", "<p>neglect</p>", "content/briefings/neglect.md"}};
  auto site = site_files_of(std::move(files));
  REQUIRE(site != nullptr);
  CHECK(site->size() == 3);
  CHECK(*site->at("index.html") == "<p>home</p>");
  CHECK(*site->at("feed.xml") == "<feed/>");
  CHECK(*site->at("briefings/neglect/index.html") == "<p>neglect</p>");
  CHECK(site_files_of({})->empty());
}
