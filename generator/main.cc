// herald's command line: parses the arguments and calls one command.
#include <algorithm>
#include <ctime>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands/commands.h"
#include "core/heap.h"
#include "core/text.h"
#include "core/thread_pool.h"
#include "external/network_module.h"
#include "output/pdf/pdf_module.h"

namespace {

void add_build_options(CLI::App* cmd, herald::BuildOptions& o) {
  cmd->add_option("--repo", o.repo, "the site repository (default: the one containing this folder)");
  cmd->add_option("--ref", o.ref, "the branch, tag or commit to publish (default: HEAD)");
  cmd->add_option("--out", o.out, "the output folder (default: public/ at the repository root)");
  cmd->add_flag("--drafts", o.drafts, "include pages marked draft: true");
  cmd->add_flag("--strict", o.strict, "treat warnings as errors");
  cmd->add_option("--now", o.now, "the date and time to build as, e.g. 2024-04-12T09:00:00 (default: now)");
  cmd->add_flag("-v,--verbose", o.verbose, "print each stage's time");
}

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  herald::use_huge_pages_for_heap();
#ifdef HERALD_PDF_LINKED
  // The sanitizers' build: see CMakeLists.txt.
  herald::use_linked_pdf_module(herald_pdf_module());
  herald::use_linked_network_module(herald_network_module());
#endif
  CLI::App app{"herald: publishes a safeguarding partnership's website from its git repository"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("herald ") + HERALD_VERSION);
  unsigned jobs = 0;
  app.add_option("-j,--jobs", jobs, "worker threads (default: one per core)");

  herald::BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "publish the site committed at a ref into public/");
  add_build_options(build_cmd, build);

  herald::BuildOptions check;
  std::string format = "text";
  auto* check_cmd = app.add_subcommand("check", "run every check of build, writing nothing");
  add_build_options(check_cmd, check);
  check_cmd->add_option("--format", format, "text, github or json")
      ->check(CLI::IsMember({"text", "github", "json"}));
  check_cmd->add_flag("--worktree", check.worktree,
                      "check the files as they are in the working tree, uncommitted changes included");
  bool external = false;
  check_cmd->add_flag("--external", external,
                      "also ask every web address the site links to whether it still answers (results kept a day)");

  std::string changes_repo = ".", from, to = "HEAD";
  auto* changes_cmd = app.add_subcommand("changes", "the procedures amendments between two refs");
  changes_cmd->add_option("--repo", changes_repo, "the site repository");
  changes_cmd->add_option("--from", from, "the earlier ref (default: the start of history)");
  changes_cmd->add_option("--to", to, "the later ref (default: HEAD)");

  std::string new_repo = ".", kind, title, date = today();
  auto* new_cmd = app.add_subcommand("new", "a new newsletter, briefing, chapter, report, event, page or meeting");
  new_cmd->add_option("kind", kind, "newsletter, briefing, chapter, report, event, page or meeting (its title: the board)")->required();
  new_cmd->add_option("title", title, "the title, in quotes")->required();
  new_cmd->add_option("--repo", new_repo, "the site repository");
  new_cmd->add_option("--date", date, "the date to write (default: today)");

  std::string serve_repo = ".", bind = "127.0.0.1";
  int port = 1313;
  bool serve_drafts = false;
  auto* serve_cmd = app.add_subcommand("serve", "preview the working tree, reloading on every save");
  serve_cmd->add_option("--repo", serve_repo, "the site repository");
  serve_cmd->add_option("--port", port, "the port (default: 1313; 0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--bind", bind, "the address to listen on (default: 127.0.0.1, this computer only)");
  serve_cmd->add_flag("--drafts", serve_drafts, "include drafts");

  herald::EmailOptions email;
  auto* email_cmd = app.add_subcommand("email", "send a newsletter's email edition to one address, to proof it");
  email_cmd->add_option("slug", email.slug, "the newsletter, e.g. autumn-2026")->required();
  email_cmd->add_option("--to", email.to, "the address to send it to")->required();
  email_cmd->add_option("--smtp", email.smtp, "the mail server (default: smtp://localhost:25; smtps://… for TLS)");
  email_cmd->add_flag("--starttls", email.starttls, "require STARTTLS: never send in the clear");
  email_cmd->add_option("--user", email.user, "the login at the mail server; its password from HERALD_SMTP_PASSWORD");
  email_cmd->add_option("--repo", email.build.repo, "the site repository (default: the one containing this folder)");
  email_cmd->add_option("--ref", email.build.ref, "the branch, tag or commit to send from (default: HEAD)");
  email_cmd->add_flag("--drafts", email.build.drafts, "include pages marked draft: true");
  email_cmd->add_option("--now", email.build.now, "the date and time to build as, e.g. 2024-04-12T09:00:00 (default: now)");

  herald::InitOptions init;
  std::string init_title, init_base_url;
  auto* init_cmd = app.add_subcommand("init", "make a new site: a git repository that builds at once");
  init_cmd->add_option("dir", init.dir, "the folder to make it in (new, or empty)")->required();
  auto* title_option = init_cmd->add_option("--title", init_title, "the partnership's name, in quotes");
  auto* base_url_option = init_cmd->add_option("--base-url", init_base_url, "the site's web address, https://.../");
  init_cmd->add_flag("--example", init.example, "add an example newsletter, briefing, procedures manual, report and event");
  std::string init_languages;
  auto* languages_option = init_cmd->add_option(
      "--languages", init_languages, "a site in English and Welsh: en-GB,cy (Welsh pages at /cy/)");

  // A mistyped command would otherwise be "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names = {"build", "check", "changes", "email", "init", "new", "serve"};
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string guess = herald::closest_match(argv[1], names);
      std::fprintf(stderr, "error: unknown command '%s'%s: herald build, check, changes, email, init, new or serve\n", argv[1],
                   guess.empty() ? "" : (" (did you mean " + guess + "?)").c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  herald::set_worker_count(jobs);
  if (*build_cmd) return herald::command_build(build);
  if (*check_cmd) return herald::command_check(check, format, external);
  if (*changes_cmd) return herald::command_changes(changes_repo, from, to);
  if (*new_cmd) return herald::command_new(new_repo, kind, title, date);
  if (*serve_cmd) return herald::command_serve(serve_repo, bind, port, serve_drafts);
  if (*email_cmd) return herald::command_email(email);
  if (*init_cmd) {
    if (*title_option) init.title = init_title;
    if (*base_url_option) init.base_url = init_base_url;
    if (*languages_option) init.languages = init_languages;
    return herald::command_init(init);
  }
  return 2;
}
