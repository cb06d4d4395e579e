// Assemble for boards and meetings: each board's meetings, their papers, and the action tracker with its checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/page.h"
#include "core/diagnostic.h"

namespace herald {

struct Library;
struct SourceFile;

/// One status an action was given, at one meeting.
struct ActionStatus {
  const Page* meeting = nullptr;
  std::string status, note;
};

/// An action of a board, with every status its meetings gave it.
struct TrackedAction {
  std::string id, action, owner;
  std::optional<DateTime> due;
  int item = 0;
  const Page* meeting = nullptr;  ///< where it was set
  std::vector<ActionStatus> history;  ///< in meeting order, the first where it was set
  std::string status;  ///< the latest
  bool overdue = false;  ///< open or in progress, and past its due date at the build's time
  bool withheld = false;  ///< set under a restricted item: never published
};

/// A board, committee or subgroup (content/meetings/<board>/_index.md).
struct Board {
  const Page* index = nullptr;
  std::string slug;
  std::vector<const Page*> meetings;  ///< published, by start
  std::vector<TrackedAction> actions;  ///< open and in progress first (by due date), then done and dropped
};

/// "PDF", "Word document"… for a paper's file name; "" when unknown.
std::string file_type_name(std::string_view file_name);

/// A file's size as a reader is told it: "812 bytes", "245 KB", "1.2 MB".
std::string file_size_text(int64_t bytes);

/// Is `relative`, a file of a meeting's bundle, the file of a paper under a
/// restricted item (then it is not published)?
bool is_withheld_paper(const Page& meeting, std::string_view relative);

/// Gathers the published meetings under their boards (a board without an
/// _index.md is an error), finds each paper's file (`files`, sorted by
/// path; a missing one is an error), and builds each board's action
/// tracker: an id set twice, or updated before it is set, is an error; an
/// open action past its due date a warning.
void assemble_boards(Library& library, const std::vector<SourceFile>* files, Diagnostics& diags);

}  // namespace herald
