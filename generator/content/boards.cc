// Boards: their meetings in order, the meetings' papers found, and each board's action tracker checked.
#include "content/boards.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "content/library.h"
#include "core/text.h"
#include "git/repository.h"

namespace herald {
namespace {

const SourceFile* find_source(const std::vector<SourceFile>& files, const std::string& path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const SourceFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

int64_t start_of(const Page* p) { return p->meeting.start ? p->meeting.start->utc_seconds : 0; }

/// Finds each paper's file: beside the meeting (a bundle) or, written from
/// the top (`/papers/x.pdf`), in static/.
void find_papers(Page& page, const std::vector<SourceFile>& files, Diagnostics& diags) {
  for (MeetingPaper& paper : page.meeting.papers) {
    const std::string& file = paper.file;
    if (file.find("..") != std::string::npos || file.find('\\') != std::string::npos ||
        file.find("://") != std::string::npos) {
      diags.error(paper.at, fmt::format("paper '{}': '{}' must be a file beside the meeting (report.pdf) or a file "
                                        "of static/ written from the top (/papers/report.pdf)",
                                        paper.title, file));
      continue;
    }
    std::string source, url;
    bool in_static = file[0] == '/';
    if (in_static) {
      source = "static" + file;
      url = file;
    } else if (!page.bundle_dir.empty()) {
      source = page.bundle_dir + file;
      url = page.url + file;
    } else {
      diags.error(paper.at,
                  fmt::format("paper '{}': this meeting is a single file, so it has no folder for '{}'. Make the "
                              "meeting a folder (content/meetings/{}/{}/index.md) with its papers beside it, or put "
                              "the file in static/ and write its place from the top, such as /papers/{}",
                              paper.title, file, page.meeting.board, page.slug, file));
      continue;
    }
    const SourceFile* found = find_source(files, source);
    if (!found || found->kind != SourceFile::Kind::file) {
      std::vector<std::string> nearby;
      std::string folder = source.substr(0, source.rfind('/') + 1);
      for (const SourceFile& f : files)
        if (starts_with(f.path, folder) && f.path.find('/', folder.size()) == std::string::npos)
          nearby.push_back(f.path.substr(folder.size()));
      std::string suggestion = closest_match(source.substr(folder.size()), nearby);
      diags.error(paper.at, fmt::format("paper '{}': there is no file {}{}", paper.title, source,
                                        suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
      continue;
    }
    if (in_static && page.meeting.is_restricted(paper.item)) {
      diags.error(paper.at, fmt::format("paper '{}' belongs to restricted item {}, but its file is in static/, "
                                        "which is always published: move it into the meeting's folder, where "
                                        "herald keeps it back",
                                        paper.title, paper.item));
      continue;
    }
    paper.url = url;
    paper.bytes = static_cast<int64_t>(found->content.size());
    paper.type = file_type_name(file);
  }
}

/// Every board's actions, in meeting order: set, then updated.
void track_actions(Board& board, int64_t now, Diagnostics& diags) {
  std::map<std::string, size_t> by_id;
  for (const Page* meeting : board.meetings) {
    const Meeting& m = meeting->meeting;
    for (const MeetingAction& a : m.actions) {
      auto found = by_id.find(a.id);
      if (!a.update) {
        if (found != by_id.end()) {
          const TrackedAction& first = board.actions[found->second];
          diags.error(a.at, fmt::format("action {} is set twice: first at the meeting of {} ({}). Give this one "
                                        "an id of its own, or, to update that action, give only its id, status and "
                                        "a note",
                                        a.id, first.meeting->meeting.start ? format_human_date(*first.meeting->meeting.start) : "",
                                        first.meeting->source_path));
          continue;
        }
        TrackedAction t;
        t.id = a.id;
        t.action = a.action;
        t.owner = a.owner;
        t.due = a.due;
        t.item = a.item;
        t.meeting = meeting;
        t.withheld = m.is_restricted(a.item);
        t.history.push_back({meeting, a.status, a.note});
        by_id.emplace(a.id, board.actions.size());
        board.actions.push_back(std::move(t));
        continue;
      }
      if (found == by_id.end()) {
        // Set at a later meeting of the board, or never.
        bool later = false;
        for (const Page* other : board.meetings)
          for (const MeetingAction& o : other->meeting.actions)
            later = later || (o.id == a.id && !o.update && start_of(other) > start_of(meeting));
        diags.error(a.at, later ? fmt::format("action {} is updated here before the meeting that sets it: an "
                                              "update belongs to a later meeting",
                                              a.id)
                                : fmt::format("action {} is not set at any earlier meeting of this board: give its "
                                              "'action' (what is to be done) to set it here, or check the id",
                                              a.id));
        continue;
      }
      board.actions[found->second].history.push_back({meeting, a.status, a.note});
    }
  }
  for (TrackedAction& t : board.actions) {
    t.status = t.history.back().status;
    bool pending = t.status == "open" || t.status == "in-progress";
    t.overdue = pending && t.due && t.due->utc_seconds < now;
    if (!t.overdue || t.withheld) continue;
    // Said where the action was set (its due date), unless a later meeting updated it.
    const Page* last = t.history.back().meeting;
    SourceLocation where{t.meeting->source_path, 0, 0};
    for (const MeetingAction& a : t.meeting->meeting.actions)
      if (a.id == t.id && !a.update) where = a.due_at.line ? a.due_at : a.at;
    if (last != t.meeting)
      for (const MeetingAction& a : last->meeting.actions)
        if (a.id == t.id) where = a.at;
    diags.warning(where, fmt::format("action {} is {} and was due on {}: record its progress at the next meeting "
                                     "(status: in-progress, done or dropped, with a note)",
                                     t.id, t.status == "open" ? "still open" : "still in progress",
                                     format_human_date(*t.due)));
  }
  // Open and in progress first, soonest due first; then done and dropped, in the order set.
  std::stable_sort(board.actions.begin(), board.actions.end(), [](const TrackedAction& a, const TrackedAction& b) {
    auto pending = [](const TrackedAction& t) { return t.status == "open" || t.status == "in-progress"; };
    if (pending(a) != pending(b)) return pending(a);
    if (!pending(a)) return false;
    int64_t da = a.due ? a.due->utc_seconds : INT64_MAX, db = b.due ? b.due->utc_seconds : INT64_MAX;
    return da < db;
  });
}

}  // namespace

std::string file_type_name(std::string_view name) {
  std::string ext = to_lower(name.substr(name.rfind('.') == std::string_view::npos ? name.size() : name.rfind('.') + 1));
  static const std::pair<const char*, const char*> types[] = {
      {"pdf", "PDF"},          {"doc", "Word document"}, {"docx", "Word document"},
      {"odt", "OpenDocument text"}, {"xls", "Excel spreadsheet"}, {"xlsx", "Excel spreadsheet"},
      {"ods", "OpenDocument spreadsheet"}, {"ppt", "PowerPoint presentation"},
      {"pptx", "PowerPoint presentation"}, {"odp", "OpenDocument presentation"},
      {"csv", "CSV"},          {"txt", "Text"},          {"rtf", "Rich Text"},
      {"png", "PNG image"},    {"jpg", "JPEG image"},    {"jpeg", "JPEG image"},
      {"zip", "ZIP archive"},
  };
  for (const auto& [e, type] : types)
    if (ext == e) return type;
  for (char& c : ext) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return ext.size() <= 5 ? ext : "";
}

std::string file_size_text(int64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

bool is_withheld_paper(const Page& meeting, std::string_view relative) {
  if (meeting.kind != Kind::meeting) return false;
  for (const MeetingPaper& p : meeting.meeting.papers)
    if (p.file == relative && meeting.meeting.is_restricted(p.item)) return true;
  return false;
}

void assemble_boards(Library& lib, const std::vector<SourceFile>* files, Diagnostics& diags) {
  std::map<std::string, Board> boards;
  for (Page& page : lib.pages) {
    if (!page.published) continue;
    if (page.kind == Kind::board) {
      Board& b = boards[page.meeting.board];
      b.slug = page.meeting.board;
      b.index = &page;
    } else if (page.kind == Kind::meeting) {
      if (files) find_papers(page, *files, diags);
      Board& b = boards[page.meeting.board];
      b.slug = page.meeting.board;
      b.meetings.push_back(&page);
    }
  }
  for (auto& [slug, board] : boards) {
    if (!board.index) {
      diags.error({board.meetings.front()->source_path, 1, 1},
                  fmt::format("board '{}' has no content/meetings/{}/_index{}.md giving its title and members{}",
                              slug, slug, language_suffix(*board.meetings.front()),
                              language_suffix(*board.meetings.front()).empty() ? "" : " in this language"));
      continue;
    }
    std::stable_sort(board.meetings.begin(), board.meetings.end(),
                     [](const Page* a, const Page* b) { return start_of(a) < start_of(b); });
    track_actions(board, lib.now, diags);
    lib.boards.push_back(std::move(board));
  }
  std::sort(lib.boards.begin(), lib.boards.end(), [](const Board& a, const Board& b) {
    return a.index->order != b.index->order ? a.index->order < b.index->order : a.index->title < b.index->title;
  });
}

}  // namespace herald
