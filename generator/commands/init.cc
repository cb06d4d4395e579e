// `herald init`: a new site repository, ready to build, from the skeleton compiled into herald.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "commands/commands.h"
#include "commands/init_skeleton.h"
#include "config/languages.h"
#include "git/repository.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

const char* kGuide = "https://github.com/herald-publishing/herald/blob/main/docs/guides/start-your-site.md";

/// Asks on the terminal until the answer can be used; nullopt at the end of input.
std::optional<std::string> ask(const char* question, const char* what, std::string (*check)(std::string&)) {
  while (true) {
    std::fputs(question, stdout);
    std::fflush(stdout);
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      std::fputs("\n", stdout);
      return std::nullopt;
    }
    std::string problem = check(answer);
    if (problem.empty()) return answer;
    std::printf("  The %s %s. Try again (Ctrl+C stops).\n", what, problem.c_str());
  }
}

/// The value of --title or --base-url: as given, else asked for on a terminal.
/// Prints the error and returns nullopt when it is missing or cannot be used.
std::optional<std::string> value_of(const std::optional<std::string>& given, const char* option, const char* what,
                                    const char* question, const char* missing,
                                    std::string (*check)(std::string&)) {
  if (given) {
    std::string value = *given;
    std::string problem = check(value);
    if (problem.empty()) return value;
    std::string shown = std::string(std::string_view(*given).substr(0, 200));
    std::fprintf(stderr, "error: %s%s %s\n", option, shown.empty() ? "" : (" '" + shown + "'").c_str(),
                 problem.c_str());
    return std::nullopt;
  }
  if (isatty(STDIN_FILENO)) {
    auto answer = ask(question, what, check);
    if (!answer) std::fprintf(stderr, "error: no %s was given: herald init made nothing\n", what);
    return answer;
  }
  std::fprintf(stderr, "error: %s is missing: %s\n", option, missing);
  return std::nullopt;
}

/// Writes a new file (and its folders); never replaces one. Returns "" or why not.
std::string write_new_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return ec.message();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return why;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return std::strerror(errno);
  return "";
}

}  // namespace

int command_init(const InitOptions& options) {
  const std::string& dir = options.dir;
  // The folder first, before asking anything: herald init never writes into a
  // folder that has something in it.
  std::error_code ec;
  fs::file_status status = fs::status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      std::fprintf(stderr, "error: '%s' is a file: give herald init the name of a new folder for the site\n",
                   dir.c_str());
      return 2;
    }
    fs::directory_iterator entries(dir, ec);
    if (ec) {
      std::fprintf(stderr, "error: cannot read the folder '%s': %s\n", dir.c_str(), ec.message().c_str());
      return 2;
    }
    if (entries != fs::directory_iterator()) {
      std::fprintf(stderr,
                   "error: the folder '%s' is not empty: herald init makes a new site in a new or empty "
                   "folder, and never changes files that are already there\n",
                   dir.c_str());
      return 2;
    }
  }
  // The languages before asking anything: nothing to ask about them.
  std::vector<std::string> languages;
  if (options.languages) {
    std::string problem = check_languages(*options.languages, languages);
    if (!problem.empty()) {
      std::fprintf(stderr, "error: --languages '%s' %s\n",
                   std::string(std::string_view(*options.languages).substr(0, 200)).c_str(), problem.c_str());
      return 2;
    }
  }
  auto title = value_of(options.title, "--title", "title",
                        "The partnership's name, the site's title (e.g. Eastshire Safeguarding Partnership): ",
                        "give the partnership's name, as in herald init DIR --title \"Eastshire Safeguarding "
                        "Partnership\" --base-url https://safeguarding.eastshire.example/",
                        check_title);
  if (!title) return 2;
  auto base_url = value_of(options.base_url, "--base-url", "address",
                           "The site's web address (e.g. https://safeguarding.eastshire.example/): ",
                           "give the site's web address, as in --base-url https://safeguarding.eastshire.example/ "
                           "(on GitHub Pages: https://<organisation>.github.io/<repository>/)",
                           check_base_url);
  if (!base_url) return 2;

  std::string error;
  auto repo = Repository::init(dir, "main", &error);
  if (!repo) {
    std::fprintf(stderr, "error: cannot make a git repository in '%s': %s\n", dir.c_str(), error.c_str());
    return 2;
  }
  SiteValues values = site_values(*title, *base_url, static_cast<int64_t>(std::time(nullptr)));
  auto files = skeleton_files(values, options.example, languages);
  for (const auto& [path, bytes] : files) {
    std::string why = write_new_file(fs::path(dir) / path, bytes);
    if (!why.empty()) {
      std::fprintf(stderr, "error: cannot write %s: %s\n", (fs::path(dir) / path).c_str(), why.c_str());
      return 2;
    }
  }

  std::string shown = dir;
  if (shown.back() != '/') shown += '/';
  std::printf("herald: made the site \"%s\" in %s, a new git repository with nothing committed yet:\n",
              title->c_str(), shown.c_str());
  for (const auto& [path, bytes] : files) std::printf("  %s\n", path.c_str());
  if (languages.size() > 1) {
    std::string code = language_code(languages[1]);
    std::printf("\nThe site is in English and Welsh: a page's Welsh is the file beside it ending .%s.md "
                "(content/pages/about.%s.md), published under /%s/. \"herald check\" lists the pages in one "
                "language only; the guide \"Publish in Welsh and English\" tells the rest.\n",
                code.c_str(), code.c_str(), code.c_str());
  }
  std::printf("\nNext, in a terminal:\n"
              "  cd %s\n"
              "  herald serve        see the site at http://127.0.0.1:1313/ as you edit it (Ctrl+C stops)\n"
              "  git add -A\n"
              "  git commit -m \"A new site\"\n"
              "  herald check        check what is committed, as publishing will\n"
              "README.md in the site says how to publish it, and the guide \"Start your site\" tells the rest:\n"
              "%s\n",
              shown.c_str(), kGuide);
  return 0;
}

}  // namespace herald
