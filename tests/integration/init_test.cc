// Integration: `herald init` makes a git repository that builds at once, with no message, and refuses to overwrite.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/version.h"
#include "support/site_builder.h"

namespace fs = std::filesystem;
using herald::test::contains;
using herald::test::make_temp_dir;
using herald::test::read_file;
using herald::test::run_command;
using herald::test::RunResult;

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// A temporary folder, removed at the end of the test, in which `site` does not exist yet.
struct Workspace {
  std::string dir = make_temp_dir("herald-init-");
  std::string site = dir + "/eastshire-site";
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  /// Runs `command` in the workspace's folder (stdin is not a terminal).
  RunResult run(const std::string& command) const { return run_command("cd " + quote(dir) + " && " + command); }
  RunResult herald(const std::string& args) const { return run(quote(HERALD_BINARY) + " " + args); }
  /// Runs herald in the site, finding Pagefind in herald's checkout when it is there.
  RunResult herald_in_site(const std::string& args) const {
    std::string pagefind = std::string(HERALD_SOURCE_DIR) + "/node_modules/.bin/pagefind";
    std::string env = fs::exists(pagefind) ? "HERALD_PAGEFIND=" + quote(pagefind) : "HERALD_PAGEFIND=none";
    return run_command("cd " + quote(site) + " && " + env + " " + quote(HERALD_BINARY) + " " + args);
  }
  /// `git add -A && git commit`, as the guide tells the user to.
  void commit() const {
    auto r = run_command("cd " + quote(site) +
                         " && git add -A && git -c user.name='Sam Editor' -c user.email=sam@eastshire.example"
                         " -c commit.gpgsign=false -c core.hooksPath=/dev/null commit -q -m 'A new site'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  std::string read(const std::string& path) const { return read_file(site + "/" + path); }
  bool exists(const std::string& path) const { return fs::exists(site + "/" + path); }
};

const char* kOptions = " --title 'Eastshire Safeguarding Partnership' --base-url https://safeguarding.eastshire.example";

/// Builds the committed site and checks that herald said nothing but that it published.
void build_without_a_message(const Workspace& w) {
  auto check = w.herald_in_site("check --strict");
  CHECK(check.exit_code == 0);
  CHECK(check.err == "herald: the site has no errors\n");
  auto build = w.herald_in_site("build");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(build.err.rfind("herald: published ", 0) == 0);
  CHECK(build.err.find('\n') == build.err.size() - 1);  // that one line, no warning, note or error
  // Nothing herald made is left for `git add -A` to pick up.
  CHECK(w.run("cd eastshire-site && git status --porcelain --untracked-files=all").out == "");
}

}  // namespace

TEST_CASE("herald init makes a git repository on main, with nothing committed, that builds with no message") {
  Workspace w;
  auto made = w.herald("init eastshire-site" + std::string(kOptions));
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err == "");
  CHECK(contains(made.out, "herald: made the site \"Eastshire Safeguarding Partnership\" in eastshire-site/"));
  CHECK(contains(made.out, "  herald.yaml\n"));
  CHECK(w.run("cd eastshire-site && git symbolic-ref HEAD").out == "refs/heads/main\n");
  CHECK(w.run("cd eastshire-site && git rev-list --all | wc -l").out == "0\n");
  std::string config = w.read("herald.yaml");
  CHECK(contains(config, "title: \"Eastshire Safeguarding Partnership\"\n"));
  CHECK(contains(config, "base_url: \"https://safeguarding.eastshire.example/\""));  // the slash added
  CHECK(contains(config, "herald: \"" + herald::version_series(HERALD_VERSION) + "\"\n"));
  CHECK(contains(config, "language: en-GB\n"));
  CHECK(contains(config, "timezone: Europe/London\n"));
  CHECK(contains(config, "brand_colour: \"#"));
  CHECK_FALSE(w.exists("content/newsletters"));

  w.commit();
  build_without_a_message(w);
  CHECK(w.exists("public/index.html"));
  CHECK(contains(w.read("public/index.html"), "Eastshire Safeguarding Partnership"));
  CHECK(contains(w.read("public/index.html"), "href=\"tel:999\""));
  // The default menus: the sections with something in them, the page and herald's own.
  CHECK(contains(w.read("public/index.html"), "<a class=\"herald-nav__link\" href=\"contacts/\">Contacts</a>"));
  CHECK_FALSE(contains(w.read("public/index.html"), "href=\"newsletters/\""));  // nor in "Everything on this site"
  CHECK_FALSE(contains(w.read("public/index.html"), "Browse by topic"));  // there are none yet
  CHECK(contains(w.read("public/index.html"), "<a class=\"govuk-footer__link\" href=\"about/\">"));
  CHECK(w.exists("public/about/index.html"));
  CHECK(w.exists("public/contacts/index.html"));
  CHECK(w.exists("public/contacts/business-office.vcf"));
  CHECK(w.exists("public/accessibility/index.html"));
  CHECK(w.read("public/logo.svg") == w.read("static/logo.svg"));
  // The logo is 40 pixels high and as wide as its shape makes it: no width is forced.
  CHECK(contains(w.read("public/index.html"), "<img src=\"logo.svg\" alt=\"\" class=\"herald-header__logo\" height=\"40\">"));
  if (fs::exists(std::string(HERALD_SOURCE_DIR) + "/node_modules/.bin/pagefind"))
    CHECK(w.exists("public/pagefind/pagefind.js"));
}

TEST_CASE("herald init --example adds a newsletter, a briefing, a manual, a report, an event and a board that build with no message") {
  Workspace w;
  auto made = w.herald("init eastshire-site --example" + std::string(kOptions));
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  w.commit();
  build_without_a_message(w);
  for (const char* page : {"newsletters/example-newsletter/", "briefings/example-briefing/",
                           "procedures/example-manual/", "procedures/example-manual/example-chapter/",
                           "events/example-event/", "reports/example-report/", "meetings/", "meetings/example-board/"}) {
    CAPTURE(page);
    std::string html = w.read(std::string("public/") + page + "index.html");
    CHECK(contains(html, "example"));
  }
  for (const char* pdf : {"newsletters/example-newsletter/example-newsletter.pdf",
                          "briefings/example-briefing/example-briefing.pdf",
                          "procedures/example-manual/example-chapter/example-chapter.pdf",
                          "reports/example-report/example-report.pdf"}) {
    CAPTURE(pdf);
    CHECK(w.read(std::string("public/") + pdf).rfind("%PDF-", 0) == 0);
  }
  // The briefing is whole: seven numbered sections.
  CHECK(contains(w.read("public/briefings/example-briefing/index.html"), "id=\"section-7\""));
  // The home page shows the latest newsletter, the briefing and the upcoming event.
  std::string home = w.read("public/index.html");
  CHECK(contains(home, "Example newsletter"));
  CHECK(contains(home, "Example 7-minute briefing"));
  CHECK(contains(home, "Example event"));
  CHECK(contains(w.read("public/events.ics"), "SUMMARY:Example event"));
  // The example meeting, named by its date, is the agenda of a meeting to come.
  CHECK(contains(w.read("public/meetings.ics"), "SUMMARY:Example board meeting"));
  CHECK(contains(w.read("public/meetings/example-board/index.html"), "Example board meeting"));
  if (fs::exists(std::string(HERALD_SOURCE_DIR) + "/node_modules/.bin/pagefind"))
    CHECK(contains(w.read("public/pagefind/pagefind-entry.json"), "\"page_count\":"));
  // The default menu lists every example's section; the menu written out in
  // herald.yaml's comment, its # taken away, is the same and builds as cleanly.
  std::string nav = "<li class=\"herald-nav__item\"><a class=\"herald-nav__link\" href=\"";
  std::string sections = nav + "newsletters/\">Newsletters</a></li>\n" + nav +
                         "briefings/\">7-minute briefings</a></li>\n" + nav + "procedures/\">Procedures</a></li>\n" +
                         nav + "reports/\">Reports</a></li>\n" + nav + "meetings/\">Meetings</a></li>\n" + nav + "events/\">Events</a></li>\n" + nav + "contacts/\">Contacts</a></li>\n" + nav +
                         "search/\">Search</a></li>\n";
  CHECK(contains(home, sections));
  std::string config = w.read("herald.yaml");
  for (const char* line : {"# menu:\n", "#   main: ", "#   footer: "}) {
    size_t at = config.find(line);
    REQUIRE(at != std::string::npos);
    config.erase(at, 2);
  }
  herald::test::write_file(w.site + "/herald.yaml", config);
  w.commit();
  build_without_a_message(w);
  CHECK(contains(w.read("public/index.html"), sections));
}

TEST_CASE("herald init refuses a folder that is not empty, and changes nothing in it") {
  Workspace w;
  fs::create_directories(w.site);
  herald::test::write_file(w.site + "/herald.yaml", "title: Our own\n");
  auto r = w.herald("init eastshire-site --example" + std::string(kOptions));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "error: the folder 'eastshire-site' is not empty: herald init makes a new site in a new or empty "
                 "folder, and never changes files that are already there\n");
  CHECK(r.out == "");
  CHECK(w.read("herald.yaml") == "title: Our own\n");
  CHECK(std::distance(fs::directory_iterator(w.site), fs::directory_iterator()) == 1);  // no .git, nothing else

  herald::test::write_file(w.dir + "/a-file", "text\n");
  auto file = w.herald("init a-file" + std::string(kOptions));
  CHECK(file.exit_code == 2);
  CHECK(file.err == "error: 'a-file' is a file: give herald init the name of a new folder for the site\n");
  CHECK(read_file(w.dir + "/a-file") == "text\n");

  // An empty folder is fine.
  fs::create_directories(w.dir + "/empty");
  CHECK(w.herald("init empty" + std::string(kOptions)).exit_code == 0);
  CHECK(fs::exists(w.dir + "/empty/.git"));
}

TEST_CASE("herald init without --title or --base-url, and not on a terminal, is exit 2 naming the option") {
  Workspace w;
  auto no_title = w.herald("init eastshire-site --base-url https://safeguarding.eastshire.example/");
  CHECK(no_title.exit_code == 2);
  CHECK(no_title.err ==
        "error: --title is missing: give the partnership's name, as in herald init DIR --title \"Eastshire "
        "Safeguarding Partnership\" --base-url https://safeguarding.eastshire.example/\n");
  auto no_url = w.herald("init eastshire-site --title 'Eastshire Safeguarding Partnership'");
  CHECK(no_url.exit_code == 2);
  CHECK(no_url.err ==
        "error: --base-url is missing: give the site's web address, as in --base-url "
        "https://safeguarding.eastshire.example/ (on GitHub Pages: https://<organisation>.github.io/<repository>/)\n");
  auto bad_url = w.herald("init eastshire-site --title Eastshire --base-url safeguarding.eastshire.example");
  CHECK(bad_url.exit_code == 2);
  CHECK(bad_url.err == "error: --base-url 'safeguarding.eastshire.example' must be a web address starting https:// "
                       "(or http://), such as https://safeguarding.eastshire.example/\n");
  auto empty_title = w.herald("init eastshire-site --title ' ' --base-url https://safeguarding.eastshire.example/");
  CHECK(empty_title.exit_code == 2);
  CHECK(empty_title.err == "error: --title ' ' is empty: give the partnership's name, such as \"Eastshire "
                           "Safeguarding Partnership\"\n");
  auto no_dir = w.herald("init --title Eastshire --base-url https://safeguarding.eastshire.example/");
  CHECK(no_dir.exit_code == 2);
  // Nothing was made.
  CHECK_FALSE(fs::exists(w.site));
}

TEST_CASE("herald init asks for a missing title and web address on a terminal, again until they can be used") {
  if (run_command("command -v script").exit_code != 0) return;  // util-linux's script gives herald a terminal
  Workspace w;
  auto r = w.run("printf 'Eastshire Safeguarding Partnership\\nsafeguarding.eastshire.example\\n"
                 "https://safeguarding.eastshire.example\\n' | script -qec " +
                 quote(quote(HERALD_BINARY) + " init eastshire-site") + " /dev/null");
  INFO(r.out, r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "The partnership's name, the site's title"));
  CHECK(contains(r.out, "The address must be a web address starting https:// (or http://)"));
  CHECK(contains(w.read("herald.yaml"), "title: \"Eastshire Safeguarding Partnership\"\n"));
  CHECK(contains(w.read("herald.yaml"), "base_url: \"https://safeguarding.eastshire.example/\""));
}

TEST_CASE("the site's .gitignore keeps herald's output out of git, and its workflow is the template") {
  Workspace w;
  REQUIRE(w.herald("init eastshire-site" + std::string(kOptions)).exit_code == 0);
  std::string ignore = w.read(".gitignore");
  CHECK(contains(ignore, "\n/public/\n"));
  CHECK(contains(ignore, "\n/.herald-cache/\n"));
  CHECK(w.run("cd eastshire-site && git check-ignore public/index.html .herald-cache/parse "
              ".public.herald-lock .public.herald-tmp/index.html")
            .out == "public/index.html\n.herald-cache/parse\n.public.herald-lock\n.public.herald-tmp/index.html\n");
  CHECK(w.run("cd eastshire-site && git check-ignore -q content/_index.md").exit_code == 1);

  std::string workflow = w.read(".github/workflows/publish.yml");
  CHECK(workflow == read_file(std::string(HERALD_SOURCE_DIR) + "/init/site/.github/workflows/publish.yml"));
  for (const char* part : {"  push:\n    branches: [main]\n", "  schedule:\n", "  workflow_dispatch:\n",
                           "  HERALD_REPOSITORY: herald-publishing/herald\n", "container: debian:12\n",
                           "apt-get install -y -qq --no-install-recommends curl jq git ca-certificates\n",
                           "fetch-depth: 0\n", "api.github.com/repos/$HERALD_REPOSITORY/releases",
                           "Authorization: Bearer $GITHUB_TOKEN", "herald_.*_amd64\\\\.deb$",
                           "apt-get install -y -qq \"./$name\"\n",
                           "git config --global --add safe.directory \"$GITHUB_WORKSPACE\"\n",
                           "herald check --format github\n", "run: herald build\n",
                           "uses: actions/upload-pages-artifact@v3\n", "uses: actions/deploy-pages@v4\n"}) {
    CAPTURE(part);
    CHECK(contains(workflow, part));
  }
  // It is YAML as written (no placeholder in it), read as GitHub reads it.
  if (run_command("python3 -c 'import yaml'").exit_code == 0) {
    auto parsed = run_command("python3 -c 'import sys, yaml; w = yaml.safe_load(open(sys.argv[1])); "
                              "print(sorted(w[\"jobs\"]), w[\"env\"][\"HERALD_REPOSITORY\"])' " +
                              quote(w.site + "/.github/workflows/publish.yml"));
    CHECK(parsed.out == "['build', 'deploy'] herald-publishing/herald\n");
  }
}

TEST_CASE("herald init --languages en-GB,cy makes a site in English and Welsh that builds with no message") {
  Workspace w;
  auto made = w.herald("init eastshire-site --languages en-GB,cy" + std::string(kOptions));
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err == "");
  CHECK(contains(made.out, "  content/_index.cy.md\n"));
  CHECK(contains(made.out, "  content/pages/about.cy.md\n"));
  CHECK(contains(made.out, "The site is in English and Welsh: a page's Welsh is the file beside it ending .cy.md"));
  std::string config = w.read("herald.yaml");
  CHECK(contains(config, "\nlanguages: [en-GB, cy]   # "));
  CHECK_FALSE(contains(config, "\nlanguage: "));
  CHECK(contains(w.read("content/_index.cy.md"), "title: \"Eastshire Safeguarding Partnership\"\n"));
  CHECK(contains(w.read("content/pages/about.cy.md"), "slug: amdanom\n"));

  w.commit();
  build_without_a_message(w);
  CHECK(contains(w.read("public/cy/index.html"), "<html lang=\"cy\""));
  CHECK(contains(w.read("public/cy/index.html"), "href=\"tel:999\""));
  CHECK(contains(w.read("public/cy/amdanom/index.html"), "<html lang=\"cy\""));
  CHECK(contains(w.read("public/about/index.html"), "href=\"../cy/amdanom/\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"));
  CHECK(contains(w.read("public/cy/amdanom/index.html"), "href=\"../../about/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"));
  CHECK(contains(w.read("public/index.html"), "href=\"cy/\" hreflang=\"cy\""));
  // The contacts in both languages: the Welsh panel and card in Welsh, the English in English.
  CHECK(contains(w.read("data/contacts.yaml"), "  name_cy: Gwasanaethau brys\n"));
  CHECK(contains(w.read("public/cy/index.html"), "Gwasanaethau brys"));
  CHECK(contains(w.read("public/cy/amdanom/index.html"), "Oriau swyddfa"));
  CHECK(contains(w.read("public/index.html"), "Emergency services"));
  CHECK_FALSE(contains(w.read("public/index.html"), "Gwasanaethau brys"));
}

TEST_CASE("herald init --languages en-GB,cy --example: the examples in English, listed by check as not yet in Welsh") {
  Workspace w;
  auto made = w.herald("init eastshire-site --example --languages en-GB,cy" + std::string(kOptions));
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  w.commit();
  auto check = w.herald_in_site("check");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(contains(check.err, "content/briefings/example-briefing.md:1:1: warning: this page has no translation in "
                            "Cymraeg (cy): add content/briefings/example-briefing.cy.md"));
  CHECK(contains(check.err, "herald: the site has no errors\n"));
  CHECK_FALSE(contains(check.err, "about.md:1:1: warning"));  // the about page is in both
  auto build = w.herald_in_site("build");
  INFO(build.err);
  CHECK(build.exit_code == 0);
  CHECK(contains(build.err, "herald.yaml:1:1: note: 8 pages are not yet in every language of the site"));
  CHECK(w.exists("public/cy/amdanom/index.html"));
  CHECK(w.exists("public/briefings/example-briefing/index.html"));
}

TEST_CASE("herald init --languages refuses a list it cannot make a site of, with status 2, making nothing") {
  Workspace w;
  const std::pair<const char*, const char*> cases[] = {
      {"cy,en-GB", "error: --languages 'cy,en-GB' must start with English (en-GB), the language of the pages herald "
                   "init writes, then Welsh, as in --languages en-GB,cy for English and Welsh\n"},
      {"en-GB,fr", "error: --languages 'en-GB,fr' names 'fr', a language herald init has no pages in: it writes them "
                   "in English and Welsh (cy), as in --languages en-GB,cy for English and Welsh\n"},
      {"en-GB,,cy", "error: --languages 'en-GB,,cy' has an empty place between commas: give each language once, as "
                    "in --languages en-GB,cy for English and Welsh\n"},
      {"en-GB,cy,cy", "error: --languages 'en-GB,cy,cy' names 'cy' twice: give each language once, as in "
                      "--languages en-GB,cy for English and Welsh\n"},
  };
  for (const auto& [list, message] : cases) {
    CAPTURE(list);
    auto r = w.herald(std::string("init eastshire-site --languages '") + list + "'" + kOptions);
    CHECK(r.exit_code == 2);
    CHECK(r.err == message);
    CHECK_FALSE(fs::exists(w.site));
  }
}
