// `herald new`: a new content file from the kind's archetype, with today's date.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "commands/commands.h"
#include "core/text.h"
#include "git/repository.h"
#include "templates/theme.h"

namespace herald {
namespace fs = std::filesystem;

namespace {

/// The file of a new meeting of `board` (a folder of content/meetings/, or
/// its board's title) on `date`, and its title ("Executive meeting, January
/// 2027"); nullopt, having said why, when there is no such board.
std::optional<std::string> new_meeting_file(const std::string& root, const std::string& board, const std::string& date,
                                            std::string* title) {
  std::vector<std::pair<std::string, std::string>> boards;  // folder, title
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root + "content/meetings", ec)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string(), board_title;
    std::ifstream in(entry.path() / "_index.md");
    for (std::string line; std::getline(in, line);)
      if (line.rfind("title:", 0) == 0) {
        board_title = std::string(trim(std::string_view(line).substr(6)));
        if (board_title.size() >= 2 && (board_title.front() == '"' || board_title.front() == '\'') &&
            board_title.back() == board_title.front())
          board_title = board_title.substr(1, board_title.size() - 2);
        break;
      }
    boards.emplace_back(name, board_title);
  }
  std::sort(boards.begin(), boards.end());
  const std::pair<std::string, std::string>* found = nullptr;
  for (const auto& b : boards)
    if (b.first == board || to_lower(b.second) == to_lower(board) || b.first == slugify(board)) found = &b;
  if (!found) {
    std::string names;
    for (const auto& b : boards) names += (names.empty() ? "" : ", ") + b.first;
    std::fprintf(stderr, "error: there is no board '%s' in content/meetings/ (%s)\n", board.c_str(),
                 boards.empty() ? "there are none yet: make its folder with an _index.md first"
                                : ("boards: " + names).c_str());
    return std::nullopt;
  }
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
    std::fprintf(stderr, "error: a meeting's file is named by its date: give --date YYYY-MM-DD, such as --date 2027-01-21\n");
    return std::nullopt;
  }
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  int month = date.size() >= 7 ? std::atoi(date.substr(5, 2).c_str()) : 0;
  std::string when = month >= 1 && month <= 12 ? fmt::format("{} {}", months[month - 1], date.substr(0, 4)) : date;
  *title = fmt::format("{} meeting, {}", found->second.empty() ? found->first : found->second, when);
  return "content/meetings/" + found->first + "/" + date + ".md";
}

}  // namespace

int command_new(const std::string& repo_path, const std::string& kind, const std::string& title_in,
                const std::string& today) {
  // A chapter may name its manual first: "children/Allegations against staff".
  std::string title = title_in, manual;
  if (kind == "chapter") {
    size_t slash = title.find('/');
    if (slash != std::string::npos) {
      manual = std::string(trim(std::string_view(title).substr(0, slash)));
      title = std::string(trim(std::string_view(title).substr(slash + 1)));
    }
  }
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"newsletter", "content/newsletters/"}, {"briefing", "content/briefings/"},
      {"chapter", "content/procedures/"}, {"report", "content/reports/"}, {"event", "content/events/"},
      {"page", "content/pages/"}, {"meeting", "content/meetings/"}};
  std::string folder;
  for (const auto& [k, f] : kinds)
    if (k == kind) folder = f;
  if (folder.empty()) {
    std::fprintf(stderr, "error: unknown kind '%s': expected newsletter, briefing, chapter, report, event, page or meeting\n",
                 kind.c_str());
    return 2;
  }
  // A meeting is named by its board and its date: its file is the date.
  std::string slug = kind == "meeting" ? title : slugify(title);
  if (slug.empty()) {
    std::fprintf(stderr, "error: the title '%s' has no letters or digits to make a file name from\n", title.c_str());
    return 2;
  }
  std::string error;
  auto repo = Repository::open(repo_path, &error);
  if (!repo || repo->workdir().empty()) {
    std::fprintf(stderr, "error: %s\n", repo ? "a bare repository has no working tree" : error.c_str());
    return 2;
  }
  std::string root = repo->workdir();
  std::string rel;
  if (kind == "chapter") {
    // A chapter belongs to a manual: "manual/Chapter title" or the only manual there is.
    std::vector<std::string> manuals;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root + folder, ec))
      if (entry.is_directory()) manuals.push_back(entry.path().filename().string());
    std::sort(manuals.begin(), manuals.end());
    std::string names;
    for (const auto& m : manuals) names += (names.empty() ? "" : ", ") + m;
    if (!manual.empty()) {
      if (std::find(manuals.begin(), manuals.end(), manual) == manuals.end()) {
        std::fprintf(stderr, "error: there is no manual '%s' in content/procedures/ (%s)\n", manual.c_str(),
                     manuals.empty() ? "there are none yet: make its folder first" : ("manuals: " + names).c_str());
        return 2;
      }
    } else if (manuals.size() == 1) {
      manual = manuals.front();
    } else {
      std::fprintf(stderr, "error: say which manual the chapter belongs to, as in herald new chapter \"%s/%s\" (%s)\n",
                   manuals.empty() ? "children" : manuals.front().c_str(), title.c_str(),
                   manuals.empty() ? "there are no manuals yet: make a folder in content/procedures/ first"
                                   : ("manuals: " + names).c_str());
      return 2;
    }
    rel = folder + manual + "/" + slug + ".md";
  } else if (kind == "meeting") {
    std::optional<std::string> made = new_meeting_file(root, title, today, &title);
    if (!made) return 2;
    rel = *made;
  } else {
    rel = folder + slug + ".md";
  }
  std::string path = root + rel;
  if (fs::exists(path)) {
    std::fprintf(stderr, "error: %s already exists: herald new never overwrites a file\n", rel.c_str());
    return 1;
  }
  Theme theme = Theme::builtin();
  std::string archetype_path = "archetypes/" + kind + ".md";
  const std::string* archetype = theme.file(archetype_path);
  // A site's own archetype wins.
  std::string site_archetype = root + "themes/default/" + archetype_path;
  std::string text;
  if (fs::exists(site_archetype)) {
    std::ifstream in(site_archetype);
    text.assign(std::istreambuf_iterator<char>(in), {});
  } else if (archetype) {
    text = *archetype;
  } else {
    text = "---\ntitle: \"{{title}}\"\ndate: {{date}}\n---\n\n";
  }
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
      text.replace(pos, from.size(), to);
  };
  std::string quoted;
  for (char c : title) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  replace_all("{{title}}", quoted);
  replace_all("{{date}}", today);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path);
  out << text;
  if (!out) {
    std::fprintf(stderr, "error: cannot write %s\n", rel.c_str());
    return 2;
  }
  std::printf("%s\n", rel.c_str());
  return 0;
}

}  // namespace herald
